#!/usr/bin/env node
// The `drill` command. Stacks and scenarios are TypeScript loaded at run time,
// so the CLI itself runs through tsx's loader rather than a build step. Both of
// tsx's loaders: a user's CommonJS-typed Pulumi program (no "type": "module",
// as `pulumi new typescript` makes it) must be compiled to require() calls.
import { register as registerCjs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

registerCjs();
register();
await import("../runners/cli/main.ts");
