// A stamp worker on its own: `node dist/jobs/stamp-worker-main.js [--once]`. The service runs one
// inside itself already; this process adds capacity, and the crash test kills it mid-job.
// Reads the service's environment, STAMP_JOB_CHUNK_SIZE, STAMP_JOB_LEASE_MS and STAMP_JOB_POLL_MS
// included (config.ts). `--once` exits when no job is left to claim.
import { pino } from "pino"
import { loadConfig } from "../config.js"
import { createPool } from "../store/db.js"
import { StampWorker } from "./stamp-worker.js"

const config = loadConfig(process.env)
const log = pino({ level: config.logLevel })

const pool = createPool(config.databaseUrl, {
  max: 2,
  onIdleError: (error) => log.error({ err: error }, "idle database client"),
})
const worker = new StampWorker(pool, config, log, config.stampJobs)
log.info({ owner: worker.owner }, "stamp worker started")

if (process.argv.includes("--once")) {
  const finished = await worker.runUntilIdle()
  log.info({ finished }, "stamp worker idle, exiting")
  await pool.end()
} else {
  worker.start()
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      await worker.stop()
      await pool.end()
      process.exit(0)
    })
  }
}
