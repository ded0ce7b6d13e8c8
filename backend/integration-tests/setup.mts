import { randomBytes } from "node:crypto"
import { mkdtempSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import path from "node:path"
import { adminQuery, asynchronousCommit, quoteIdentifier } from "./admin-db.mjs"

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

// Files run on two workers at once (vitest.config.ts): each test process keeps its uploads in a
// folder of its own, so one file's "nothing was stored" never sees another file's upload.
process.env.UPLOAD_DIR ||= mkdtempSync(path.join(tmpdir(), "coop-test-uploads-"))

// medusaIntegrationTestRunner creates an empty database per file and runs every module's
// migrations in it. With the template global-setup.mts migrated once for the run, the file's
// database starts as a copy of it (CREATE DATABASE … TEMPLATE) and the module migrations step is
// left out (it would only find every module up to date); link sync and search-index migrations
// still run as the runner does them. The runner reads these helpers from their modules' exports
// at call time, so replacing the exports is enough.
// Each test database also gets synchronous_commit off, set again on every restore (admin-db.mjs).
const template = process.env.MEDUSA_TEST_TEMPLATE_DB
if (template) {
  const runnerUtils = path.join(
    path.dirname(require.resolve("@medusajs/test-utils")),
    "medusa-test-runner-utils",
  )
  const templates = require(path.join(runnerUtils, "postgres-template.js"))
  const useDb = require(path.join(runnerUtils, "use-db.js"))
  templates.createDatabase = async ({ databaseName }: { databaseName: string }) =>
    adminQuery([
      `CREATE DATABASE ${quoteIdentifier(databaseName)} TEMPLATE ${quoteIdentifier(template)}`,
      asynchronousCommit(databaseName),
    ])
  const restore = templates.restorePostgresDatabaseFromTemplate
  templates.restorePostgresDatabaseFromTemplate = async (options: { databaseName: string }) => {
    await restore(options)
    await adminQuery([asynchronousCommit(options.databaseName)])
  }
  useDb.migrateDatabase = async () => {}
}
