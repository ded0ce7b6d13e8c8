// Entry point: `node dist/server.js`. Migrations run separately (`node dist/store/migrate-cli.js`).
import { buildApp } from "./app.js"
import { ConfigError, loadConfig } from "./config.js"

function readConfig() {
  try {
    return loadConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error("traceability: invalid configuration")
    for (const problem of error.problems) console.error(`  ${problem}`)
    process.exit(1)
  }
}

const config = readConfig()
const app = await buildApp(config)

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    app.log.info({ signal }, "shutting down")
    await app.close()
    process.exit(0)
  })
}

try {
  await app.listen({ port: config.port, host: config.host })
} catch (error) {
  app.log.fatal({ err: error }, "could not start")
  process.exit(1)
}
