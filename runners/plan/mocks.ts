// What the mock runtime answers in place of the providers. Every answer is
// documented beside it (docs/mock-evaluation.md lists them for users).
import type { PulumiModule } from "./pulumi-runtime.ts";
import type { PulumiProgram } from "./pulumi-project.ts";

export type Recorder = (type: string, name: string, recorded: { inputs: Record<string, unknown>; custom: boolean }) => void;
type Mocks = Parameters<PulumiModule["runtime"]["setMocks"]>[0];

/** Mocks that record every resource's inputs and answer as the providers would. */
export function providerMocks(_pulumi: PulumiModule, _program: PulumiProgram, record: Recorder): Mocks {
  return {
    newResource(args) {
      record(args.type, args.name, { inputs: args.inputs ?? {}, custom: args.custom ?? false });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call(args) {
      return args.inputs;
    },
  };
}
