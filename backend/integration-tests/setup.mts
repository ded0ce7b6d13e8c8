import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

// Medusa require()s medusa-config.ts and the project's TypeScript sources at run time.
require("ts-node").register({ transpileOnly: true, swc: true })
require("tsconfig-paths").register()

process.env.NODE_ENV ??= "test"
// The tests' seed must not overwrite the developer's storefront/.env.local.
process.env.SEED_STOREFRONT_ENV_FILE = "off"
