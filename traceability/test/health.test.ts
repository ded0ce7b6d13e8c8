import { withDatabase } from "@coop/scripts/pg"
import { describe, expect, inject, it } from "vitest"
import { buildApp } from "../src/app.js"
import { loadConfig } from "../src/config.js"
import { JWT_SECRET, STAMP_SIGNING_SECRET } from "./helpers.js"

describe("/health", () => {
  it("answers 503 when the database cannot be reached", async () => {
    const app = await buildApp(
      loadConfig({
        // A real server, but a database that does not exist: every connection is refused.
        TRACEABILITY_DATABASE_URL: withDatabase(inject("pgServerUrl"), "trace_missing_database"),
        STAMP_SIGNING_SECRET,
        JWT_SECRET,
        LOG_LEVEL: "silent",
      }),
    )
    try {
      const response = await app.inject({ method: "GET", url: "/health" })
      expect(response.statusCode).toBe(503)
      expect(response.json()).toEqual({ status: "unavailable" })
    } finally {
      await app.close()
    }
  })
})
