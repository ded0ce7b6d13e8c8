import { defineConfig } from "vitest/config"

// Medusa's integration runner boots the whole app per file and require()s medusa-config.ts:
// one worker thread, files one after another, globals on (the runner calls describe/beforeAll).
export default defineConfig({
  test: {
    globals: true,
    pool: "threads",
    maxWorkers: 1,
    fileParallelism: false,
    include: ["integration-tests/**/*.test.ts", "src/**/__tests__/**/*.test.ts"],
    globalSetup: ["./integration-tests/global-setup.mts"],
    setupFiles: ["./integration-tests/setup.mts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
})
