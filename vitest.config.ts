import { configDefaults, defineConfig } from "vitest/config";

// Tests of real outside tools that need no local stack: the Pulumi CLI built by
// scripts/pulumi-cli.sh, moto's FIS server from scripts/moto-venv.sh.
const TOOLS = ["test/integration/pulumi/**/*.test.ts", "test/integration/fis/**/*.test.ts"];

// Unit tests that evaluate a Pulumi program under mocks: Pulumi's runtime is
// process-global, so each of these files needs a module graph of its own.
const UNIT_PULUMI = ["test/unit/aws/aws-stack.test.ts", "test/unit/aws/infra-rules.test.ts", "test/unit/drill/scenario-validation.test.ts", "test/unit/env/declaration.test.ts", "test/unit/stacks/local-stack.test.ts", "test/unit/stacks/local-patroni-stack.test.ts"];

// Tiers: `unit` is pure and fast (no processes, no browser, no network);
// `e2e` runs the `drill` CLI as a process, Chromium, and real local processes and
// sockets that need no local stack; `integration` talks to real local services
// (PostgreSQL, Redis, HAProxy, real TCP) started once by its global setup; `tools`
// drives real outside programs (Pulumi CLI, moto) on ephemeral ports and temp dirs;
// `systems` starts systems we did not build (Patroni, sshd) itself.
export default defineConfig({
  test: {
    projects: [
      {
        // Pure tests share one module graph per worker thread (no isolation): loading
        // zod, the engine and the renderers once per worker instead of once per file
        // is most of the tier's time (106 s → 37 s wall measured on 2 cores).
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...UNIT_PULUMI],
          pool: "threads",
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "unit-pulumi",
          include: UNIT_PULUMI,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...TOOLS],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/heal-after-failure.ts"],
        },
      },
      {
        test: {
          name: "tools",
          include: TOOLS,
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        // Systems we did not build (a Patroni cluster, throwaway servers) that the tests start
        // themselves: none of our env is needed, so no global env up.
        test: {
          name: "systems",
          include: ["test/systems/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
