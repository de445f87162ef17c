// The published plan types (stacks/lib/types.ts, written out so the package's
// .d.ts need no zod) must be exactly what the schemas parse to and accept. A
// field added to a schema and not to types.ts fails `tsc --noEmit` here.
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import * as S from "../../../stacks/lib/schema.ts";
import type { NodeAccess, NodeProcess, NodeSsh } from "../../../stacks/lib/node-access.ts";
import type * as T from "../../../stacks/lib/types.ts";

describe("published plan types", () => {
  it("equal the schemas' output types", () => {
    expectTypeOf<T.ObjectivesT>().toEqualTypeOf<z.output<typeof S.Objectives>>();
    expectTypeOf<T.NodeProcessT>().toEqualTypeOf<z.output<typeof NodeProcess>>();
    expectTypeOf<T.NodeAccessT>().toEqualTypeOf<z.output<typeof NodeAccess>>();
    expectTypeOf<T.NodeSshT>().toEqualTypeOf<z.output<typeof NodeSsh>>();
    expectTypeOf<T.FailoverTargetT>().toEqualTypeOf<z.output<typeof S.FailoverTarget>>();
    expectTypeOf<T.DependencyT>().toEqualTypeOf<z.output<typeof S.Dependency>>();
    expectTypeOf<T.HazardT>().toEqualTypeOf<z.output<typeof S.Hazard>>();
    expectTypeOf<T.RunbookStepT>().toEqualTypeOf<z.output<typeof S.RunbookStep>>();
    expectTypeOf<T.ServiceT>().toEqualTypeOf<z.output<typeof S.Service>>();
    expectTypeOf<T.PlanT>().toEqualTypeOf<z.output<typeof S.Plan>>();
  });

  it("equal the schemas' input types (what authors may write)", () => {
    expectTypeOf<T.ObjectivesInput>().toEqualTypeOf<z.input<typeof S.Objectives>>();
    expectTypeOf<T.NodeSshInput>().toEqualTypeOf<z.input<typeof NodeSsh>>();
    expectTypeOf<T.NodeAccessInput>().toEqualTypeOf<z.input<typeof NodeAccess>>();
    expectTypeOf<T.FailoverTargetInput>().toEqualTypeOf<z.input<typeof S.FailoverTarget>>();
    expectTypeOf<T.DependencyInput>().toEqualTypeOf<z.input<typeof S.Dependency>>();
    expectTypeOf<T.HazardInput>().toEqualTypeOf<z.input<typeof S.Hazard>>();
    expectTypeOf<T.RunbookStepInput>().toEqualTypeOf<z.input<typeof S.RunbookStep>>();
    expectTypeOf<T.ServiceInput>().toEqualTypeOf<z.input<typeof S.Service>>();
  });

  it("list the same likelihoods and impacts as the schema", () => {
    expectTypeOf<T.Likelihood>().toEqualTypeOf<(typeof S.LIKELIHOODS)[number]>();
    expectTypeOf<T.Impact>().toEqualTypeOf<(typeof S.IMPACTS)[number]>();
  });
});
