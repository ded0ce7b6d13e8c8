import { defineConfig } from "vitest/config"

// Medusa's integration runner boots the whole app per file and require()s medusa-config.ts:
// one worker, files one after another, globals on (the runner calls describe/beforeAll).
// A child process per file, not a thread: ts-node's @swc/core addon crashed the whole run
// (SIGSEGV in an swc thread) when an integration file followed a unit file in a fresh thread.
export default defineConfig({
  test: {
    globals: true,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    include: ["integration-tests/**/*.test.ts", "src/**/__tests__/**/*.test.ts"],
    globalSetup: ["./integration-tests/global-setup.mts"],
    setupFiles: ["./integration-tests/setup.mts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
})
