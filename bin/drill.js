#!/usr/bin/env node
// The `drill` command. Stacks and scenarios are TypeScript loaded at run time,
// so the CLI itself runs through tsx's loader rather than a build step.
import { register } from "tsx/esm/api";

register();
await import("../runners/cli/main.ts");
