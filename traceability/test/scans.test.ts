import { randomUUID } from "node:crypto"
import { createTestDatabase } from "@coop/scripts/pg"
import type { FastifyInstance } from "fastify"
import { Redis } from "ioredis"
import type pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest"
import { buildApp } from "../src/app.js"
import { loadConfig } from "../src/config.js"
import { scanTokenKey, signScanToken } from "../src/domain/scan-token.js"
import { createPool } from "../src/store/db.js"
import { migrate } from "../src/store/migrator.js"
import { ScanLog } from "../src/store/scan-log.js"
import type { ScanRow } from "../src/store/scans.js"
import { type FakeBackend, startFakeBackend } from "./fake-backend.js"
import { client, type Json, serviceEnv, tokens } from "./harness.js"
import { freePort, STAMP_SIGNING_SECRET } from "./helpers.js"
import {
  batchWithStamps,
  GIA_PHU_SELLER,
  JSON_ACCEPT,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  type Stamp,
} from "./scan-fixtures.js"

// Scans over the service's lifetime: the batched scan log (and what close writes), counts that
// survive a restart, consented locations and impossible travel, the per-IP rate limit, and
// several instances sharing counts, limits and cache invalidations through Redis.
// Redis is optional on a developer's machine: these cases run when one is given (npm test passes
// TEST_REDIS_URL when a Redis answers on 127.0.0.1:6379, and CI has one).
const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL
const PREFIX = `trace-test-${randomUUID().slice(0, 8)}:`
const HANOI = { lat: 21.0285, lng: 105.8542 }
const SAIGON = { lat: 10.7725, lng: 106.698 }

let database: { url: string; drop: () => Promise<void> }
let backend: FakeBackend
let pool: pg.Pool
let t: Awaited<ReturnType<typeof tokens>>
const running: FastifyInstance[] = []

/** Another instance of the service on the same database. */
async function instance(env: Record<string, string> = {}) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const config = loadConfig(
    serviceEnv({ databaseUrl: database.url, base, backendUrl: backend.url }, env),
  )
  const app = await buildApp(config, { pool })
  await app.listen({ port, host: "127.0.0.1" })
  running.push(app)
  return { app, base }
}

/**
 * Resolves a stamp as a phone asking for JSON would, through `base`; from `address` through a
 * proxy the instance trusts (TRUST_PROXY_HOPS=1), else from 127.0.0.1.
 */
async function scan(base: string, stamp: Stamp, address?: string) {
  const path = new URL(stamp.uri).pathname
  const response = await fetch(`${base}${path}`, {
    headers: {
      ...JSON_ACCEPT,
      "accept-language": "vi-VN,vi;q=0.9",
      "user-agent": "Zalo android",
      ...(address ? { "x-forwarded-for": address } : {}),
    },
  })
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  }
}

async function scansOf(serial: string) {
  const { rows } = await pool.query(
    "SELECT number, verdict, user_agent_family, language, ip_prefix FROM scan WHERE serial = $1 ORDER BY number",
    [serial],
  )
  return rows
}

const locate = (base: string, scanId: string, body: Json) =>
  client(base)("POST", `/scans/${scanId}/location`, { body })

beforeAll(async () => {
  database = await createTestDatabase(inject("pgServerUrl"), "trace_test")
  await migrate(database.url)
  backend = await startFakeBackend(PRODUCTS)
  pool = createPool(database.url, { max: 20 })
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
})

afterAll(async () => {
  for (const app of running) await app.close()
  await pool?.end()
  await backend?.close()
  await database?.drop()
  if (REDIS_URL) {
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`${PREFIX}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  }
})

describe("the scan log", () => {
  let stamps: Stamp[]

  it("keeps scans in memory between writes, and close writes them all", async () => {
    const { app, base } = await instance({
      SCAN_FLUSH_INTERVAL_MS: "60000",
      SCAN_FLUSH_MAX_ROWS: "1000",
    })
    stamps = (await batchWithStamps(base, t.member, RICE.id, "LOG-1", 4)).stamps
    for (let i = 0; i < 3; i++) expect((await scan(base, stamps[0]!)).body.scan.number).toBe(i + 1)
    await scan(base, stamps[1]!)
    expect(await scansOf(stamps[0]!.serial)).toEqual([])

    await app.close()
    running.splice(running.indexOf(app), 1)
    expect(await scansOf(stamps[0]!.serial)).toEqual(
      [1, 2, 3].map((number) => ({
        number,
        verdict: number === 1 ? "genuine_first_scan" : "genuine_repeat",
        user_agent_family: "zalo",
        language: "vi-VN",
        ip_prefix: "127.0.0.0/24",
      })),
    )
    const { rows: summary } = await pool.query(
      "SELECT serial, scan_count FROM stamp_scan_summary ORDER BY scan_count DESC",
    )
    expect(summary).toEqual([
      { serial: stamps[0]!.serial, scan_count: 3 },
      { serial: stamps[1]!.serial, scan_count: 1 },
    ])
    // Never the full address, in any column.
    const { rows: leaks } = await pool.query(
      "SELECT count(*)::int AS n FROM scan WHERE scan::text LIKE '%127.0.0.1%'",
    )
    expect(leaks[0].n).toBe(0)
  })

  it("writes as soon as the batch size is reached", async () => {
    const { base } = await instance({ SCAN_FLUSH_INTERVAL_MS: "60000", SCAN_FLUSH_MAX_ROWS: "2" })
    await scan(base, stamps[2]!)
    await scan(base, stamps[2]!)
    await vi.waitFor(async () => expect(await scansOf(stamps[2]!.serial)).toHaveLength(2), {
      timeout: 5_000,
      interval: 20,
    })
  })

  it("lets a restarted instance go on counting from the database", async () => {
    const { base } = await instance()
    const fourth = await scan(base, stamps[0]!)
    expect(fourth.body).toMatchObject({
      verdict: "genuine_repeat",
      scan: { number: 4 },
      scans: { count: 4 },
    })
  })
})

describe("the networks that scanned a stamp", () => {
  const networksOf = async (serial: string) => {
    const { rows } = await pool.query("SELECT networks FROM stamp_scan_summary WHERE serial = $1", [
      serial,
    ])
    return rows[0]?.networks as Record<string, number> | undefined
  }

  it("are written with the scans and remembered by a restarted instance", async () => {
    const env = { TRUST_PROXY_HOPS: "1", SCAN_SUSPICIOUS_NETWORKS: "2" }
    const first = await instance(env)
    const [stamp] = (await batchWithStamps(first.base, t.member, RICE.id, "NETS-1", 1)).stamps
    expect((await scan(first.base, stamp!, "10.1.1.5")).body.verdict).toBe("genuine_first_scan")
    expect((await scan(first.base, stamp!, "10.2.2.5")).body.verdict).toBe("genuine_repeat")
    await first.app.close()
    running.splice(running.indexOf(first.app), 1)
    expect(Object.keys((await networksOf(stamp!.serial)) ?? {}).sort()).toEqual([
      "10.1.1.0/24",
      "10.2.2.0/24",
    ])

    // A new instance seeds the stamp from its summary row: the first network again is a repeat
    // (not counted), a third network makes the stamp suspicious.
    const second = await instance(env)
    expect((await scan(second.base, stamp!, "10.1.1.9")).body.verdict).toBe("genuine_repeat")
    expect((await scan(second.base, stamp!, "10.3.3.3")).body.verdict).toBe("suspicious")
    await second.app.close()
    running.splice(running.indexOf(second.app), 1)
    const { rows } = await pool.query(
      "SELECT ip_prefix, counted FROM scan WHERE serial = $1 ORDER BY number",
      [stamp!.serial],
    )
    expect(rows.map((r) => [r.ip_prefix, r.counted])).toEqual([
      ["10.1.1.0/24", true],
      ["10.2.2.0/24", true],
      ["10.1.1.0/24", false],
      ["10.3.3.0/24", true],
    ])
    expect(Object.keys((await networksOf(stamp!.serial)) ?? {})).toHaveLength(3)
  })

  it("keep each network's latest counted scan, the newest 64 networks of a stamp", async () => {
    const { base } = await instance()
    const {
      batch,
      stamps: [stamp],
    } = await batchWithStamps(base, t.member, RICE.id, "NETS-2", 1)
    const start = Date.parse("2026-11-02T08:00:00Z")
    const row = (n: number, network: string, minutes: number): ScanRow => ({
      id: randomUUID(),
      serial: stamp!.serial,
      batchId: batch.id as string,
      scannedAt: new Date(start + minutes * 60_000),
      number: n,
      verdict: n === 1 ? "genuine_first_scan" : "genuine_repeat",
      userAgentFamily: "zalo",
      language: null,
      ipPrefix: network,
      counted: true,
    })
    const log = new ScanLog(pool, { intervalMs: 60_000, maxRows: 1_000 })
    // 70 networks in one write (more than are kept), then in a second write an older scan from
    // a kept network and a newer one from another.
    for (let i = 0; i < 70; i++) log.add(row(i + 1, `10.0.${i}.0/24`, i))
    await log.flush()
    let networks = (await networksOf(stamp!.serial))!
    expect(Object.keys(networks)).toHaveLength(64)
    expect(networks["10.0.5.0/24"]).toBeUndefined()
    expect(networks["10.0.6.0/24"]).toBe(start + 6 * 60_000)
    log.add(row(71, "10.0.69.0/24", 1))
    log.add(row(72, "10.0.10.0/24", 100))
    // A repeat within the window (not counted) leaves its network's time alone.
    log.add({ ...row(73, "10.0.11.0/24", 101), counted: false })
    await log.close()
    networks = (await networksOf(stamp!.serial))!
    expect(Object.keys(networks)).toHaveLength(64)
    expect(networks["10.0.69.0/24"]).toBe(start + 69 * 60_000)
    expect(networks["10.0.10.0/24"]).toBe(start + 100 * 60_000)
    expect(networks["10.0.11.0/24"]).toBe(start + 11 * 60_000)
  })
})

describe("the scan log when the database fails", () => {
  const row = (serial: string, number: number): ScanRow => ({
    id: randomUUID(),
    serial,
    batchId: randomUUID(),
    scannedAt: new Date(),
    number,
    verdict: number === 1 ? "genuine_first_scan" : "genuine_repeat",
    userAgentFamily: "zalo",
    language: null,
    ipPrefix: null,
    counted: true,
  })

  it("keeps the scans of a failed write and writes them once, later", async () => {
    const { base } = await instance()
    const [stamp] = (await batchWithStamps(base, t.member, RICE.id, "LOG-FAIL", 1)).stamps
    const written: string[] = []
    const log = new ScanLog(pool, {
      intervalMs: 60_000,
      maxRows: 100,
      maxBuffered: 3,
      onWritten: (serials) => written.push(...serials),
    })
    await pool.query("ALTER TABLE scan RENAME TO scan_away")
    try {
      for (let n = 1; n <= 5; n++) log.add(row(stamp!.serial, n))
      await log.flush()
      // Two over the bound were dropped (and reported, so their counts are released).
      expect(log.pending).toBe(3)
      expect(written).toEqual([stamp!.serial, stamp!.serial])
    } finally {
      await pool.query("ALTER TABLE scan_away RENAME TO scan")
    }
    await log.close()
    expect(log.pending).toBe(0)
    expect((await scansOf(stamp!.serial)).map((r) => r.number)).toEqual([3, 4, 5])
    const { rows } = await pool.query(
      "SELECT scan_count FROM stamp_scan_summary WHERE serial = $1",
      [stamp!.serial],
    )
    expect(rows[0].scan_count).toBe(3)
  })
})

describe("consented locations", () => {
  it("records one location per scan and flags a stamp scanned in two far places within an hour", async () => {
    const { app, base } = await instance({ TRUST_PROXY_HOPS: "1" })
    const [stamp] = (await batchWithStamps(base, t.member, RICE.id, "LOC-1", 1)).stamps
    const first = await scan(base, stamp!, "203.0.113.7")
    const inHanoi = await locate(base, first.body.scan.id, { ...HANOI, accuracy: 25 })
    expect(inHanoi.status, JSON.stringify(inHanoi.body)).toBe(201)
    expect(inHanoi.body).toEqual({ verdict: "genuine_first_scan", impossible_travel: false })
    const again = await locate(base, first.body.scan.id, HANOI)
    expect(again.status).toBe(409)

    // Another buyer's phone, on another network (the posts themselves come from the storefront).
    const second = await scan(base, stamp!, "2001:db8:77:1::9")
    expect(second.body.verdict).toBe("genuine_repeat")
    const inSaigon = await locate(base, second.body.scan.id, { ...SAIGON, accuracy: 40 })
    expect(inSaigon.body).toEqual({ verdict: "suspicious", impossible_travel: true })
    expect((await scan(base, stamp!)).body.verdict).toBe("suspicious")

    await app.scanService.flush()
    const { rows } = await pool.query(
      `SELECT l.impossible_travel, s.flagged_at IS NOT NULL AS flagged
       FROM scan_location l JOIN stamp_scan_summary s USING (serial)
       WHERE l.serial = $1 ORDER BY l.scanned_at`,
      [stamp!.serial],
    )
    expect(rows).toEqual([
      { impossible_travel: false, flagged: true },
      { impossible_travel: true, flagged: true },
    ])
    // COUNTERFEIT counts the stamp once: the location post's event, not the suspicious scan after.
    const events = await pool.query(
      `SELECT type, payload FROM outbox_event e JOIN stamp st
         ON st.batch_id::text = e.payload->>'batch_id'
       WHERE st.serial = $1 AND type IN ('stamps.flagged', 'scans.recorded')`,
      [stamp!.serial],
    )
    const flagged = events.rows.filter((e) => e.type === "stamps.flagged")
    expect(flagged.map((e) => e.payload.count)).toEqual([1])
    const fromScans = events.rows
      .filter((e) => e.type === "scans.recorded")
      .reduce((sum, e) => sum + e.payload.counterfeit, 0)
    expect(fromScans).toBe(0)
  })

  it("does not flag a stamp when one network posts two far-apart locations", async () => {
    const { app, base } = await instance({ TRUST_PROXY_HOPS: "1" })
    const [stamp] = (await batchWithStamps(base, t.member, RICE.id, "LOC-3", 1)).stamps
    // Two scans from one /24 (different hosts), then Hà Nội and Sài Gòn typed in a minute apart.
    const first = await scan(base, stamp!, "198.51.100.10")
    const second = await scan(base, stamp!, "198.51.100.200")
    expect((await locate(base, first.body.scan.id, HANOI)).status).toBe(201)
    const far = await locate(base, second.body.scan.id, SAIGON)
    expect(far.status).toBe(201)
    expect(far.body).toEqual({ verdict: "genuine_repeat", impossible_travel: false })
    expect((await scan(base, stamp!, "198.51.100.10")).body.verdict).toBe("genuine_repeat")
    await app.scanService.flush()
    const { rows } = await pool.query(
      `SELECT s.flagged_at, s.signal_count,
              (SELECT count(*)::int FROM outbox_event WHERE type = 'stamps.flagged'
                 AND payload->>'batch_id' = st.batch_id::text) AS flagged_events
       FROM stamp_scan_summary s JOIN stamp st USING (serial) WHERE serial = $1`,
      [stamp!.serial],
    )
    expect(rows).toEqual([{ flagged_at: null, signal_count: 0, flagged_events: 0 }])
  })

  it("refuses bad coordinates, unknown scans and late locations, and writes nothing", async () => {
    const { base } = await instance()
    const [stamp] = (await batchWithStamps(base, t.member, RICE.id, "LOC-2", 1)).stamps
    const { body } = await scan(base, stamp!)
    const cases: [Json, string][] = [
      [{ lat: 91, lng: 105 }, "lat"],
      [{ lat: 21 }, "lng"],
      [{ lat: 21, lng: 105, accuracy: -1 }, "accuracy"],
      [{ lat: "north", lng: 105 }, "lat"],
    ]
    for (const [location, field] of cases) {
      const answer = await locate(base, body.scan.id, location)
      expect(answer.status, field).toBe(400)
      expect(answer.body.field).toBe(field)
    }
    const forged = await locate(base, `${body.scan.id.slice(0, -2)}AA`, HANOI)
    expect(forged.status).toBe(404)
    const late = signScanToken(
      {
        scanId: randomUUID(),
        serial: stamp!.serial,
        scannedAt: new Date(Date.now() - 31 * 60_000),
        firstScannedAt: new Date(Date.now() - 31 * 60_000),
        number: 1,
        verdict: "genuine_first_scan",
      },
      scanTokenKey(STAMP_SIGNING_SECRET),
    )
    expect((await locate(base, late, HANOI)).status).toBe(409)
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n FROM scan_location WHERE serial = $1",
      [stamp!.serial],
    )
    expect(rows[0].n).toBe(0)
  })
})

if (REDIS_URL)
  describe("several instances with Redis", () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: PREFIX }

    it("share scan counts, and a write on one drops the others' cached copies", async () => {
      const one = await instance(env)
      const two = await instance(env)
      const [stamp] = (await batchWithStamps(one.base, t.member, RICE.id, "REDIS-1", 2)).stamps
      const numbers = []
      for (const base of [one.base, two.base, one.base, two.base]) {
        numbers.push((await scan(base, stamp!)).body.scan.number)
      }
      expect(numbers).toEqual([1, 2, 3, 4])

      const batchId = (await scan(two.base, stamp!)).body.batch.id
      const voided = await client(one.base)("POST", `/batches/${batchId}/stamps/void`, {
        token: t.member,
        body: { serials: [stamp!.serial], reason: "Mất cuộn tem" },
      })
      expect(voided.status, JSON.stringify(voided.body)).toBe(200)
      await vi.waitFor(
        async () => {
          const read = await fetch(`${two.base}/stamps/${stamp!.serial}/provenance`)
          expect(((await read.json()) as Json).verdict).toBe("voided")
        },
        { timeout: 5_000, interval: 20 },
      )
    })

    it("keep resolving from the database's counts while Redis is unreachable", async () => {
      const down = await instance({ ...env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` })
      const [stamp] = (await batchWithStamps(down.base, t.member, RICE.id, "REDIS-DOWN", 1)).stamps
      const first = await scan(down.base, stamp!)
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({ verdict: "genuine_first_scan", scan: { number: 1 } })
      await down.app.scanService.flush()
      expect((await scan(down.base, stamp!)).body.scan.number).toBe(2)
    })

    it("share a stamp's networks and repeat window: one network stays genuine, counted once", async () => {
      const shared = {
        ...env,
        REDIS_KEY_PREFIX: `${PREFIX}networks:`,
        TRUST_PROXY_HOPS: "1",
        SCAN_SUSPICIOUS_NETWORKS: "2",
      }
      const one = await instance(shared)
      const two = await instance(shared)
      const [stamp] = (await batchWithStamps(one.base, t.member, RICE.id, "REDIS-NET", 1)).stamps
      const verdicts = []
      // One network through both instances, over and over.
      for (let i = 0; i < 6; i++) {
        const base = i % 2 ? two.base : one.base
        verdicts.push((await scan(base, stamp!, `203.0.113.${i + 1}`)).body.verdict)
      }
      expect(new Set(verdicts)).toEqual(new Set(["genuine_first_scan", "genuine_repeat"]))
      expect((await scan(two.base, stamp!, "2001:db8:4::1")).body.verdict).toBe("genuine_repeat")
      expect((await scan(one.base, stamp!, "198.51.100.3")).body.verdict).toBe("suspicious")
      await one.app.scanService.flush()
      await two.app.scanService.flush()
      const { rows } = await pool.query(
        "SELECT count(*)::int AS scans, count(*) FILTER (WHERE counted)::int AS counted FROM scan WHERE serial = $1",
        [stamp!.serial],
      )
      expect(rows[0]).toEqual({ scans: 8, counted: 3 })
    })

    it("share the rate limit", async () => {
      const limited = { ...env, REDIS_KEY_PREFIX: `${PREFIX}rate-test:`, RESOLVER_RATE_LIMIT: "3" }
      const one = await instance(limited)
      const two = await instance(limited)
      const [stamp] = (await batchWithStamps(one.base, t.member, RICE.id, "REDIS-2", 1)).stamps
      const path = new URL(stamp!.uri).pathname
      const statuses = []
      for (const base of [one.base, two.base, one.base, two.base]) {
        statuses.push((await fetch(`${base}${path}`, { headers: JSON_ACCEPT })).status)
      }
      expect(statuses).toEqual([200, 200, 200, 429])
    })
  })
