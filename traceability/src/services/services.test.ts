import { randomUUID } from "node:crypto"
import { eventBodySchema, splitEventBody } from "@coop/contracts/events"
import { createTestDatabase } from "@coop/scripts/pg"
import type pg from "pg"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest"
import type {
  CatalogProduct,
  CatalogSeller,
  ProductCatalog,
  ProductLookup,
} from "../catalog/product-catalog.js"
import { loadConfig } from "../config.js"
import type { Actor } from "../domain/actor.js"
import { EMPTY_DETAILS } from "../domain/batch.js"
import { ipPrefix } from "../domain/client-facts.js"
import { EPCIS_CONTEXT } from "../domain/epcis.js"
import { DomainError, type DomainErrorKind } from "../domain/errors.js"
import { signScanToken } from "../domain/scan-token.js"
import { createSerial } from "../domain/serial.js"
import { DEFAULT_LAYOUT } from "../render/layout.js"
import { ScanService } from "../scans/scan-service.js"
import { createPool } from "../store/db.js"
import { migrate } from "../store/migrator.js"
import type { Caller } from "./context.js"
import { eventScopeOf } from "./epcis.js"
import { createServices, type Services } from "./index.js"

// The services called directly, without Fastify: who may act on which batch, and the rules.
// Real PostgreSQL; the backend's product lookup is an in-memory catalogue that, like the backend,
// shows a seller member only its own seller's products (the `authorization` names the caller).

const SECRET = "service-test-stamp-secret-0123456789abcdef"

const seller = (id: string, communeCode: string, state: CatalogSeller["state"] = "approved") =>
  ({
    id,
    handle: id,
    name: `Seller ${id}`,
    kind: "cooperative",
    address: null,
    communeCode,
    communeName: `Commune ${communeCode}`,
    provinceCode: "15",
    provinceName: "Tỉnh Lào Cai",
    villageName: null,
    phone: null,
    state,
    stateChangedAt: null,
  }) satisfies CatalogSeller

const GIA_PHU = seller("sel_gia_phu", "02923")
const BAN_CAM = seller("sel_ban_cam", "02990")

const product = (id: string, owner: CatalogSeller, extra: Partial<CatalogProduct> = {}) =>
  ({
    id,
    title: `Product ${id}`,
    handle: id,
    thumbnail: null,
    status: "published",
    gtin: null,
    ocopStars: 4,
    ocop: { stars: 4, certificateNumber: "OCOP-LC-2026-017", expiresOn: "2028-12-31" },
    seller: owner,
    ...extra,
  }) satisfies CatalogProduct

class Catalogue implements ProductCatalog {
  products = new Map<string, CatalogProduct>()
  lookups = 0
  async findProduct({ productId, authorization, asOperator }: ProductLookup) {
    this.lookups++
    const found = this.products.get(productId) ?? null
    if (!found || asOperator) return found
    return authorization === `seller:${found.seller.id}` ? found : null
  }
  /** The seller's state as the backend would report it from now on. */
  setState(sellerId: string, state: CatalogSeller["state"]) {
    for (const [id, p] of this.products) {
      if (p.seller.id === sellerId) {
        this.products.set(id, {
          ...p,
          seller: { ...p.seller, state, stateChangedAt: new Date() },
        })
      }
    }
  }
}

const actor = (over: Partial<Actor> & Pick<Actor, "actorType">): Actor => ({
  actorId: `${over.actorType}_1`,
  sellerId: null,
  onBehalfOf: null,
  communeCode: null,
  provinceCode: null,
  ...over,
})
const member = (sellerId: string): Caller => ({
  actor: actor({ actorType: "seller_member", sellerId }),
  authorization: `seller:${sellerId}`,
})
const operator: Caller = { actor: actor({ actorType: "user" }), authorization: "operator" }
const communeOfficer = (communeCode: string | null): Caller => ({
  actor: actor({ actorType: "commune_officer", communeCode }),
  authorization: "officer",
})
const provinceOfficer = (provinceCode: string): Caller => ({
  actor: actor({ actorType: "province_officer", provinceCode }),
  authorization: "officer",
})
const customer: Caller = {
  actor: actor({ actorType: "customer" }),
  authorization: "customer",
}

/** The DomainError a call throws, for its kind, code and field. */
async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}
const expectRefused = async (
  call: Promise<unknown>,
  kind: DomainErrorKind,
  code: string,
  field?: string,
) => {
  const error = await refusal(call)
  expect({ kind: error.kind, code: error.code, field: error.field }).toEqual({ kind, code, field })
  return error
}

const event = (body: Record<string, unknown>) => splitEventBody(eventBodySchema.parse(body))
const HARVEST = {
  type: "harvest",
  occurred_at: "2026-10-05T06:00:00+07:00",
  quantity: { amount: 1500, unit: "kg" },
}
const INSPECTION = {
  type: "inspection",
  occurred_at: "2026-10-14T07:30:00+07:00",
  inspector: "Trung tâm Kiểm nghiệm Lào Cai",
  result: "pass",
}

let database: { url: string; drop: () => Promise<void> }
let pool: pg.Pool
let catalog: Catalogue
let services: Services
/** The resolver's hot path of the latest build(), which the scan-side services read through. */
let scans: ScanService
const opened: ScanService[] = []
let kicks: number
let changedSellers: string[]
let changedBatches: string[]
let lot = 0

const count = async (table: string) =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n

function build(env: Record<string, string> = {}) {
  const config = loadConfig({
    TRACEABILITY_DATABASE_URL: database.url,
    STAMP_SIGNING_SECRET: SECRET,
    JWT_SECRET: "service-test-jwt-secret",
    LOG_LEVEL: "silent",
    ...env,
  })
  const hotPath = new ScanService(pool, config, { warn: () => {}, error: () => {} })
  opened.push(hotPath)
  scans = hotPath
  return createServices(
    {
      config,
      pool,
      catalog,
      sellersChanged: async (ids) => {
        changedSellers.push(...ids)
      },
      batchChanged: async (id) => {
        changedBatches.push(id)
        await hotPath.batchChanged(id)
      },
    },
    { kick: () => kicks++ },
    hotPath,
  )
}

const newBatch = (caller: Caller, productId: string, over: { sellerId?: string } = {}) =>
  services.batches.create(caller, {
    productId,
    lotCode: `LOT-${++lot}`,
    details: { ...EMPTY_DETAILS, quantity: 100, unit: "kg" },
    ...over,
  })

beforeAll(async () => {
  database = await createTestDatabase(inject("pgServerUrl"), "trace_test")
  await migrate(database.url)
  pool = createPool(database.url)
})

afterAll(async () => {
  await pool?.end()
  await database?.drop()
})

afterEach(async () => {
  for (const hotPath of opened.splice(0)) await hotPath.close()
})

beforeEach(() => {
  catalog = new Catalogue()
  catalog.products.set("prod_rice", product("prod_rice", GIA_PHU))
  catalog.products.set("prod_tea", product("prod_tea", BAN_CAM))
  kicks = 0
  changedSellers = []
  changedBatches = []
  services = build()
})

describe("BatchService", () => {
  it("creates a seller's batch with the registry's certificate, never the client's", async () => {
    const batch = await newBatch(member(GIA_PHU.id), "prod_rice")
    expect(batch.sellerId).toBe(GIA_PHU.id)
    expect(batch.seller.communeCode).toBe("02923")
    expect(batch.certifications).toMatchObject({
      ocopStars: 4,
      ocopCertificateNumber: "OCOP-LC-2026-017",
      ocopExpiresOn: "2028-12-31",
    })
    // Repeating the registry's stars is fine; claiming others is refused and writes nothing.
    const before = await count("batch")
    await expectRefused(
      services.batches.create(member(GIA_PHU.id), {
        productId: "prod_rice",
        lotCode: "LOT-STARS",
        details: EMPTY_DETAILS,
        claimedStars: 5,
      }),
      "invalid",
      "invalid_request",
      "certifications.ocop_stars",
    )
    expect(await count("batch")).toBe(before)
  })

  it("refuses callers who act for no seller, or for another seller than they name", async () => {
    await expectRefused(newBatch(customer, "prod_rice"), "forbidden", "forbidden")
    await expectRefused(
      newBatch(member(GIA_PHU.id), "prod_rice", { sellerId: BAN_CAM.id }),
      "forbidden",
      "forbidden",
    )
    await expectRefused(newBatch(operator, "prod_rice"), "invalid", "invalid_request", "seller_id")
    // A product of another seller is "not found" for a member, "of another seller" for an operator.
    await expectRefused(
      newBatch(member(GIA_PHU.id), "prod_tea"),
      "not_found",
      "not_found",
      "product_id",
    )
    await expectRefused(
      newBatch(operator, "prod_tea", { sellerId: GIA_PHU.id }),
      "invalid",
      "invalid_request",
      "seller_id",
    )
    const made = await newBatch(operator, "prod_tea", { sellerId: BAN_CAM.id })
    expect(made.createdByType).toBe("user")
  })

  it("checks the rules across details before asking the backend", async () => {
    const lookups = catalog.lookups
    await expectRefused(
      services.batches.create(member(GIA_PHU.id), {
        productId: "prod_rice",
        lotCode: "LOT-DATES",
        details: {
          ...EMPTY_DETAILS,
          dates: { ...EMPTY_DETAILS.dates, harvestedOn: "2026-10-05", packedOn: "2026-10-01" },
        },
      }),
      "invalid",
      "invalid_request",
      "dates.packed_on",
    )
    expect(catalog.lookups).toBe(lookups)
  })

  it("refuses a seller the commune has not approved, and remembers its state", async () => {
    catalog.setState(GIA_PHU.id, "suspended")
    const before = await count("batch")
    await expectRefused(
      newBatch(member(GIA_PHU.id), "prod_rice"),
      "forbidden",
      "seller_not_approved",
    )
    expect(await count("batch")).toBe(before)
    expect(changedSellers).toContain(GIA_PHU.id)
    const stored = await pool.query("SELECT state FROM seller_state WHERE seller_id = $1", [
      GIA_PHU.id,
    ])
    expect(stored.rows[0].state).toBe("suspended")
  })

  it("gives a GTIN to the first seller and refuses it to another; a lot code once per product", async () => {
    catalog.products.set("prod_honey", product("prod_honey", GIA_PHU, { gtin: "08938500000017" }))
    catalog.products.set("prod_fake", product("prod_fake", BAN_CAM, { gtin: "08938500000017" }))
    await newBatch(member(GIA_PHU.id), "prod_honey")
    await expectRefused(
      newBatch(member(BAN_CAM.id), "prod_fake"),
      "conflict",
      "gtin_taken",
      "product_id",
    )
    const input = {
      productId: "prod_rice",
      lotCode: "LOT-TWICE",
      details: { ...EMPTY_DETAILS, quantity: 5, unit: "kg" },
    }
    await services.batches.create(member(GIA_PHU.id), input)
    await expectRefused(services.batches.create(member(GIA_PHU.id), input), "conflict", "conflict")
  })

  it("shows a batch to its seller, operators, the backend and its own commune's and province's officers", async () => {
    const batch = await newBatch(member(GIA_PHU.id), "prod_rice")
    for (const reader of [
      member(GIA_PHU.id),
      operator,
      { actor: actor({ actorType: "service" }), authorization: "" },
      communeOfficer("02923"),
      provinceOfficer("15"),
    ]) {
      expect((await services.batches.get(reader, batch.id)).id).toBe(batch.id)
    }
    for (const stranger of [
      member(BAN_CAM.id),
      communeOfficer("02990"),
      communeOfficer(null),
      provinceOfficer("01"),
      customer,
    ]) {
      await expectRefused(services.batches.get(stranger, batch.id), "not_found", "not_found")
    }
  })

  it("lists a seller's own batches, an officer's area's, and makes operators name the seller", async () => {
    const mine = await newBatch(member(GIA_PHU.id), "prod_rice")
    const theirs = await newBatch(member(BAN_CAM.id), "prod_tea")
    const page = { limit: 200, offset: 0 }
    const ids = async (caller: Caller, filter = {}) =>
      (await services.batches.list(caller, filter, page)).batches.map((b) => b.id)
    expect(await ids(member(GIA_PHU.id))).toContain(mine.id)
    expect(await ids(member(GIA_PHU.id))).not.toContain(theirs.id)
    expect(await ids(communeOfficer("02990"))).toEqual(expect.arrayContaining([theirs.id]))
    expect(await ids(communeOfficer("02990"))).not.toContain(mine.id)
    expect(await ids(operator, { sellerId: BAN_CAM.id })).not.toContain(mine.id)
    await expectRefused(
      services.batches.list(member(GIA_PHU.id), { sellerId: BAN_CAM.id }, page),
      "forbidden",
      "forbidden",
    )
    await expectRefused(
      services.batches.list(operator, {}, page),
      "invalid",
      "invalid_request",
      "seller_id",
    )
    await expectRefused(services.batches.list(customer, {}, page), "forbidden", "forbidden")
  })

  it("freezes details once sealed, keeps recalled final, and lets a suspended seller still recall", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    const moreRice = { details: (d: typeof EMPTY_DETAILS) => ({ ...d, quantity: 120 }) }
    expect((await services.batches.change(caller, batch.id, moreRice)).quantity).toBe(120)
    await expectRefused(
      services.batches.change(member(BAN_CAM.id), batch.id, moreRice),
      "not_found",
      "not_found",
    )
    await expectRefused(
      services.batches.change(caller, batch.id, { state: "recalled" }),
      "invalid",
      "invalid_request",
      "recall_reason",
    )
    await expectRefused(
      services.batches.change(caller, batch.id, { state: "sealed", recallReason: "why" }),
      "invalid",
      "invalid_request",
      "recall_reason",
    )
    const sealed = await services.batches.change(caller, batch.id, { state: "sealed" })
    expect(sealed.state).toBe("sealed")
    await expectRefused(services.batches.change(caller, batch.id, moreRice), "conflict", "conflict")
    await expectRefused(
      services.batches.change(caller, batch.id, { state: "open" }),
      "conflict",
      "conflict",
    )

    catalog.setState(GIA_PHU.id, "suspended")
    const recalled = await services.batches.change(caller, batch.id, {
      state: "recalled",
      recallReason: "Cadimi vượt ngưỡng",
    })
    expect(recalled).toMatchObject({ state: "recalled", recallReason: "Cadimi vượt ngưỡng" })
    await expectRefused(
      services.batches.change(caller, batch.id, { state: "sealed" }),
      "conflict",
      "conflict",
    )
  })

  it("refuses new details of a suspended seller, naming the seller's state", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    catalog.setState(GIA_PHU.id, "suspended")
    await expectRefused(
      services.batches.change(caller, batch.id, { details: (d) => ({ ...d, quantity: 1 }) }),
      "forbidden",
      "seller_not_approved",
    )
    expect((await services.batches.get(caller, batch.id)).quantity).toBe(100)
  })
})

describe("EventService", () => {
  it("appends for the batch's writers only, in order, and replays a key", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    await expectRefused(
      services.events.append(member(BAN_CAM.id), batch.id, event(HARVEST), null),
      "not_found",
      "not_found",
    )
    const first = await services.events.append(caller, batch.id, event(HARVEST), "phone-1")
    expect(first).toMatchObject({ replayed: false, event: { seq: 1, type: "harvest" } })
    const again = await services.events.append(caller, batch.id, event(HARVEST), "phone-1")
    expect(again).toMatchObject({ replayed: true, event: { id: first.event.id } })
    await expectRefused(
      services.events.append(caller, batch.id, event(INSPECTION), "phone-1"),
      "conflict",
      "idempotency_key_reused",
    )
    expect((await services.events.list(communeOfficer("02923"), batch.id)).length).toBe(1)
    await expectRefused(
      services.events.list(communeOfficer("02990"), batch.id),
      "not_found",
      "not_found",
    )
    expect(await services.events.verify(batch.id)).toEqual({
      valid: true,
      events: 1,
      broken_at: null,
    })
  })

  it("takes only after-sealing events once sealed, none once recalled, none from a suspended seller", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    await services.batches.change(caller, batch.id, { state: "sealed" })
    await expectRefused(
      services.events.append(caller, batch.id, event(HARVEST), null),
      "conflict",
      "conflict",
    )
    await services.events.append(caller, batch.id, event(INSPECTION), null)
    catalog.setState(GIA_PHU.id, "suspended")
    await expectRefused(
      services.events.append(caller, batch.id, event(INSPECTION), null),
      "forbidden",
      "seller_not_approved",
    )
    catalog.setState(GIA_PHU.id, "approved")
    await services.batches.change(caller, batch.id, { state: "recalled", recallReason: "x" })
    await expectRefused(
      services.events.append(caller, batch.id, event(INSPECTION), null),
      "conflict",
      "conflict",
    )
    expect((await services.events.list(caller, batch.id)).map((e) => e.type)).toEqual([
      "inspection",
    ])
  })
})

describe("StampService", () => {
  const issue = (caller: Caller, batchId: string, stampCount: number, key: string) =>
    services.stamps.issue(caller, batchId, {
      count: stampCount,
      layout: DEFAULT_LAYOUT,
      idempotencyKey: key,
    })

  it("issues for the batch's writers, replays a key, and hides jobs from everyone else", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    const issued = await issue(caller, batch.id, 3, "roll-1")
    expect(issued.replayed).toBe(false)
    expect(issued.stamps!.map((s) => s.seq)).toEqual([1, 2, 3])
    expect(kicks).toBe(0)
    const replay = await issue(caller, batch.id, 3, "roll-1")
    expect(replay).toMatchObject({ replayed: true, job: { id: issued.job.id } })
    await expectRefused(issue(caller, batch.id, 4, "roll-1"), "conflict", "idempotency_key_reused")
    await expectRefused(issue(member(BAN_CAM.id), batch.id, 1, "roll-x"), "not_found", "not_found")
    await expectRefused(
      services.stamps.job(member(BAN_CAM.id).actor, issued.job.id),
      "not_found",
      "not_found",
    )
    await expectRefused(
      services.stamps.printableBatch(communeOfficer("02923").actor, batch.id),
      "not_found",
      "not_found",
    )
    expect((await services.stamps.job(operator.actor, issued.job.id)).batch.id).toBe(batch.id)
    expect(await count("stamp")).toBeGreaterThanOrEqual(3)
  })

  it("leaves a large run to the worker and nudges it once", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    const job = await issue(caller, batch.id, 1001, "big-roll")
    expect(job).toMatchObject({ stamps: null, replayed: false, job: { state: "pending" } })
    expect(kicks).toBe(1)
    await issue(caller, batch.id, 1001, "big-roll")
    expect(kicks).toBe(1)
    await expectRefused(
      services.stamps.doneJob(caller.actor, job.job.id),
      "conflict",
      "job_not_done",
    )
  })

  it("refuses a recalled batch and a bad layout, issuing nothing", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    await expectRefused(
      services.stamps.issue(caller, batch.id, {
        count: 1,
        layout: { ...DEFAULT_LAYOUT, columns: 40 },
        idempotencyKey: "k",
      }),
      "invalid",
      "invalid_request",
      "layout.columns",
    )
    await services.batches.change(caller, batch.id, { state: "recalled", recallReason: "x" })
    await expectRefused(issue(caller, batch.id, 1, "k"), "conflict", "batch_recalled")
    const { summary } = await services.stamps.list(caller.actor, batch.id, {
      afterSeq: 0,
      limit: 10,
      signalsOnly: false,
    })
    expect(summary.issued).toBe(0)
  })

  it("stops a seller at its daily quota, saying when it resets, and issues nothing over it", async () => {
    services = build({ STAMP_DAILY_QUOTA: "5" })
    const caller = member(BAN_CAM.id)
    const batch = await newBatch(caller, "prod_tea")
    await issue(caller, batch.id, 4, "q-1")
    const error = await expectRefused(
      issue(caller, batch.id, 2, "q-2"),
      "quota_exceeded",
      "stamp_quota_exceeded",
      "count",
    )
    expect(error.resetsAt!.getTime()).toBeGreaterThan(Date.now())
    expect(error.retryAfterSeconds).toBeGreaterThan(0)
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(24 * 3600)
    const { summary } = await services.stamps.list(caller.actor, batch.id, {
      afterSeq: 0,
      limit: 10,
      signalsOnly: false,
    })
    expect(summary.issued).toBe(4)
    // A replay of an earlier request costs nothing.
    expect((await issue(caller, batch.id, 4, "q-1")).replayed).toBe(true)
  })
})

describe("VoidService", () => {
  it("voids a range or a list for the batch's writers, a suspended seller too", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    const { stamps } = await services.stamps.issue(caller, batch.id, {
      count: 5,
      layout: DEFAULT_LAYOUT,
      idempotencyKey: "v",
    })
    const serials = stamps!.map((s) => s.serial)
    await expectRefused(
      services.voids.void(member(BAN_CAM.id), batch.id, { serials: [serials[0]!] }, "lost"),
      "not_found",
      "not_found",
    )
    catalog.setState(GIA_PHU.id, "suspended")
    expect(
      await services.voids.void(
        caller,
        batch.id,
        { fromSerial: serials[1]!, toSerial: serials[3]! },
        "lost",
      ),
    ).toEqual({ voided: 3, alreadyVoided: 0 })
    expect(
      await services.voids.void(
        caller,
        batch.id,
        { serials: [serials[3]!, serials[4]!, serials[4]!] },
        "torn",
      ),
    ).toEqual({ voided: 1, alreadyVoided: 1 })
  })

  it("names the field of a forged serial, another batch's serial and a backward range", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    const other = await newBatch(caller, "prod_rice")
    const issue = async (batchId: string, key: string) =>
      (
        await services.stamps.issue(caller, batchId, {
          count: 2,
          layout: DEFAULT_LAYOUT,
          idempotencyKey: key,
        })
      ).stamps!.map((s) => s.serial)
    const [first, second] = await issue(batch.id, "a")
    const [foreign] = await issue(other.id, "b")
    const forged = createSerial("another-secret-of-at-least-32-characters!!")
    await expectRefused(
      services.voids.void(caller, batch.id, { fromSerial: forged, toSerial: second! }, "x"),
      "invalid",
      "invalid_request",
      "from_serial",
    )
    await expectRefused(
      services.voids.void(caller, batch.id, { fromSerial: first!, toSerial: foreign! }, "x"),
      "invalid",
      "invalid_request",
      "to_serial",
    )
    await expectRefused(
      services.voids.void(caller, batch.id, { serials: [first!, foreign!] }, "x"),
      "invalid",
      "invalid_request",
      "serials",
    )
    await expectRefused(
      services.voids.void(caller, batch.id, { fromSerial: second!, toSerial: first! }, "x"),
      "invalid",
      "invalid_request",
      "to_serial",
    )
    const voided = await pool.query(
      "SELECT count(*)::int AS n FROM stamp WHERE state = 'voided' AND batch_id = $1",
      [batch.id],
    )
    expect(voided.rows[0].n).toBe(0)
  })
})

describe("StatsService", () => {
  it("keeps officers inside their own area and refuses everyone else", async () => {
    const allTime = { start: null, end: null }
    const { area } = await services.stats.sellers(communeOfficer("02923").actor, allTime)
    expect(area).toEqual({ communeCode: "02923", provinceCode: null })
    await expectRefused(
      services.stats.sellers(communeOfficer("02923").actor, { ...allTime, communeCode: "02990" }),
      "forbidden",
      "forbidden",
    )
    await expectRefused(
      services.stats.counterfeitStamps(provinceOfficer("15").actor, {
        ...allTime,
        provinceCode: "01",
      }),
      "forbidden",
      "forbidden",
    )
    // An officer the backend gave no area sees nothing, as do sellers.
    await expectRefused(
      services.stats.sellers(communeOfficer(null).actor, allTime),
      "forbidden",
      "forbidden",
    )
    await expectRefused(
      services.stats.sellers(member(GIA_PHU.id).actor, allTime),
      "forbidden",
      "forbidden",
    )
    const seen = await services.stats.sellers(operator.actor, { ...allTime, communeCode: "02990" })
    expect(seen.area.communeCode).toBe("02990")
    expect(seen.sellers.every((s) => s.seller_id === BAN_CAM.id)).toBe(true)
  })
})

describe("SellerTrustService", () => {
  it("lets only operators reassign a GTIN, and drops the cached batches of it", async () => {
    catalog.products.set("prod_jam", product("prod_jam", GIA_PHU, { gtin: "08938500000024" }))
    const batch = await newBatch(member(GIA_PHU.id), "prod_jam")
    await expectRefused(
      services.sellerTrust.assignGtin(member(GIA_PHU.id).actor, "08938500000024", GIA_PHU.id),
      "forbidden",
      "forbidden",
    )
    expect(changedBatches).toEqual([])
    await services.sellerTrust.assignGtin(operator.actor, "08938500000024", BAN_CAM.id)
    expect(changedBatches).toEqual([batch.id])
    catalog.products.set("prod_jam2", product("prod_jam2", GIA_PHU, { gtin: "08938500000024" }))
    await expectRefused(
      newBatch(member(GIA_PHU.id), "prod_jam2"),
      "conflict",
      "gtin_taken",
      "product_id",
    )
  })

  it("records pushed states, newer facts only, and names the sellers that changed", async () => {
    const at = (iso: string) => new Date(iso)
    const first = await services.sellerTrust.recordStates([
      { sellerId: "sel_pushed", state: "approved", changedAt: at("2026-03-01T00:00:00Z") },
    ])
    expect(first).toEqual(["sel_pushed"])
    const older = await services.sellerTrust.recordStates([
      { sellerId: "sel_pushed", state: "suspended", changedAt: at("2026-02-01T00:00:00Z") },
    ])
    expect(older).toEqual([])
    const newer = await services.sellerTrust.recordStates([
      { sellerId: "sel_pushed", state: "suspended", changedAt: at("2026-04-01T00:00:00Z") },
    ])
    expect(newer).toEqual(["sel_pushed"])
    expect(changedSellers).toEqual(["sel_pushed", "sel_pushed"])
  })
})

/** A new stamp of Gia Phú's rice. */
async function newStamp(): Promise<string> {
  const caller = member(GIA_PHU.id)
  const batch = await newBatch(caller, "prod_rice")
  const issued = await services.stamps.issue(caller, batch.id, {
    count: 1,
    layout: DEFAULT_LAYOUT,
    idempotencyKey: `roll-${batch.id}`,
  })
  return issued.stamps![0]!.serial
}

/** A counted scan of the stamp by a phone at `ip`: its signed scan id. */
async function scanFrom(serial: string, ip: string): Promise<string> {
  const client = { userAgentFamily: "Zalo", language: "vi", ipPrefix: ipPrefix(ip) }
  const answer = await scans.scan(serial, null, client)
  return answer!.scan!.token
}

describe("ScanLocationService", () => {
  const HANOI = { lat: 21.0285, lng: 105.8542, accuracyM: 25 }
  const SAIGON = { lat: 10.7725, lng: 106.698, accuracyM: null }

  const locations = async (serial: string) =>
    (
      await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM scan_location WHERE serial = $1",
        [serial],
      )
    ).rows[0]!.n

  const flaggedAt = async (serial: string) =>
    (
      await pool.query<{ flagged_at: Date | null }>(
        "SELECT flagged_at FROM stamp_scan_summary WHERE serial = $1",
        [serial],
      )
    ).rows[0]?.flagged_at ?? null

  it("takes a location only with a scan id this service signed, once, within the window", async () => {
    const serial = await newStamp()
    const token = await scanFrom(serial, "203.0.113.7")
    const claims = {
      scanId: randomUUID(),
      serial,
      scannedAt: new Date(),
      firstScannedAt: new Date(),
      number: 1,
      verdict: "genuine_first_scan" as const,
    }
    // Signed with another key: as good as no scan id at all.
    const foreign = signScanToken(claims, Buffer.alloc(32, 7))
    await expectRefused(services.scanLocations.attach(foreign, HANOI), "not_found", "not_found")
    const longAgo = new Date(Date.now() - 31 * 60_000)
    const late = signScanToken(
      { ...claims, scannedAt: longAgo, firstScannedAt: longAgo },
      scans.tokenKey,
    )
    await expectRefused(services.scanLocations.attach(late, HANOI), "conflict", "too_late")
    expect(await locations(serial)).toBe(0)

    expect(await services.scanLocations.attach(token, HANOI)).toEqual({
      serial,
      impossibleTravel: false,
      verdict: "genuine_first_scan",
    })
    await expectRefused(services.scanLocations.attach(token, SAIGON), "conflict", "conflict")
    expect(await locations(serial)).toBe(1)
    expect(await flaggedAt(serial)).toBeNull()
  })

  it("flags a stamp located too far apart too quickly from two networks, not from one", async () => {
    const serial = await newStamp()
    const inHanoi = await scanFrom(serial, "203.0.113.7")
    const inSaigon = await scanFrom(serial, "2001:db8:77:1::9")
    expect((await services.scanLocations.attach(inHanoi, HANOI)).impossibleTravel).toBe(false)
    expect(await services.scanLocations.attach(inSaigon, SAIGON)).toEqual({
      serial,
      impossibleTravel: true,
      verdict: "suspicious",
    })
    expect((await scans.peek(serial, null, null))!.verdict).toBe("suspicious")
    expect(await flaggedAt(serial)).toBeInstanceOf(Date)

    // One /24 typing Hà Nội, then Sài Gòn: one buyer's network, no counterfeit signal.
    const other = await newStamp()
    const first = await scanFrom(other, "198.51.100.10")
    const second = await scanFrom(other, "198.51.100.200")
    await services.scanLocations.attach(first, HANOI)
    expect(await services.scanLocations.attach(second, SAIGON)).toEqual({
      serial: other,
      impossibleTravel: false,
      verdict: "genuine_repeat",
    })
    expect(await flaggedAt(other)).toBeNull()
  })
})

describe("ProvenanceService", () => {
  const GTIN = "08938500000041"

  it("reads a stamp without counting a scan, with the verdict of the scan id it is given", async () => {
    const serial = await newStamp()
    const forged = createSerial(SECRET.replace("service", "forger"))
    expect(await services.provenance.ofStamp(forged, null)).toBeNull()
    const unscanned = await services.provenance.ofStamp(serial, null)
    expect(unscanned).toMatchObject({ verdict: "genuine_first_scan", scan: null })
    expect(unscanned!.summary.count).toBe(0)

    const token = await scanFrom(serial, "203.0.113.7")
    const read = await services.provenance.ofStamp(serial, token)
    expect(read).toMatchObject({ verdict: "genuine_first_scan", scan: { token, number: 1 } })
    // Reading again counted nothing: the next scan is the second.
    const next = await scans.scan(serial, null, {
      userAgentFamily: "Zalo",
      language: "vi",
      ipPrefix: ipPrefix("203.0.113.7"),
    })
    expect(next!.scan!.number).toBe(2)

    const otherStamp = await newStamp()
    await expectRefused(
      services.provenance.ofStamp(otherStamp, token),
      "invalid",
      "invalid_request",
      "scan",
    )
    await expectRefused(
      services.provenance.ofStamp(
        serial,
        `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`,
      ),
      "invalid",
      "invalid_request",
      "scan",
    )
  })

  it("shows a product's newest batch that is not recalled, and nothing once all are", async () => {
    catalog.products.set("prod_mead", product("prod_mead", GIA_PHU))
    await expectRefused(services.provenance.ofProduct("prod_mead"), "not_found", "not_found")
    const caller = member(GIA_PHU.id)
    const older = await newBatch(caller, "prod_mead")
    const newer = await newBatch(caller, "prod_mead")
    expect((await services.provenance.ofProduct("prod_mead")).provenance.batch.id).toBe(newer.id)
    await services.batches.change(caller, newer.id, { state: "recalled", recallReason: "x" })
    expect((await services.provenance.ofProduct("prod_mead")).provenance.batch.id).toBe(older.id)
    await services.batches.change(caller, older.id, { state: "recalled", recallReason: "x" })
    await expectRefused(services.provenance.ofProduct("prod_mead"), "not_found", "not_found")
  })

  it("resolves a known lot to its batch, and an unknown lot or none to the product's lots", async () => {
    catalog.products.set("prod_wine", product("prod_wine", GIA_PHU, { gtin: GTIN }))
    await expectRefused(services.provenance.ofGtin(GTIN, null), "not_found", "not_found")
    const caller = member(GIA_PHU.id)
    const first = await newBatch(caller, "prod_wine")
    const second = await newBatch(caller, "prod_wine")
    const lot = await services.provenance.ofGtin(GTIN, first.lotCode)
    expect(lot).toMatchObject({ batchId: first.id, lots: [] })
    expect(lot.batch.provenance.batch.lot_code).toBe(first.lotCode)
    for (const asked of [null, "NO-SUCH-LOT"]) {
      const record = await services.provenance.ofGtin(GTIN, asked)
      expect(record.batchId).toBeNull()
      expect(record.lots.map((l) => l.id)).toEqual([second.id, first.id])
      expect(record.batch.provenance.batch.id).toBe(second.id)
    }
  })
})

describe("EpcisService", () => {
  // The services' config keeps the default TRACEABILITY_PUBLIC_URL.
  const lotUri = (batchId: string) => `http://localhost:9100/batches/${batchId}`

  /** A partner's document for the lot: a harvest (commissioning), then shipping. */
  const document = (batchId: string, ids = [randomUUID(), randomUUID()]) => ({
    "@context": [EPCIS_CONTEXT],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2026-10-20T08:00:00+07:00",
    epcisBody: {
      eventList: [
        {
          type: "ObjectEvent",
          eventID: `urn:uuid:${ids[0]}`,
          eventTime: "2026-10-05T06:00:00+07:00",
          eventTimeZoneOffset: "+07:00",
          action: "ADD",
          bizStep: "commissioning",
          quantityList: [{ epcClass: lotUri(batchId), quantity: 1500, uom: "KGM" }],
        },
        {
          type: "ObjectEvent",
          eventID: `urn:uuid:${ids[1]}`,
          eventTime: "2026-10-15T08:00:00+07:00",
          eventTimeZoneOffset: "+07:00",
          action: "OBSERVE",
          bizStep: "shipping",
          disposition: "in_transit",
          quantityList: [{ epcClass: lotUri(batchId), quantity: 1200, uom: "KGM" }],
          destinationList: [{ type: "owning_party", destination: "urn:epc:id:pgln:8930000000002" }],
        },
      ],
    },
  })

  const eventsOf = async (batchId: string) =>
    (await services.events.list(operator, batchId)).map((e) => e.type)

  it("scopes a query by who asks: anonymous callers name lots, page tokens stay with their caller", async () => {
    expect(eventScopeOf(null).scope).toEqual({ kind: "public" })
    expect(eventScopeOf(customer.actor).scope).toEqual({ kind: "public" })
    expect(eventScopeOf(operator.actor).scope).toEqual({ kind: "all" })
    expect(eventScopeOf(member(GIA_PHU.id).actor).scope).toEqual({
      kind: "seller",
      sellerId: GIA_PHU.id,
    })
    expect(eventScopeOf(communeOfficer("02923").actor).scope).toEqual({
      kind: "commune",
      code: "02923",
    })
    expect(eventScopeOf(communeOfficer(null).actor).scope).toEqual({ kind: "none" })

    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    await services.events.append(caller, batch.id, event(HARVEST), null)
    await services.events.append(caller, batch.id, event(INSPECTION), null)
    const { epcis } = services
    const named = (extra: Record<string, string> = {}) =>
      epcis.parseQuery({ MATCH_epcClass: lotUri(batch.id), ...extra })
    const events = (page: { document: Record<string, unknown> }) =>
      (page.document as { epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } } })
        .epcisBody.queryResults.resultsBody.eventList

    await expectRefused(epcis.query(null, epcis.parseQuery({})), "unauthorized", "unauthorized")
    expect(() => epcis.parseQuery({ perPage: "0" })).toThrow(DomainError)
    expect(events(await epcis.query(null, named()))).toHaveLength(2)
    // Another seller's member sees none of them, even naming the lot.
    expect(events(await epcis.query(member(BAN_CAM.id).actor, named()))).toHaveLength(0)

    const first = await epcis.query(caller.actor, named({ perPage: "1" }))
    expect(events(first)).toHaveLength(1)
    expect(first.nextPageToken).not.toBeNull()
    const next = named({ perPage: "1", nextPageToken: first.nextPageToken! })
    await expectRefused(
      epcis.query(operator.actor, next),
      "invalid",
      "invalid_request",
      "nextPageToken",
    )
    const second = await epcis.query(caller.actor, next)
    expect(events(second)).toHaveLength(1)
    expect(second.nextPageToken).toBeNull()
  })

  it("captures for the lots' writers only, all events or none, once per key", async () => {
    const caller = member(GIA_PHU.id)
    const batch = await newBatch(caller, "prod_rice")
    const capture = (who: Caller, doc: Record<string, unknown>, key: string | null) =>
      services.epcis.capture(who, doc, key)

    // Another seller's member and an unknown lot: the lot is "not found", naming the event.
    await expectRefused(
      capture(member(BAN_CAM.id), document(batch.id), null),
      "not_found",
      "not_found",
      "/epcisBody/eventList/0",
    )
    await expectRefused(
      capture(caller, document(randomUUID()), null),
      "not_found",
      "not_found",
      "/epcisBody/eventList/0",
    )
    expect(await eventsOf(batch.id)).toEqual([])
    expect(changedBatches).toEqual([])

    const doc = document(batch.id)
    const done = await capture(caller, doc, "mill-run-1")
    expect(done.outcome).toEqual({ status: "succeeded", eventCount: 2, errors: [] })
    expect(done.job).toMatchObject({
      status: "succeeded",
      eventCount: 2,
      owner: `seller:${GIA_PHU.id}`,
    })
    expect(await eventsOf(batch.id)).toEqual(["harvest", "shipping"])
    expect(changedBatches).toEqual([batch.id])

    // The same key: the same job, nothing run again; another document under it is refused.
    const again = await capture(caller, doc, "mill-run-1")
    expect(again).toEqual({ job: done.job, outcome: null })
    await expectRefused(
      capture(caller, document(batch.id), "mill-run-1"),
      "conflict",
      "idempotency_key_reused",
      "idempotency-key",
    )
    expect(await eventsOf(batch.id)).toEqual(["harvest", "shipping"])
    expect((await services.epcis.captureJob(caller.actor, done.job.id)).id).toBe(done.job.id)
    await expectRefused(
      services.epcis.captureJob(member(BAN_CAM.id).actor, done.job.id),
      "not_found",
      "not_found",
    )

    // A sealed lot takes no harvest: the job fails on that event and writes nothing.
    await services.batches.change(caller, batch.id, { state: "sealed" })
    const refused = await capture(caller, document(batch.id), null)
    expect(refused.outcome).toMatchObject({ status: "failed", eventCount: 0 })
    expect(refused.job.status).toBe("failed")
    expect(refused.job.errors.map((e) => e.path)).toEqual(["/epcisBody/eventList/0"])
    expect(await eventsOf(batch.id)).toEqual(["harvest", "shipping"])
  })
})
