import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { ensureDemoTrace } from "@coop/scripts/demo-trace"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { epcisProblems } from "./epcis-schema.js"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER, PUBLISHABLE_KEY } from "./fake-backend.js"
import { client, type Json, type Service, startService } from "./harness.js"
import { JWT_SECRET } from "./helpers.js"

// The demo `npm start` prepares (scripts/lib/demo-trace.mjs), run against the real service and a
// fake backend listing the nine OCOP products of the demo seed plus one product without stars.
const OCOP = [
  ["gao-seng-cu-gia-phu-5kg", GIA_PHU_SELLER],
  ["gao-nep-nuong-gia-phu-2kg", GIA_PHU_SELLER],
  ["gao-lut-phu-lam-2kg", OTHER_SELLER],
  ["rau-cai-meo-phu-thinh", OTHER_SELLER],
  ["khoai-so-phu-thinh-3kg", OTHER_SELLER],
  ["chuoi-tieu-hong-phu-ha", GIA_PHU_SELLER],
  ["thit-lon-ban-gac-bep-500g", GIA_PHU_SELLER],
  ["trung-ga-doi-phu-cuong-10", GIA_PHU_SELLER],
  ["mien-dong-khe-lac-500g", OTHER_SELLER],
] as const
const PRODUCTS = [
  ...OCOP.map(([handle, seller], i) =>
    fakeProduct({
      id: `prod_${i}`,
      handle,
      seller,
      metadata: { ocop_stars: 3 },
      ocop: { stars: 3, certificate_number: "OCOP-GP-2024-01", expires_on: "2099-01-01" },
    }),
  ),
  fakeProduct({ id: "prod_honey", handle: "mat-ong-rung-phu-hop-500ml", metadata: {} }),
]

let service: Service
let call: ReturnType<typeof client>
let dir: string
let statePath: string

const run = () =>
  ensureDemoTrace({
    backendUrl: service.backend.url,
    traceabilityUrl: service.base,
    publishableKey: PUBLISHABLE_KEY,
    jwtSecret: JWT_SECRET,
    statePath,
  })

async function counts() {
  const { rows } = await service.pool.query(
    `SELECT (SELECT count(*) FROM batch)::int AS batches, (SELECT count(*) FROM batch_event)::int AS events,
            (SELECT count(*) FROM stamp)::int AS stamps`,
  )
  return rows[0]
}

/** A stamp's verdict and scan summary, read without counting a scan. */
async function scansOf(uri: string) {
  const serial = uri.split("/").pop()!
  const res = await fetch(`${service.base}/stamps/${serial}/provenance`)
  return (await res.json()) as { verdict: string; scans: { count: number } }
}

beforeAll(async () => {
  service = await startService(PRODUCTS)
  call = client(service.base)
  dir = mkdtempSync(path.join(tmpdir(), "demo-trace-"))
  statePath = path.join(dir, "demo-trace.json")
})

afterAll(async () => {
  await service?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("the traceability demo", () => {
  let first: Awaited<ReturnType<typeof run>>

  it("gives each OCOP product a sealed batch with a season of events and stamps", async () => {
    first = await run()
    expect(first.batches.map((b) => b.handle).sort()).toEqual(OCOP.map(([h]) => h).sort())
    expect(first.stampUrl).toMatch(new RegExp(`^${service.base}/(s|01)/`))
    expect((await fetch(first.qrUrl)).status).toBe(200)

    const operator = (await import("@coop/scripts/demo-trace")).operatorToken(JWT_SECRET)
    for (const { batchId, handle } of first.batches) {
      const batch = (await call("GET", `/batches/${batchId}`, { token: operator })).body
      const product = PRODUCTS.find((p) => p.handle === handle)!
      expect(batch).toMatchObject({ state: "sealed", seller_id: product.seller.id })
      expect(batch.certifications.ocop_stars).toBe(3)
      expect(batch.events.count).toBeGreaterThanOrEqual(5)
      const events: Json[] = (await call("GET", `/batches/${batchId}/events`, { token: operator }))
        .body.events
      const times = events.map((e) => Date.parse(e.occurred_at))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(Math.max(...times)).toBeLessThan(Date.now())
      expect(events.every((e) => e.occurred_at.endsWith("+07:00"))).toBe(true)
      expect(events.some((e) => e.type === "packing")).toBe(true)
      expect((await call("GET", `/batches/${batchId}/verify`)).body.valid).toBe(true)
      const document = (await call("GET", `/batches/${batchId}/epcis`)).body
      expect(epcisProblems(document)).toEqual([])
    }
    expect(await counts()).toMatchObject({ batches: 9, stamps: 9 * 24 })
    expect(await scansOf(first.scannedStampUrl)).toMatchObject({
      verdict: "genuine_repeat",
      scans: { count: 3 },
    })
    expect((await scansOf(first.voidedStampUrl)).verdict).toBe("voided")
  })

  it("changes nothing when run again, with or without its state file", async () => {
    const before = await counts()
    const again = await run()
    expect(again).toEqual(first)
    rmSync(statePath)
    const fresh = await run()
    expect(fresh.batches).toEqual(first.batches)
    expect(fresh.stampUrl).toBe(first.stampUrl)
    expect(await counts()).toEqual(before)
    // Scanned stamps are not scanned again, and the voided one stays voided.
    expect((await scansOf(fresh.scannedStampUrl)).scans.count).toBe(3)
    expect((await scansOf(fresh.voidedStampUrl)).verdict).toBe("voided")
  })
})
