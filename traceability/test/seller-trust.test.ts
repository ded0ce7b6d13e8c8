import { signPayload } from "@coop/contracts/signature"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER } from "./fake-backend.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"
import { signToken } from "./helpers.js"
import { batchWithStamps, JSON_ACCEPT, schemaProblems } from "./scan-fixtures.js"

// Issue 14: who may create what in traceability, and what the stamp page then claims. Every
// attack here worked before the fix: a pending seller's stamps read "genuine", a PATCH set five
// OCOP stars, one seller issued 400,000 stamps, another seller's batch answered for a GTIN, and
// officers' real tokens were refused.

const WEBHOOK_SECRET = "seller-state-secret-0123456789"
const QUOTA = 30

// A seller that signed up and was never approved by its commune.
const PENDING_SELLER = {
  ...GIA_PHU_SELLER,
  id: "sel_10_pending",
  handle: "htx-chua-duyet",
  name: "HTX Nông nghiệp Gia Phú", // copied from the real cooperative
  state: "pending" as const,
  state_changed_at: null,
}
const PENDING_PRODUCT = fakeProduct({ id: "prod_pending", seller: PENDING_SELLER, status: "draft" })

// An approved seller that the commune will suspend.
const SUSPENDED_LATER = {
  ...OTHER_SELLER,
  id: "sel_11_later_suspended",
  handle: "hkd-tam-ngung",
  state: "approved" as const,
}
const TEA = fakeProduct({ id: "prod_che", title: "Chè Shan tuyết", seller: SUSPENDED_LATER })

// A 3-star OCOP product in the commune registry.
const REGISTRY_3 = {
  stars: 3 as const,
  certificate_number: "OCOP-LC-2025-031",
  expires_on: "2028-05-31",
}
const HONEY = fakeProduct({ id: "prod_mat_ong_3_sao", ocop: { ...REGISTRY_3 } })
const REJECTED = fakeProduct({ id: "prod_rejected", status: "rejected" })

// One GTIN, written two ways (GTIN-13 in ean, GTIN-12 with a leading zero in upc), by two sellers.
const GTIN_13 = "0036000291452"
const OWNER_RICE = fakeProduct({
  id: "prod_gtin_owner",
  variants: [{ id: "vo", sku: null, ean: GTIN_13, upc: null, barcode: null }],
})
const SQUATTER = fakeProduct({
  id: "prod_gtin_squatter",
  seller: SUSPENDED_LATER,
  variants: [{ id: "vs", sku: null, ean: null, upc: "036000291452", barcode: null }],
})

let service: Service
let call: ReturnType<typeof client>
let t: Awaited<ReturnType<typeof tokens>>
let pendingMember: string
let teaMember: string

const stampsOf = async (sellerId: string) =>
  Number(
    (
      await service.pool.query(
        "SELECT count(*) FROM stamp s JOIN batch b ON b.id = s.batch_id WHERE b.seller_id = $1",
        [sellerId],
      )
    ).rows[0].count,
  )

/** Stamps the outbox told the backend's STAMPS indicator about, for this seller. */
const stampsIndicated = async (sellerId: string) =>
  (
    await service.pool.query(
      `SELECT coalesce(sum((payload->>'count')::int), 0)::int AS n FROM outbox_event
       WHERE type = 'stamps.issued' AND payload->>'seller_id' = $1`,
      [sellerId],
    )
  ).rows[0].n as number

const pushStates = (body: unknown, secret = WEBHOOK_SECRET) => {
  const raw = JSON.stringify(body)
  return fetch(`${service.base}/sellers/states`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-coop-signature": signPayload(raw, secret),
    },
    body: raw,
  })
}

const scanJson = async (uri: string) => {
  const response = await fetch(uri, { headers: JSON_ACCEPT })
  return { status: response.status, body: (await response.json()) as Json }
}

/** The backend's answer about the tea seller from now on, with a fresh state_changed_at. */
const setTeaState = (state: "approved" | "suspended") => {
  TEA.seller = { ...SUSPENDED_LATER, state, state_changed_at: new Date().toISOString() }
}

let keys = 0
const issue = (batchId: string, token: string, count: number, key = `trust-${++keys}`) =>
  fetch(`${service.base}/batches/${batchId}/stamps`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "idempotency-key": key,
      "accept-language": "vi-VN,vi;q=0.9",
    },
    body: JSON.stringify({ count }),
  })

beforeAll(async () => {
  service = await startService([PENDING_PRODUCT, TEA, HONEY, REJECTED, OWNER_RICE, SQUATTER], {
    RESOLVER_RATE_LIMIT: "0",
    INDICATORS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STAMP_DAILY_QUOTA: String(QUOTA),
  })
  call = client(service.base)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  pendingMember = await signToken({
    actor_id: "member_pending",
    actor_type: "seller_member",
    app_metadata: { seller_id: PENDING_SELLER.id, role: "owner" },
  })
  teaMember = await signToken({
    actor_id: "member_tea",
    actor_type: "seller_member",
    app_metadata: { seller_id: SUSPENDED_LATER.id, role: "owner" },
  })
})

afterAll(() => service?.close())

describe("only approved sellers write", () => {
  it("refuses a never-approved seller's batch with a 403 in Vietnamese or English, writing nothing", async () => {
    const body = { product_id: PENDING_PRODUCT.id, lot_code: "PENDING-1", quantity: 10, unit: "kg" }
    const vi = await fetch(`${service.base}/batches`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${pendingMember}`,
        "accept-language": "vi",
      },
      body: JSON.stringify(body),
    })
    expect(vi.status).toBe(403)
    const viBody = (await vi.json()) as Json
    expect(viBody.error).toBe("seller_not_approved")
    expect(viBody.message).toMatch(/chưa được xã duyệt/)
    const en = await call("POST", "/batches", { token: pendingMember, body, language: "en" })
    expect(en.status).toBe(403)
    expect(en.body.message).toMatch(/not been approved by the commune/)
    const { rows } = await service.pool.query("SELECT count(*)::int AS n FROM batch")
    expect(rows[0].n).toBe(0)
    // Nothing reaches the commune's STAMPS indicator either.
    expect(await stampsIndicated(PENDING_SELLER.id)).toBe(0)
  })

  it("refuses batches of products that are neither published nor drafts", async () => {
    const answer = await call("POST", "/batches", {
      token: t.member,
      body: { product_id: REJECTED.id, lot_code: "REJ-1", quantity: 1, unit: "kg" },
    })
    expect(answer.status).toBe(403)
    expect(answer.body.error).toBe("product_not_writable")
  })

  it("refuses events, stamps and new details once the seller is suspended, but lets it recall", async () => {
    const { batch } = await batchWithStamps(service.base, teaMember, TEA.id, "TEA-W", 1)
    setTeaState("suspended")
    try {
      const event = await call("POST", `/batches/${batch.id}/events`, {
        token: teaMember,
        body: { type: "note", occurred_at: "2026-03-15T08:00:00+07:00", note: "Thêm" },
      })
      expect(event.status).toBe(403)
      expect(event.body.error).toBe("seller_not_approved")
      const stamps = await issue(batch.id, teaMember, 5)
      expect(stamps.status).toBe(403)
      expect(((await stamps.json()) as Json).message).toMatch(/tạm ngừng/)
      const patch = await call("PATCH", `/batches/${batch.id}`, {
        token: teaMember,
        body: { quantity: 9_999 },
      })
      expect(patch.status).toBe(403)
      expect(await stampsOf(SUSPENDED_LATER.id)).toBe(1)
      const { rows } = await service.pool.query(
        "SELECT quantity, event_count FROM batch WHERE id = $1",
        [batch.id],
      )
      expect({ quantity: Number(rows[0].quantity), events: rows[0].event_count }).toEqual({
        quantity: 600,
        events: 0,
      })
      // Withdrawing a lot protects buyers: still allowed.
      const recall = await call("POST", `/batches/${batch.id}/recall`, {
        token: teaMember,
        body: { reason: "Thu hồi theo yêu cầu của xã" },
      })
      expect(recall.status).toBe(200)
    } finally {
      setTeaState("approved")
    }
  })
})

describe("a suspended seller's stamps", () => {
  let uri: string
  let serial: string

  beforeAll(async () => {
    // The seller was approved when these were issued; the write told the service so.
    const { stamps } = await batchWithStamps(service.base, teaMember, TEA.id, "TEA-S", 2)
    uri = stamps[0]!.uri
    serial = stamps[0]!.serial
    expect((await scanJson(uri)).body.verdict).toBe("genuine_first_scan")
  })

  it("resolve seller_suspended as soon as the backend's signed push arrives, though cached", async () => {
    const pushed = await pushStates({
      sellers: [
        { id: SUSPENDED_LATER.id, state: "suspended", changed_at: new Date().toISOString() },
      ],
    })
    expect(pushed.status).toBe(200)
    expect(await pushed.json()).toEqual({ received: 1, changed: [SUSPENDED_LATER.id] })
    const scanned = await scanJson(uri)
    expect(scanned.status).toBe(200)
    expect(scanned.body.verdict).toBe("seller_suspended")
    expect(scanned.body.producer.state).toBe("suspended")
    const { stampProvenanceSchema } = await import("../src/http/routes/resolver-schemas.js")
    expect(schemaProblems(stampProvenanceSchema, scanned.body)).toEqual([])
    // The storefront's read after the redirect says the same, even with an earlier scan's id.
    const read = await call("GET", `/stamps/${serial}/provenance?scan=${scanned.body.scan.id}`)
    expect(read.body.verdict).toBe("seller_suspended")
    // And the scan log keeps that verdict, never a genuine one.
    await service.app.scanService.flush()
    const { rows } = await service.pool.query(
      "SELECT verdict FROM scan WHERE serial = $1 ORDER BY scanned_at",
      [serial],
    )
    expect(rows.map((r) => r.verdict)).toEqual(["genuine_first_scan", "seller_suspended"])
  })

  it("ignores unsigned, wrongly signed and older pushes", async () => {
    const forged = await pushStates(
      {
        sellers: [
          { id: SUSPENDED_LATER.id, state: "approved", changed_at: new Date().toISOString() },
        ],
      },
      "not-the-secret-at-all-000000",
    )
    expect(forged.status).toBe(401)
    const unsigned = await fetch(`${service.base}/sellers/states`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        sellers: [{ id: SUSPENDED_LATER.id, state: "approved", changed_at: null }],
      }),
    })
    expect(unsigned.status).toBe(401)
    // A delayed approval from before the suspension changes nothing.
    const late = await pushStates({
      sellers: [{ id: SUSPENDED_LATER.id, state: "approved", changed_at: "2026-01-01T00:00:00Z" }],
    })
    expect(late.status).toBe(200)
    expect(((await late.json()) as Json).changed).toEqual([])
    expect((await scanJson(uri)).body.verdict).toBe("seller_suspended")
  })

  it("read genuine again once the commune approves the seller again", async () => {
    const pushed = await pushStates({
      sellers: [
        { id: SUSPENDED_LATER.id, state: "approved", changed_at: new Date().toISOString() },
      ],
    })
    expect(pushed.status).toBe(200)
    expect((await scanJson(uri)).body.verdict).toBe("genuine_repeat")
  })

  it("are known suspended from a refused write alone, without a push", async () => {
    setTeaState("suspended")
    try {
      const { rows } = await service.pool.query("SELECT id FROM batch WHERE lot_code = 'TEA-S'")
      expect((await issue(rows[0].id, teaMember, 1)).status).toBe(403)
      expect((await scanJson(uri)).body.verdict).toBe("seller_suspended")
    } finally {
      setTeaState("approved")
      await pushStates({
        sellers: [
          { id: SUSPENDED_LATER.id, state: "approved", changed_at: new Date().toISOString() },
        ],
      })
    }
  })
})

describe("OCOP certificates come from the registry at every write", () => {
  let batchId: string

  beforeAll(async () => {
    const created = await call("POST", "/batches", {
      token: t.member,
      body: { product_id: HONEY.id, lot_code: "MO-3SAO", quantity: 50, unit: "kg" },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    batchId = created.body.id
    expect(created.body.certifications).toMatchObject({
      ocop_stars: 3,
      ocop: {
        stars: 3,
        certificate_number: REGISTRY_3.certificate_number,
        expires_on: "2028-05-31",
      },
    })
  })

  it("refuses a PATCH that claims 5 stars for a 3-star product, naming the field", async () => {
    const patch = await call("PATCH", `/batches/${batchId}`, {
      token: t.member,
      body: { certifications: { ocop_stars: 5 } },
    })
    expect(patch.status).toBe(400)
    expect(patch.body.field).toBe("certifications.ocop_stars")
    const { rows } = await service.pool.query("SELECT ocop_stars FROM batch WHERE id = $1", [
      batchId,
    ])
    expect(rows[0].ocop_stars).toBe(3)
    const { stamps } = await (async () => {
      const issued = await issue(batchId, t.member, 1)
      return (await issued.json()) as Json
    })()
    const page = await scanJson(stamps[0].uri)
    expect(page.body.certifications.ocop_stars).toBe(3)
    expect(page.body.certifications.ocop).toEqual({
      stars: 3,
      certificate_number: REGISTRY_3.certificate_number,
      expires_on: "2028-05-31",
    })
  })

  it("never takes a certificate number or expiry from the client", async () => {
    const patch = await call("PATCH", `/batches/${batchId}`, {
      token: t.member,
      body: { certifications: { ocop: { stars: 5, expires_on: "2099-01-01" } } },
    })
    expect(patch.status).toBe(400)
    expect(patch.body.field).toMatch(/^certifications/)
  })

  it("copies the registry again on any change of details", async () => {
    HONEY.ocop = { stars: 4, certificate_number: "OCOP-LC-2026-004", expires_on: "2029-06-30" }
    try {
      const patch = await call("PATCH", `/batches/${batchId}`, {
        token: t.member,
        body: { quantity: 55 },
      })
      expect(patch.status).toBe(200)
      expect(patch.body.certifications.ocop).toEqual({
        stars: 4,
        certificate_number: "OCOP-LC-2026-004",
        expires_on: "2029-06-30",
      })
      // The registry withdrew the certificate: the batch no longer claims stars.
      HONEY.ocop = null
      const again = await call("PATCH", `/batches/${batchId}`, {
        token: t.member,
        body: { unit: "hũ" },
      })
      expect(again.body.certifications).toMatchObject({ ocop_stars: null, ocop: null })
    } finally {
      HONEY.ocop = { ...REGISTRY_3 }
    }
  })
})

describe("a GTIN belongs to one seller", () => {
  it("lets the first seller claim it and refuses another seller's product with the same GTIN", async () => {
    const { batch } = await batchWithStamps(service.base, t.member, OWNER_RICE.id, "G-1", 1)
    expect(batch.gtin).toBe("00036000291452")
    const squat = await call("POST", "/batches", {
      token: teaMember,
      body: { product_id: SQUATTER.id, lot_code: "G-1", quantity: 1, unit: "kg" },
    })
    expect(squat.status).toBe(409)
    expect(squat.body).toMatchObject({ error: "gtin_taken", field: "product_id" })
    const { rows } = await service.pool.query(
      "SELECT count(*)::int AS n FROM batch WHERE seller_id = $1 AND gtin IS NOT NULL",
      [SUSPENDED_LATER.id],
    )
    expect(rows[0].n).toBe(0)
  })

  it("never serves another seller's batch under it, even one written before claims existed", async () => {
    // A batch of the squatter with the owner's GTIN, as the old code let it be made.
    const db = await service.pool.connect()
    try {
      await db.query("CREATE TEMP TABLE copied AS SELECT * FROM batch WHERE lot_code = 'G-1'")
      await db.query(
        `UPDATE copied SET id = gen_random_uuid(), seller_id = $1, product_id = $2,
           lot_code = 'FAKE-1', event_count = 0, event_head_hash = NULL`,
        [SUSPENDED_LATER.id, SQUATTER.id],
      )
      await db.query("INSERT INTO batch SELECT * FROM copied")
    } finally {
      db.release()
    }
    const lot = await scanJson(`${service.base}/01/00036000291452/10/FAKE-1`)
    // An unknown lot walks up to the product: the owner's lots only.
    expect(lot.body.lots.map((l: Json) => l.lot_code)).toEqual(["G-1"])
    expect(lot.body.producer.id).toBe(GIA_PHU_SELLER.id)
    const product = await scanJson(`${service.base}/01/00036000291452`)
    expect(product.body.lots.map((l: Json) => l.lot_code)).toEqual(["G-1"])
  })

  it("changes owner only by an operator's decision", async () => {
    const body = { seller_id: SUSPENDED_LATER.id }
    expect((await call("PUT", "/gtins/0036000291452", { token: teaMember, body })).status).toBe(403)
    expect(
      (await call("PUT", "/gtins/0036000291453", { token: t.operator, body })).body.field,
    ).toBe("gtin")
    const decided = await call("PUT", "/gtins/0036000291452", { token: t.operator, body })
    expect(decided.status).toBe(200)
    expect(decided.body).toEqual({ gtin: "00036000291452", seller_id: SUSPENDED_LATER.id })
    const product = await scanJson(`${service.base}/01/00036000291452`)
    expect(product.body.lots.map((l: Json) => l.lot_code)).toEqual(["FAKE-1"])
    expect(product.body.producer.id).toBe(SUSPENDED_LATER.id)
    // Give it back, as the later tests expect.
    await call("PUT", "/gtins/00036000291452", {
      token: t.operator,
      body: { seller_id: GIA_PHU_SELLER.id },
    })
  })
})

describe("officers' own tokens", () => {
  it("read their commune's batches and statistics with the area the backend's database gives", async () => {
    const { rows } = await service.pool.query("SELECT id FROM batch WHERE lot_code = 'MO-3SAO'")
    const batchId = rows[0].id
    // Tokens as the backend issues them name only the officer (harness.ts).
    expect((await call("GET", `/batches/${batchId}`, { token: t.communeOfficer })).status).toBe(200)
    expect(
      (await call("GET", `/batches/${batchId}/events`, { token: t.provinceOfficer })).status,
    ).toBe(200)
    expect(
      (await call("GET", `/batches/${batchId}`, { token: t.otherCommuneOfficer })).status,
    ).toBe(404)
    const stats = await call("GET", "/stats", { token: t.communeOfficer })
    expect(stats.status).toBe(200)
    expect(stats.body.filters.commune_code).toBe("02923")
    // A commune written into the token does not widen what the database says.
    const widened = await signToken({
      actor_id: "officer_bc",
      actor_type: "commune_officer",
      app_metadata: { commune_officer_id: "officer_bc", commune_code: "02923" },
    })
    expect((await call("GET", `/batches/${batchId}`, { token: widened })).status).toBe(404)
    expect((await call("GET", "/stats?commune_code=02923", { token: widened })).status).toBe(403)
    // They list their commune's (the province's) batches, never another commune's.
    const listed = await call("GET", "/batches?limit=100", { token: t.communeOfficer })
    expect(listed.status).toBe(200)
    expect(listed.body.count).toBeGreaterThan(0)
    expect(listed.body.batches.every((b: Json) => b.seller.commune_code === "02923")).toBe(true)
    const neighbours = await call("GET", "/batches?limit=100", { token: t.otherCommuneOfficer })
    expect(neighbours.body.batches.every((b: Json) => b.seller.commune_code === "02990")).toBe(true)
    expect(neighbours.body.batches.map((b: Json) => b.id)).not.toContain(batchId)
    const province = await call("GET", "/batches?limit=100", { token: t.provinceOfficer })
    expect(province.body.count).toBe(listed.body.count + neighbours.body.count)
    const oneSeller = await call("GET", `/batches?seller_id=${PENDING_SELLER.id}`, {
      token: t.communeOfficer,
    })
    expect(oneSeller.body.count).toBe(0)
    // An officer the backend does not know sees nothing.
    const gone = await signToken({ actor_id: "officer_gone", actor_type: "commune_officer" })
    expect((await call("GET", "/stats", { token: gone })).status).toBe(403)
    expect((await call("GET", "/batches", { token: gone })).status).toBe(403)
  })
})

describe("the daily stamp quota", () => {
  it("answers 429 with when it resets, issuing nothing over it", async () => {
    const created = await call("POST", "/batches", {
      token: t.member,
      body: { product_id: HONEY.id, lot_code: "QUOTA-1", quantity: 50, unit: "kg" },
    })
    const batchId = created.body.id as string
    const before = await stampsOf(GIA_PHU_SELLER.id)
    const { rows: used } = await service.pool.query(
      "SELECT coalesce(sum(issued), 0)::int AS n FROM stamp_quota_usage WHERE seller_id = $1",
      [GIA_PHU_SELLER.id],
    )
    const left = QUOTA - used[0].n
    const first = await issue(batchId, t.member, left - 1, "quota-first")
    expect(first.status).toBe(201)
    const over = await issue(batchId, t.member, 2)
    expect(over.status).toBe(429)
    const body = (await over.json()) as Json
    expect(body.error).toBe("stamp_quota_exceeded")
    expect(body.field).toBe("count")
    expect(body.message).toMatch(/vượt hạn mức in tem/)
    expect(body.message).toMatch(/00:00 ngày/)
    // The next midnight in Vietnam (UTC+7).
    const resets = new Date(body.resets_at)
    expect(resets.getUTCHours()).toBe(17)
    expect(resets.getTime() - Date.now()).toBeGreaterThan(0)
    expect(resets.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000)
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0)
    expect(await stampsOf(GIA_PHU_SELLER.id)).toBe(before + left - 1)
    // The last one fits; a replay of an earlier request is not a new issue.
    expect((await issue(batchId, t.member, 1)).status).toBe(201)
    const replay = await issue(batchId, t.member, left - 1, "quota-first")
    expect(replay.status).toBe(201)
    expect(replay.headers.get("idempotent-replayed")).toBe("true")
    expect((await issue(batchId, t.member, 1)).status).toBe(429)
    // The STAMPS indicator hears of exactly the stamps issued, none of the refused ones.
    expect(await stampsIndicated(GIA_PHU_SELLER.id)).toBe(await stampsOf(GIA_PHU_SELLER.id))
    // Another seller's quota is its own.
    const { batch } = await batchWithStamps(service.base, teaMember, TEA.id, "TEA-Q", 3)
    expect(batch.seller_id).toBe(SUSPENDED_LATER.id)
  })
})
