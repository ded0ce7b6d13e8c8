import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { createBatch, issue, type StampService, startStampService } from "./stamp-service.js"

// GET /batches/:id/stamps: the seller portal's list of a batch's stamps with their scans and
// counterfeit signals, on real PostgreSQL with scans made through the resolver.

let service: StampService
let t: StampService["tokens"]

beforeAll(async () => {
  service = await startStampService()
  t = service.tokens
})

afterAll(() => service?.close())

type Listed = {
  summary: Record<string, number>
  stamps: {
    seq: number
    serial: string
    state: string
    scan_count: number
    counterfeit_signals: number
    void_reason: string | null
  }[]
  next_after_seq: number | null
}

async function list(batchId: string, query = "", token = t.member) {
  const response = await service.call("GET", `/batches/${batchId}/stamps${query}`, { token })
  return { status: response.status, body: response.body as Listed }
}

describe("listing a batch's stamps", () => {
  it("pages in issue order with states, scans and counterfeit signals, and totals", async () => {
    const batchId = await createBatch(service)
    const { stamps } = (await issue(service, batchId, { count: 5 })).body
    await service.call("POST", `/batches/${batchId}/stamps/void`, {
      token: t.member,
      body: { serials: [stamps[3].serial], reason: "Rách tem" },
    })
    const json = { accept: "application/json" }
    // Stamp 1 scanned twice; the voided stamp 4 scanned once: a counterfeit signal.
    for (const uri of [stamps[0].uri, stamps[0].uri, stamps[3].uri]) {
      expect((await fetch(uri, { headers: json })).status).toBe(200)
    }
    // The scan log is written in batches: wait for it.
    await vi.waitFor(
      async () => {
        const { body } = await list(batchId)
        expect(body.summary).toEqual({
          issued: 4,
          voided: 1,
          scanned: 2,
          scans: 3,
          counterfeit_signals: 1,
        })
      },
      { timeout: 10_000, interval: 100 },
    )

    const first = await list(batchId, "?limit=2")
    expect(first.status).toBe(200)
    expect(first.body.stamps.map((s) => s.seq)).toEqual([1, 2])
    expect(first.body.stamps[0]).toMatchObject({
      serial: stamps[0].serial,
      scan_count: 2,
      counterfeit_signals: 0,
    })
    expect(first.body.next_after_seq).toBe(2)
    const second = await list(batchId, "?limit=2&after_seq=2")
    expect(second.body.stamps.map((s) => s.seq)).toEqual([3, 4])
    expect(second.body.stamps[1]).toMatchObject({
      state: "voided",
      void_reason: "Rách tem",
      scan_count: 1,
      counterfeit_signals: 1,
    })
    const last = await list(batchId, "?limit=2&after_seq=4")
    expect(last.body.stamps.map((s) => s.seq)).toEqual([5])
    expect(last.body.next_after_seq).toBeNull()

    const signals = await list(batchId, "?signals=true")
    expect(signals.body.stamps.map((s) => s.seq)).toEqual([4])
  })

  it("answers 404 to other sellers and officers, 401 without a token, 400 naming a bad query", async () => {
    const batchId = await createBatch(service)
    await issue(service, batchId, { count: 1 })
    expect((await list(batchId, "", t.helper)).status).toBe(200)
    expect((await list(batchId, "", t.otherMember)).status).toBe(404)
    expect((await list(batchId, "", t.communeOfficer)).status).toBe(404)
    expect((await list(batchId, "", t.customer)).status).toBe(404)
    const anonymous = await fetch(`${service.base}/batches/${batchId}/stamps`)
    expect(anonymous.status).toBe(401)
    const bad = await list(batchId, "?limit=500")
    expect(bad.status).toBe(400)
    expect((bad.body as unknown as { field: string }).field).toBe("limit")
  })
})
