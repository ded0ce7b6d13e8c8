import { defineConfig } from "vitest/config"

// `npm run test:cluster` only (not part of `npm test`): one file, the cluster started once.
export default defineConfig({
  test: {
    include: ["cluster-test/**/*.test.mjs"],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
})
