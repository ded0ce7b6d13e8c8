import { defineConfig } from "vitest/config"

// Medusa's integration runner boots the whole app per file and require()s medusa-config.ts;
// globals on (the runner calls describe/beforeAll). Two files at a time, each in its own process
// with its own database (a copy of the run's migrated template, see global-setup.mts), its own
// port and its own upload folder (setup.mts): one file waits on PostgreSQL while the other runs.
// BACKEND_TEST_WORKERS=1 runs them one after another.
// A child process per file, not a thread: ts-node's @swc/core addon crashed the whole run
// (SIGSEGV in an swc thread) when an integration file followed a unit file in a fresh thread.
export default defineConfig({
  test: {
    globals: true,
    pool: "forks",
    maxWorkers: Number(process.env.BACKEND_TEST_WORKERS || 2),
    include: ["integration-tests/**/*.test.ts", "src/**/__tests__/**/*.test.ts"],
    globalSetup: ["./integration-tests/global-setup.mts"],
    setupFiles: ["./integration-tests/setup.mts"],
    // Generous: two files share the two cores, and the fuzz files send thousands of requests.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
