// Pulumi's own Node.js loader path, as `pulumi preview` runs a TypeScript
// program: @pulumi/pulumi's cmd/run `run()` (the code the nodejs language host
// starts) with PULUMI_NODEJS_TYPESCRIPT=true, so the program is registered with
// ts-node using the program's tsconfig.json and type-checked on require, exactly
// as under the CLI. Only the engine is replaced, by Pulumi's own mocks.
// Run in the program's folder; prints the plan's services, exit 1 on any error.
"use strict";
const path = require("node:path");
const fromProgram = (id) => require(require.resolve(id, { paths: [process.cwd()] }));
process.env.PULUMI_NODEJS_TYPESCRIPT = "true";
const pulumi = fromProgram("@pulumi/pulumi");
// run.js requires its folder's index.js, the language host's entry, which parses
// argv and runs the program itself on load; it is replaced by what run.js reads of it.
const Module = require("node:module");
const indexPath = require.resolve("@pulumi/pulumi/cmd/run/index.js", { paths: [process.cwd()] });
const stub = new Module(indexPath);
stub.filename = indexPath;
stub.loaded = true;
stub.exports = { nodeJSProcessExitedAfterLoggingUserActionableMessage: 32 };
require.cache[indexPath] = stub;
const { run } = fromProgram("@pulumi/pulumi/cmd/run/run.js");

pulumi.runtime.setMocks(
  {
    newResource: (args) => ({ id: `${args.name}-id`, state: { ...args.inputs, address: `${args.name}.example.internal`, endpoint: `${args.name}.example.internal:5432` } }),
    call: (args) => args.inputs,
  },
  path.basename(process.cwd()),
  "dev",
  true,
);

let failed = false;
const fail = (err) => {
  if (failed) return;
  failed = true;
  process.stderr.write(`pulumi-loader: ${err && err.name === "TSError" ? err.message : (err && err.stack) || err}\n`);
  process.exitCode = 1;
};
run({ _: ["."] }, () => {}, fail, () => failed)
  .then((outputs) => {
    if (!outputs || !outputs.continuityPlan) throw new Error("the program exported no continuityPlan");
    // runInPulumiStack hands back the stack's outputs resolved; an Output only in older SDKs.
    const print = (plan) => process.stdout.write(`${plan.services.map((s) => `${s.name}@${s.endpoints.primary}`).join(",")}\n`);
    if (pulumi.Output.isInstance(outputs.continuityPlan)) outputs.continuityPlan.apply(print);
    else print(outputs.continuityPlan);
  })
  .catch(fail);
