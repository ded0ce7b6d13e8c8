// Builds the migrated database every integration file starts from (run once per test run by
// global-setup.mts, in its own process). It repeats, step for step, what Medusa's
// medusaIntegrationTestRunner does before it starts the app: module migrations, link sync,
// search-index migrations. Each file's runner then creates its database as a copy of this one
// (setup.mts) and finds nothing left to migrate, instead of running ~200 migrations itself.
// Usage: node integration-tests/migrate-template.mjs <database name>, with DB_HOST, DB_PORT,
// DB_USERNAME, DB_PASSWORD set as global-setup.mts sets them.
import { randomBytes } from "node:crypto"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { adminQuery, asynchronousCommit } from "./admin-db.mjs"

const require = createRequire(import.meta.url)
const cwd = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const dbName = process.argv[2]
if (!dbName) throw new Error("usage: migrate-template.mjs <database name>")

process.chdir(cwd)
process.env.NODE_ENV ??= "test"
process.env.JWT_SECRET ||= randomBytes(32).toString("hex")
process.env.COOKIE_SECRET ||= randomBytes(32).toString("hex")
require("ts-node").register({ transpileOnly: true, swc: true })
require("tsconfig-paths").register()

const testUtils = path.dirname(require.resolve("@medusajs/test-utils"))
const runnerUtils = require(path.join(testUtils, "medusa-test-runner-utils"))
const { dbTestUtilFactory, getDatabaseURL } = require(path.join(testUtils, "database"))
const { asValue } = require("@medusajs/framework/awilix")
const { logger } = require("@medusajs/framework/logger")
const { Migrator } = require("@medusajs/framework/migrations")
const {
  ContainerRegistrationKeys,
  getResolvedPlugins,
  mergePluginModules,
} = require("@medusajs/framework/utils")

const dbUtils = dbTestUtilFactory()
await runnerUtils.configLoaderOverride(cwd, { clientUrl: getDatabaseURL(dbName), debug: false })
const { container, MedusaAppLoader } = await import("@medusajs/framework")
const appLoader = new MedusaAppLoader({ medusaConfigPath: cwd, cwd })
const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
mergePluginModules(configModule, await getResolvedPlugins(cwd, configModule), cwd)
container.register({ [ContainerRegistrationKeys.LOGGER]: asValue(logger) })
await dbUtils.create(dbName)
await adminQuery([asynchronousCommit(dbName)])
dbUtils.pgConnection_ = await runnerUtils.initDb()
await new Migrator({ container }).ensureMigrationsTable()
await runnerUtils.migrateDatabase(appLoader)
await runnerUtils.syncLinks(appLoader, cwd, container, logger)
await runnerUtils.clearInstances()
const { loadSearchIndexes } = require("@medusajs/medusa/loaders/search")
await loadSearchIndexes({
  plugins: await getResolvedPlugins(cwd, configModule, true),
  configModule,
  logger,
})
await appLoader.load()
await runnerUtils.migrateSearchIndexes(container, logger)
logger.info(`Template database ${dbName} migrated`)
// Connections, timers and the in-memory modules would keep the process alive.
process.exit(0)
