// Which @pulumi/pulumi a program is evaluated with. The mocks must be installed
// on the very copy the program registers its resources with: a second copy
// (say ours nested under node_modules/continuity-drill beside the user's own)
// has its own monitor, its own protobuf classes and its own stack, so the
// program's resources would reach a mock of another release
// (`resp.getUnknown is not a function`) or no mock at all (the run ends with
// nothing settled: Node's exit 13).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { readFileSync, realpathSync } from "node:fs";
import { inputError } from "../../core/errors.ts";

export type PulumiModule = typeof import("@pulumi/pulumi");

/** The range of @pulumi/pulumi releases this package is tested with (package.json peerDependencies). */
export const SUPPORTED_PULUMI = readOwnPeerRange();

export interface PulumiRuntime {
  pulumi: PulumiModule;
  /** The package directory it was loaded from, and its version. */
  dir: string;
  version: string;
}

const ours = createRequire(import.meta.url);

function readOwnPeerRange(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { peerDependencies?: Record<string, string> };
  return pkg.peerDependencies?.["@pulumi/pulumi"] ?? "*";
}

function packageDir(req: NodeJS.Require): string | undefined {
  try {
    return realpathSync(dirname(req.resolve("@pulumi/pulumi/package.json")));
  } catch {
    return undefined;
  }
}

const versionIn = (dir: string) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;

/**
 * The @pulumi/pulumi the program at `entry` resolves, which must be the one our
 * component library (continuity-drill/stacks) resolves too.
 * Throws an input DrillError naming both copies when they differ.
 */
export function pulumiRuntimeFor(entry: string): PulumiRuntime {
  const programDir = packageDir(createRequire(entry));
  const ourDir = packageDir(ours);
  // The program's `continuity-drill/stacks` is this package's source under the CLI (fallback-resolve.ts).
  const libraryDir = ourDir;
  if (programDir && libraryDir && programDir !== libraryDir) {
    throw inputError(`${entry}: two copies of @pulumi/pulumi: the program's ${versionIn(programDir)} (${programDir}) and continuity-drill's ${versionIn(libraryDir)} (${libraryDir}). ` +
        `Resources of one are invisible to the other: ${libraryDir.startsWith(dirname(dirname(programDir))) ? `install a @pulumi/pulumi in ${SUPPORTED_PULUMI} and run \`npm dedupe\`` : "install continuity-drill beside the program (npm i -D continuity-drill) so that both use the program's copy"}.`);
  }
  const dir = programDir ?? ourDir;
  if (!dir) throw inputError(`${entry}: @pulumi/pulumi is not installed beside the program (npm i @pulumi/pulumi)`, { file: entry });
  return { pulumi: ours(dir) as PulumiModule, dir, version: versionIn(dir) };
}
