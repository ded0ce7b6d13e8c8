// Entry point: `node dist/server.js`. Migrations run separately (`node dist/store/migrate-cli.js`).
import { buildApp } from "./app.js"
import { ConfigError, loadConfig } from "./config.js"
import { OutboxDeliverer } from "./jobs/outbox-deliverer.js"
import { createPool } from "./store/db.js"

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

// Indicator events go to the backend when INDICATORS_WEBHOOK_URL is set; otherwise they wait in
// outbox_event. The deliverer has its own small pool: it never takes the requests' connections.
const { webhook } = config.indicators
let outbox: { pool: ReturnType<typeof createPool>; deliverer: OutboxDeliverer } | null = null
if (webhook) {
  const pool = createPool(config.databaseUrl, {
    max: 2,
    onIdleError: (error) => app.log.error({ err: error }, "idle database client (outbox)"),
  })
  const { batchSize, intervalMs } = config.indicators
  const options = { url: webhook.url, secret: webhook.secret, batchSize, intervalMs }
  outbox = { pool, deliverer: new OutboxDeliverer(pool, options, app.log) }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    app.log.info({ signal }, "shutting down")
    // The app writes the scans it holds (and their events, left pending for the next start);
    // the deliverer finishes the POST in flight, if any.
    await Promise.all([app.close(), outbox?.deliverer.stop()])
    await outbox?.pool.end()
    process.exit(0)
  })
}

try {
  await app.listen({ port: config.port, host: config.host })
  if (outbox) {
    outbox.deliverer.start()
    app.log.info({ url: webhook?.url }, "indicator events: delivering to the backend")
  }
} catch (error) {
  app.log.fatal({ err: error }, "could not start")
  process.exit(1)
}
