// Applies pending migrations to TRACEABILITY_DATABASE_URL: `node dist/store/migrate-cli.js`.
import { migrate } from "./migrator.js"

const databaseUrl = process.env.TRACEABILITY_DATABASE_URL
if (!databaseUrl) {
  console.error(
    "TRACEABILITY_DATABASE_URL: required (for example postgres://user:pass@localhost:5432/traceability)",
  )
  process.exit(1)
}

try {
  const applied = await migrate(databaseUrl, { log: (message) => console.log(message) })
  console.log(applied.length ? `Applied ${applied.length} migration(s)` : "Database is up to date")
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
