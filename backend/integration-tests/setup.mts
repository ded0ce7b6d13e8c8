import { randomBytes } from "node:crypto"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

// Medusa require()s medusa-config.ts and the project's TypeScript sources at run time.
require("ts-node").register({ transpileOnly: true, swc: true })
require("tsconfig-paths").register()

process.env.NODE_ENV ??= "test"
// The backend refuses to start without its secrets (no insecure fallback outside an explicit
// development flag): each test process gets its own.
process.env.JWT_SECRET ||= randomBytes(32).toString("hex")
process.env.COOKIE_SECRET ||= randomBytes(32).toString("hex")
// The tests' seed must not overwrite the developer's storefront/.env.local.
process.env.SEED_STOREFRONT_ENV_FILE = "off"
