import { defineConfig } from "vitest/config";

// Two tiers: `unit` is pure and fast; `integration` talks to real local services
// (PostgreSQL, Redis, HAProxy, real TCP) started once by its global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ["test/integration/global-setup.ts"],
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
