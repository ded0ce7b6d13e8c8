import { type ChildProcess, spawn } from "node:child_process"
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import type pg from "pg"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { OutboxDeliverer, type OutboxDelivererOptions } from "../src/jobs/outbox-deliverer.js"
import { claimOutbox } from "../src/store/outbox.js"
import { ScanLog } from "../src/store/scan-log.js"
import { insertScans, type ScanRow } from "../src/store/scans.js"
import { freePort } from "./helpers.js"
import { forge } from "./scan-fixtures.js"
import {
  createBatch,
  issue,
  RICE,
  type StampService,
  startStampService,
  TEA,
} from "./stamp-service.js"

// Indicator events: written in the same transaction as stamps issued or voided and as each write
// of the scan log, then delivered to the backend in signed batches, at least once.

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const SECRET = "indicators-webhook-secret-for-tests"
const silent = { info: () => {}, warn: () => {}, error: () => {} }

let service: StampService

beforeAll(async () => {
  service = await startStampService({ stampWorker: { chunkSize: 400, pollMs: 60_000 } })
})

afterAll(() => service?.close())

interface EventRow {
  id: string
  type: string
  payload: Record<string, unknown>
  occurred_at: Date
  delivered_at: Date | null
  attempts: number
  last_error: string | null
}

async function eventsOf(batchId: string, type?: string): Promise<EventRow[]> {
  const { rows } = await service.pool.query(
    `SELECT id, type, payload, occurred_at, delivered_at, attempts, last_error FROM outbox_event
     WHERE payload->>'batch_id' = $1 AND ($2::text IS NULL OR type = $2)
     ORDER BY occurred_at, created_at`,
    [batchId, type ?? null],
  )
  return rows
}

const sum = (events: EventRow[], field = "count") =>
  events.reduce((total, event) => total + (event.payload[field] as number), 0)

describe("stamps.issued and stamps.voided", () => {
  it("writes one stamps.issued per request and per committed chunk, summing to the stamps issued", async () => {
    const batchId = await createBatch(service)
    expect((await issue(service, batchId, { count: 5 })).status).toBe(201)
    const accepted = await issue(service, batchId, { count: 2_500 })
    expect(accepted.status).toBe(202)
    await vi.waitFor(
      async () => {
        const { rows } = await service.pool.query("SELECT state FROM stamp_job WHERE id = $1", [
          accepted.body.job.id,
        ])
        expect(rows[0].state).toBe("done")
      },
      { timeout: 15_000, interval: 50 },
    )

    const events = await eventsOf(batchId)
    // The request's 5, then the job's chunks of 400 (six) and the last 100.
    expect(events.map((event) => event.payload.count)).toEqual([
      5, 400, 400, 400, 400, 400, 400, 100,
    ])
    for (const event of events) {
      expect(event.type).toBe("stamps.issued")
      expect(event.payload).toEqual({
        seller_id: RICE.seller.id,
        product_id: RICE.id,
        batch_id: batchId,
        count: event.payload.count,
      })
      expect(event.delivered_at).toBeNull()
    }
    // Each event is its own transaction's stamps: same time, same number.
    const { rows: issued } = await service.pool.query(
      `SELECT issued_at, count(*)::int AS n FROM stamp WHERE batch_id = $1
       GROUP BY issued_at ORDER BY issued_at`,
      [batchId],
    )
    expect(issued.map((row) => [row.issued_at.getTime(), row.n])).toEqual(
      events.map((event) => [event.occurred_at.getTime(), event.payload.count]),
    )
    expect(sum(events)).toBe(2_505)
  })

  it("writes nothing for a refused request or an idempotent replay", async () => {
    const batchId = await createBatch(service)
    await issue(service, batchId, { count: 3 }, { key: "once" })
    const replay = await issue(service, batchId, { count: 3 }, { key: "once" })
    expect(replay.headers.get("idempotent-replayed")).toBe("true")
    expect((await issue(service, batchId, { count: 0 })).status).toBe(400)
    expect((await eventsOf(batchId)).map((event) => event.payload.count)).toEqual([3])
  })

  it("writes stamps.voided with the stamps newly voided, and nothing when none was", async () => {
    const batchId = await createBatch(service, TEA.id)
    const { stamps } = (await issue(service, batchId, { count: 10 })).body
    const range = { from_serial: stamps[2].serial, to_serial: stamps[5].serial, reason: "Mất cuộn" }
    const voidStamps = (body: object) =>
      service.call("POST", `/batches/${batchId}/stamps/void`, {
        token: service.tokens.member,
        body,
      })
    expect((await voidStamps(range)).body).toEqual({ voided: 4, already_voided: 0 })
    expect((await voidStamps(range)).body).toEqual({ voided: 0, already_voided: 4 })
    const list = { serials: [stamps[3].serial, stamps[7].serial], reason: "In hỏng" }
    expect((await voidStamps(list)).body).toEqual({ voided: 1, already_voided: 1 })

    const events = await eventsOf(batchId, "stamps.voided")
    expect(events.map((event) => event.payload)).toEqual([
      { seller_id: TEA.seller.id, product_id: TEA.id, batch_id: batchId, count: 4 },
      { seller_id: TEA.seller.id, product_id: TEA.id, batch_id: batchId, count: 1 },
    ])
    const { rows } = await service.pool.query(
      "SELECT DISTINCT voided_at FROM stamp WHERE batch_id = $1 AND state = 'voided' ORDER BY 1",
      [batchId],
    )
    expect(rows.map((row) => row.voided_at.getTime())).toEqual(
      events.map((event) => event.occurred_at.getTime()),
    )
  })
})

describe("scans.recorded", () => {
  let n = 0
  const row = (
    stamp: { serial: string; batchId: string },
    at: string,
    verdict: ScanRow["verdict"],
  ): ScanRow => ({
    // Time-ordered ids are not needed here; unique ones are.
    id: randomUUID(),
    serial: stamp.serial,
    batchId: stamp.batchId,
    scannedAt: new Date(at),
    number: ++n,
    verdict,
    userAgentFamily: "zalo",
    language: "vi",
    ipPrefix: null,
    counted: true,
  })

  async function stampsOf(productId: string, count: number) {
    const batchId = await createBatch(service, productId)
    const { stamps } = (await issue(service, batchId, { count })).body
    return {
      batchId,
      stamps: stamps.map((s: { serial: string }) => ({ serial: s.serial, batchId })),
    }
  }

  it("counts scans, first scans and counterfeit signals per batch and quarter (Vietnam time) of each write", async () => {
    const a = await stampsOf(RICE.id, 3)
    const b = await stampsOf(TEA.id, 2)
    const [a1, a2, a3] = a.stamps
    const [b1, b2] = b.stamps
    const log = new ScanLog(service.pool, { intervalMs: 60_000, maxRows: 100 })

    // An earlier write: a1's first scan.
    const earlier = row(a1, "2026-06-30T09:00:00Z", "genuine_first_scan")
    log.add(earlier)
    await log.flush()
    expect((await eventsOf(a.batchId, "scans.recorded")).map((e) => e.payload)).toEqual([
      {
        seller_id: RICE.seller.id,
        product_id: RICE.id,
        batch_id: a.batchId,
        count: 1,
        first_scans: 1,
        counterfeit: 0,
      },
    ])
    // b2 was flagged (a located scan's impossible journey) before any scan of it was written:
    // its first signal, counted by the location post's stamps.flagged, as flagImpossibleTravel does.
    await service.pool.query(
      `INSERT INTO stamp_scan_summary (serial, flagged_at, signal_count, signalled_at)
       VALUES ($1, now(), 1, now())`,
      [b2.serial],
    )

    // 2026-Q2 ends at 2026-06-30T17:00:00Z in Vietnam (UTC+7).
    for (const scan of [
      earlier, // a retried row: already written, counted nowhere again
      row(a1, "2026-06-30T10:00:00Z", "genuine_repeat"),
      row(a2, "2026-06-30T16:59:59Z", "genuine_first_scan"),
      row(a2, "2026-06-30T17:00:01Z", "genuine_repeat"),
      row(a3, "2026-06-30T17:05:00Z", "voided"),
      row(a2, "2026-06-30T17:10:00Z", "suspicious"),
      row(a2, "2026-06-30T17:20:00Z", "suspicious"),
      row(b1, "2026-07-01T01:00:00Z", "genuine_first_scan"),
      row(b1, "2026-07-01T02:00:00Z", "genuine_repeat"),
      row(b2, "2026-07-01T03:00:00Z", "suspicious"),
    ])
      log.add(scan)
    await log.close()

    const payloadAndTime = (events: EventRow[]) =>
      events.map((event) => ({ ...event.payload, at: event.occurred_at.toISOString() }))
    const rice = { seller_id: RICE.seller.id, product_id: RICE.id, batch_id: a.batchId }
    expect(payloadAndTime(await eventsOf(a.batchId, "scans.recorded"))).toEqual([
      { ...rice, count: 1, first_scans: 1, counterfeit: 0, at: "2026-06-30T09:00:00.000Z" },
      // Q2: a1 again, a2's first scan.
      { ...rice, count: 2, first_scans: 1, counterfeit: 0, at: "2026-06-30T16:59:59.000Z" },
      // Q3: a2 three times (twice suspicious), a3's first scan, voided: two stamps with signals.
      { ...rice, count: 4, first_scans: 1, counterfeit: 2, at: "2026-06-30T17:20:00.000Z" },
    ])
    const tea = { seller_id: TEA.seller.id, product_id: TEA.id, batch_id: b.batchId }
    expect(payloadAndTime(await eventsOf(b.batchId, "scans.recorded"))).toEqual([
      // b2's suspicious scan is not a new signal: its flag was counted already.
      { ...tea, count: 3, first_scans: 2, counterfeit: 0, at: "2026-07-01T03:00:00.000Z" },
    ])

    // Summed over events, the counts are the scan log's: counted scans, stamps, and stamps
    // whose first signal was a scan (b2's came from its location).
    for (const batch of [a, b]) {
      const { rows } = await service.pool.query(
        `SELECT count(*) FILTER (WHERE counted)::int AS scans, count(DISTINCT serial)::int AS stamps,
                count(DISTINCT serial) FILTER (WHERE verdict IN ('suspicious', 'voided')
                  AND serial <> $2)::int AS counterfeit
         FROM scan WHERE batch_id = $1`,
        [batch.batchId, b2.serial],
      )
      const events = await eventsOf(batch.batchId, "scans.recorded")
      expect({
        scans: sum(events),
        stamps: sum(events, "first_scans"),
        counterfeit: sum(events, "counterfeit"),
      }).toEqual(rows[0])
    }
  })

  it("counts a stamp's counterfeit signal once, across writes and two instances at once", async () => {
    const { batchId, stamps } = await stampsOf(RICE.id, 1)
    const [stamp] = stamps
    const other = await service.pool.connect()
    try {
      await other.query("BEGIN")
      await insertScans(other as unknown as pg.Pool, [
        row(stamp, "2026-08-02T01:00:00Z", "suspicious"),
      ])
      const second = insertScans(service.pool, [row(stamp, "2026-08-02T01:00:01Z", "suspicious")])
      await new Promise((resolve) => setTimeout(resolve, 100))
      await other.query("COMMIT")
      await second
    } finally {
      other.release()
    }
    // A later write of more suspicious scans, and a repeat the window keeps out of SCANS.
    await insertScans(service.pool, [
      row(stamp, "2026-08-02T02:00:00Z", "suspicious"),
      { ...row(stamp, "2026-08-02T02:01:00Z", "suspicious"), counted: false },
    ])
    const events = await eventsOf(batchId, "scans.recorded")
    expect(sum(events)).toBe(3)
    expect(sum(events, "counterfeit")).toBe(1)
    const { rows } = await service.pool.query(
      "SELECT signal_count, signalled_at FROM stamp_scan_summary WHERE serial = $1",
      [stamp.serial],
    )
    expect(rows).toEqual([{ signal_count: 4, signalled_at: new Date("2026-08-02T01:00:00Z") }])
  })

  it("counts one first scan when two instances write a stamp's first scans at once", async () => {
    const { batchId, stamps } = await stampsOf(RICE.id, 1)
    const [stamp] = stamps
    const other = await service.pool.connect()
    try {
      await other.query("BEGIN")
      // One instance's write, not yet committed ...
      await insertScans(other as unknown as pg.Pool, [
        row(stamp, "2026-08-01T01:00:00Z", "genuine_first_scan"),
      ])
      // ... while another's waits for the summary row, then sees it.
      const second = insertScans(service.pool, [
        row(stamp, "2026-08-01T01:00:01Z", "genuine_first_scan"),
      ])
      await new Promise((resolve) => setTimeout(resolve, 100))
      await other.query("COMMIT")
      expect(await second).toBe(1)
    } finally {
      other.release()
    }
    const events = await eventsOf(batchId, "scans.recorded")
    expect(events.map((event) => [event.payload.count, event.payload.first_scans])).toEqual([
      [1, 1],
      [1, 0],
    ])
  })

  it("writes the resolver's scans on flush; forged serials count nowhere", async () => {
    const batchId = await createBatch(service, TEA.id)
    const { stamps } = (await issue(service, batchId, { count: 2 })).body
    const resolve = (uri: string) =>
      fetch(`${service.base}${new URL(uri).pathname}`, { headers: { accept: "application/json" } })
    for (const stamp of [stamps[0], stamps[0], stamps[1]]) {
      expect((await resolve(stamp.uri)).status).toBe(200)
    }
    const forgedUri = stamps[0].uri.replace(stamps[0].serial, forge(stamps[0].serial))
    expect(forgedUri).not.toBe(stamps[0].uri)
    expect((await resolve(forgedUri)).status).toBe(404)
    await service.app.scanService.flush()

    // However the scans fell into writes (the log also writes every second on its own).
    const events = await eventsOf(batchId, "scans.recorded")
    expect(events.length).toBeGreaterThanOrEqual(1)
    for (const event of events) {
      expect(event.payload).toMatchObject({ seller_id: TEA.seller.id, product_id: TEA.id })
    }
    // stamps[0] twice from one network within the window: one scan toward SCANS.
    expect([sum(events), sum(events, "first_scans"), sum(events, "counterfeit")]).toEqual([2, 2, 0])
    // Every scan written by this file's tests is in exactly one event, and every scanned stamp's
    // first scan too; nothing else is (a forged serial has no scan row to count).
    const { rows } = await service.pool.query(
      `SELECT (SELECT count(*) FILTER (WHERE counted)::int FROM scan) AS scans,
              (SELECT count(*)::int FROM stamp_scan_summary WHERE scan_count > 0) AS stamps,
              (SELECT sum((payload->>'count')::int)::int FROM outbox_event
               WHERE type = 'scans.recorded') AS counted,
              (SELECT sum((payload->>'first_scans')::int)::int FROM outbox_event
               WHERE type = 'scans.recorded') AS firsts`,
    )
    expect(rows[0].counted).toBe(rows[0].scans)
    expect(rows[0].firsts).toBe(rows[0].stamps)
  })
})

// --- delivery ---

interface Received {
  signature: string
  raw: string
  // biome-ignore lint/suspicious/noExplicitAny: checked by the assertions that read it
  body: any
}

/** A real HTTP receiver standing in for the backend's webhook; `status` decides its answer. */
async function startReceiver() {
  const received: Received[] = []
  const state = {
    status: 200 as number,
    delayMs: 0,
    hang: false,
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8")
      received.push({
        signature: String(req.headers["x-coop-signature"]),
        raw,
        body: JSON.parse(raw),
      })
      if (state.hang) return
      setTimeout(() => {
        res.writeHead(state.status, { "content-type": "application/json" })
        res.end(state.status < 300 ? '{"ok":true}' : '{"error":"unavailable"}')
      }, state.delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/traceability`,
    received,
    state,
    ids: () => received.flatMap((r) => r.body.events.map((e: { id: string }) => e.id)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The backend's check, written here independently: HMAC-SHA256 over "<t>.<raw body>". */
function signatureValid(header: string, raw: string, secret = SECRET): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)
  if (!match) return false
  const t = Number(match[1])
  if (Math.abs(Date.now() / 1000 - t) > 300) return false
  const expected = createHmac("sha256", secret).update(`${match[1]}.${raw}`).digest()
  return timingSafeEqual(Buffer.from(match[2]!, "hex"), expected)
}

function deliverer(url: string, options: Partial<OutboxDelivererOptions> = {}) {
  return new OutboxDeliverer(service.pool, { url, secret: SECRET, ...options }, silent)
}

/** `count` pending events of a made-up batch, written straight into the outbox. */
async function pendingEvents(count: number): Promise<string[]> {
  const { rows } = await service.pool.query(
    `INSERT INTO outbox_event (type, payload, occurred_at, created_at)
     SELECT 'stamps.issued',
            jsonb_build_object('seller_id', 'sel_x', 'product_id', 'prod_x',
                               'batch_id', gen_random_uuid(), 'count', i),
            now(), now() + i * interval '1 microsecond'
     FROM generate_series(1, $1) AS i
     RETURNING id`,
    [count],
  )
  return rows.map((row) => row.id)
}

async function outboxRows(ids: string[]) {
  const { rows } = await service.pool.query(
    `SELECT id, delivered_at, attempts, last_error,
            (extract(epoch FROM next_attempt_at - now()) * 1000)::float8 AS due_in_ms
     FROM outbox_event WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
    [ids],
  )
  return rows
}

describe("the outbox deliverer", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>

  beforeAll(async () => {
    receiver = await startReceiver()
  })

  afterAll(() => receiver?.close())

  async function fresh() {
    // Every test starts from an empty outbox and a receiver that answers 200 at once.
    await service.pool.query("DELETE FROM outbox_event")
    receiver.received.length = 0
    Object.assign(receiver.state, { status: 200, delayMs: 0, hang: false })
  }

  it("posts pending events as signed batches, oldest first, and marks them delivered on 200", async () => {
    await fresh()
    const batchId = await createBatch(service)
    for (let i = 1; i <= 3; i++) await issue(service, batchId, { count: i })
    const { stamps } = (await issue(service, batchId, { count: 1 })).body
    await service.call("POST", `/batches/${batchId}/stamps/void`, {
      token: service.tokens.member,
      body: { serials: [stamps[0].serial], reason: "Rách" },
    })
    const written = await eventsOf(batchId)
    expect(written).toHaveLength(5)

    await deliverer(receiver.url, { batchSize: 3 }).runUntilIdle()
    expect(receiver.received.map((r) => r.body.events.length)).toEqual([3, 2])
    for (const { signature, raw } of receiver.received) {
      expect(signatureValid(signature, raw)).toBe(true)
      expect(signatureValid(signature, raw, "another-secret-of-some-length")).toBe(false)
      expect(signatureValid(signature, raw.replace('"count":1', '"count":9'))).toBe(false)
    }
    const sent = receiver.received.flatMap((r) => r.body.events)
    expect(sent).toEqual(
      written.map((event) => ({
        id: event.id,
        type: event.type,
        occurred_at: event.occurred_at.toISOString(),
        seller_id: RICE.seller.id,
        product_id: RICE.id,
        batch_id: batchId,
        count: event.payload.count,
      })),
    )
    expect(Object.keys(sent[0])).toEqual([
      "id",
      "type",
      "occurred_at",
      "seller_id",
      "product_id",
      "batch_id",
      "count",
    ])
    for (const row of await outboxRows(written.map((event) => event.id))) {
      expect(row).toMatchObject({ attempts: 1, last_error: null })
      expect(row.delivered_at).toBeInstanceOf(Date)
    }
    // Nothing is sent twice once delivered.
    await deliverer(receiver.url).runUntilIdle()
    expect(receiver.received).toHaveLength(2)
  })

  it("retries after a 500 with exponential backoff, and the receiver sees the same ids again", async () => {
    await fresh()
    const ids = await pendingEvents(4)
    receiver.state.status = 500
    const first = deliverer(receiver.url, { backoffBaseMs: 300, backoffMaxMs: 1_000 })
    await first.runUntilIdle()
    expect(receiver.received).toHaveLength(1)
    let rows = await outboxRows(ids)
    for (const row of rows) {
      expect(row).toMatchObject({ delivered_at: null, attempts: 1 })
      expect(row.last_error).toBe('HTTP 500: {"error":"unavailable"}')
      expect(row.due_in_ms).toBeGreaterThan(150)
      expect(row.due_in_ms).toBeLessThanOrEqual(300)
    }
    // Not due yet: neither this deliverer nor another sends them.
    await first.runUntilIdle()
    expect(await deliverer(receiver.url).deliverOnce()).toEqual({ sent: 0, delivered: true })
    expect(receiver.received).toHaveLength(1)

    // Second failure: twice the wait.
    await new Promise((resolve) => setTimeout(resolve, 320))
    await first.runUntilIdle()
    expect(receiver.received).toHaveLength(2)
    rows = await outboxRows(ids)
    expect(rows[0].attempts).toBe(2)
    expect(rows[0].due_in_ms).toBeGreaterThan(450)
    expect(rows[0].due_in_ms).toBeLessThanOrEqual(600)

    receiver.state.status = 200
    await new Promise((resolve) => setTimeout(resolve, 620))
    await first.runUntilIdle()
    expect(receiver.received).toHaveLength(3)
    // At least once: every POST carried the same events.
    for (const r of receiver.received) {
      expect(r.body.events.map((e: { id: string }) => e.id)).toEqual(ids)
      expect(signatureValid(r.signature, r.raw)).toBe(true)
    }
    rows = await outboxRows(ids)
    for (const row of rows) expect(row).toMatchObject({ attempts: 3, last_error: null })
    expect(rows.every((row) => row.delivered_at instanceof Date)).toBe(true)

    // The backoff is capped.
    await service.pool.query(
      "UPDATE outbox_event SET delivered_at = NULL, attempts = 25, next_attempt_at = now() WHERE id = $1",
      [ids[0]],
    )
    receiver.state.status = 503
    await deliverer(receiver.url, { backoffBaseMs: 300, backoffMaxMs: 1_000 }).deliverOnce()
    const [capped] = await outboxRows([ids[0]!])
    expect(capped.due_in_ms).toBeGreaterThan(800)
    expect(capped.due_in_ms).toBeLessThanOrEqual(1_000)
  })

  it("counts a receiver that does not answer in time, or cannot be reached, as a failure", async () => {
    await fresh()
    const ids = await pendingEvents(2)
    receiver.state.hang = true
    const started = Date.now()
    const round = await deliverer(receiver.url, { timeoutMs: 300 }).deliverOnce()
    expect(round).toEqual({ sent: 2, delivered: false })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect((await outboxRows(ids))[0]).toMatchObject({ attempts: 1, last_error: "timed out" })

    await service.pool.query("UPDATE outbox_event SET next_attempt_at = now()")
    const nobody = `http://127.0.0.1:${await freePort()}/webhooks/traceability`
    expect(await deliverer(nobody).deliverOnce()).toEqual({ sent: 2, delivered: false })
    const [row] = await outboxRows(ids)
    expect(row).toMatchObject({ attempts: 2, delivered_at: null })
    expect(row.last_error).toMatch(/ECONNREFUSED/)
  })

  it("never lets two deliverers send the same event in one round (SKIP LOCKED)", async () => {
    await fresh()
    const ids = await pendingEvents(1_000)
    receiver.state.delayMs = 30
    const a = deliverer(receiver.url, { batchSize: 100 })
    const b = deliverer(receiver.url, { batchSize: 100 })

    const rounds = await Promise.all([a.deliverOnce(), b.deliverOnce()])
    expect(rounds).toEqual([
      { sent: 100, delivered: true },
      { sent: 100, delivered: true },
    ])
    const [first, second] = receiver.received.map(
      (r) => new Set(r.body.events.map((e: { id: string }) => e.id)),
    )
    expect([...first!].filter((id) => second!.has(id))).toEqual([])

    await Promise.all([a.runUntilIdle(), b.runUntilIdle()])
    const sent = receiver.ids()
    expect(sent).toHaveLength(1_000)
    expect(new Set(sent).size).toBe(1_000)
    expect(new Set(sent)).toEqual(new Set(ids))
    const { rows } = await service.pool.query(
      "SELECT count(*)::int AS n FROM outbox_event WHERE delivered_at IS NULL",
    )
    expect(rows[0].n).toBe(0)
  })

  it("loses nothing to a crash: committed events wait, and a claim that died is sent after its lease", async () => {
    await fresh()
    // The source writes committed, and no deliverer ran (or it died before claiming).
    const batchId = await createBatch(service)
    await issue(service, batchId, { count: 2 })
    const written = await eventsOf(batchId)
    expect(written.map((event) => event.delivered_at)).toEqual([null])

    // A deliverer claimed the rows and died before it could mark them.
    const claimed = await claimOutbox(service.pool, 100, 400)
    expect(claimed.map((row) => row.id)).toEqual(written.map((event) => event.id))
    expect(await deliverer(receiver.url).deliverOnce()).toEqual({ sent: 0, delivered: true })

    await new Promise((resolve) => setTimeout(resolve, 450))
    expect(await deliverer(receiver.url).deliverOnce()).toEqual({ sent: 1, delivered: true })
    expect(receiver.ids()).toEqual(written.map((event) => event.id))
    expect((await eventsOf(batchId))[0]!.delivered_at).toBeInstanceOf(Date)
  })

  it("deletes delivered events after the retention period, in bounded deletes", async () => {
    await fresh()
    const ids = await pendingEvents(7)
    await service.pool.query(
      "UPDATE outbox_event SET delivered_at = now() - interval '8 days' WHERE id = ANY($1::uuid[])",
      [ids.slice(0, 5)],
    )
    await service.pool.query(
      "UPDATE outbox_event SET delivered_at = now() - interval '6 days' WHERE id = $1",
      [ids[5]],
    )
    receiver.state.status = 500
    await deliverer(receiver.url, { purgeLimit: 2 }).runUntilIdle()
    const { rows } = await service.pool.query(
      "SELECT id, delivered_at IS NOT NULL AS delivered FROM outbox_event ORDER BY created_at",
    )
    // The two newer rows stay: one delivered 6 days ago, one still pending.
    expect(rows).toEqual([
      { id: ids[5], delivered: true },
      { id: ids[6], delivered: false },
    ])
  })

  it("stops cleanly, finishing the POST in flight", async () => {
    await fresh()
    const ids = await pendingEvents(3)
    receiver.state.delayMs = 300
    const running = deliverer(receiver.url, { intervalMs: 50 })
    running.start()
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { interval: 10 })
    await running.stop()
    const rows = await outboxRows(ids)
    expect(rows.every((row) => row.delivered_at instanceof Date)).toBe(true)
    await pendingEvents(1)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(receiver.received).toHaveLength(1)
  })
})

describe("the server", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let child: ChildProcess | null = null

  beforeAll(async () => {
    receiver = await startReceiver()
  })

  afterAll(async () => {
    child?.kill("SIGKILL")
    await receiver?.close()
  })

  function startServer(env: Record<string, string>) {
    const output: string[] = []
    const started = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...service.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    started.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()))
    started.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()))
    const exited = new Promise<number | null>((resolve) => started.once("exit", resolve))
    return { process: started, output, exited }
  }

  it("refuses to start with a webhook URL but no secret", async () => {
    const server = startServer({ INDICATORS_WEBHOOK_URL: receiver.url })
    child = server.process
    expect(await server.exited).toBe(1)
    expect(server.output.join("")).toContain(
      "INDICATORS_WEBHOOK_SECRET: required when INDICATORS_WEBHOOK_URL is set",
    )
  })

  it("delivers the outbox when INDICATORS_WEBHOOK_URL is set, and stops on SIGTERM", async () => {
    await service.pool.query("DELETE FROM outbox_event")
    const ids = await pendingEvents(5)
    const server = startServer({
      TRACEABILITY_PORT: String(await freePort()),
      TRACEABILITY_HOST: "127.0.0.1",
      INDICATORS_WEBHOOK_URL: receiver.url,
      INDICATORS_WEBHOOK_SECRET: SECRET,
      OUTBOX_BATCH_SIZE: "2",
      OUTBOX_INTERVAL_MS: "100",
    })
    child = server.process
    await vi.waitFor(() => expect(receiver.ids()).toHaveLength(5), {
      timeout: 15_000,
      interval: 50,
    })
    expect(receiver.ids()).toEqual(ids)
    expect(receiver.received.map((r) => r.body.events.length)).toEqual([2, 2, 1])
    expect(receiver.received.every((r) => signatureValid(r.signature, r.raw))).toBe(true)
    server.process.kill("SIGTERM")
    expect(await server.exited).toBe(0)
    const { rows } = await service.pool.query(
      "SELECT count(*)::int AS n FROM outbox_event WHERE delivered_at IS NULL",
    )
    expect(rows[0].n).toBe(0)
  })
})
