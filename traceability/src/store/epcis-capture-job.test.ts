import { describe, expect, it } from "vitest"
import { CAPTURE_STALE_MS, jobFromRow } from "./epcis-query.js"

const row = (status: string, minutesAgo: number, now: number) => ({
  id: "job-1",
  owner: "seller:sel_1",
  idempotency_key: "k-1",
  document_hash: "h",
  status,
  event_count: 0,
  errors: [],
  created_at: new Date(now - minutesAgo * 60_000).toISOString(),
  finished_at: null,
})

describe("a capture job as read back", () => {
  const now = Date.parse("2026-12-07T09:00:00Z")

  it("is still running while its request may still be writing", () => {
    const job = jobFromRow(row("running", 2, now), now)
    expect(job).toMatchObject({ status: "running", errors: [] })
  })

  it("reads as failed, nothing written, once its process must have died midway", () => {
    const minutes = CAPTURE_STALE_MS / 60_000 + 1
    const job = jobFromRow(row("running", minutes, now), now)
    expect(job.status).toBe("failed")
    expect(job.errors).toEqual([
      expect.objectContaining({
        path: "",
        en: expect.stringContaining("nothing was written"),
        vi: expect.stringContaining("chưa có gì được ghi"),
      }),
    ])
  })

  it("keeps a finished job's own outcome however old it is", () => {
    const done = { ...row("succeeded", 600, now), event_count: 3 }
    expect(jobFromRow(done, now)).toMatchObject({ status: "succeeded", eventCount: 3, errors: [] })
  })
})
