import { batchPageSchema, batchRecordSchema } from "@coop/contracts/batches"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER } from "./fake-backend.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"

// Batches over HTTP: creation from the backend's product, who may do what, details, states, lists.
// Every answer checked here is also checked against the wire shape the storefront imports
// (@coop/contracts/batches): nothing missing or of another type, nothing the contract lacks.
let service: Service
let call: ReturnType<typeof client>
let t: Awaited<ReturnType<typeof tokens>>

const RICE = fakeProduct({
  ocop: { stars: 3, certificate_number: "OCOP-GP-2024-01", expires_on: "2099-01-01" },
  id: "prod_gao_seng_cu",
  variants: [
    { id: "v0", sku: "X", ean: "123", upc: null, barcode: null }, // not a GTIN: skipped
    { id: "v1", sku: "GAO-5KG", ean: null, upc: null, barcode: "8930000000019" },
  ],
})
const FOREIGN = fakeProduct({ id: "prod_thit_gac_bep", seller: OTHER_SELLER, variants: [] })

const fullBatch = {
  product_id: RICE.id,
  lot_code: "GP-2025-MUA10",
  quantity: 1200,
  unit: "kg",
  area: { village: "Thôn Phú Hà", plot: "Ruộng số 7", lat: 22.4321, lng: 104.0123 },
  dates: {
    started_on: "2025-06-10",
    harvested_on: "2025-10-05",
    packed_on: "2025-10-12",
    expires_on: "2026-10-12",
  },
  certifications: {
    vietgap: {
      number: "VietGAP-TT-19-05-15-0012",
      valid_from: "2024-01-01",
      valid_until: "2026-12-31",
    },
    organic: { certifier: "PGS Lào Cai", number: "PGS-LC-0042" },
    ocop_stars: 3,
  },
}

async function count(table: "batch" | "batch_event"): Promise<number> {
  const { rows } = await service.pool.query(`SELECT count(*)::int AS n FROM ${table}`)
  return rows[0].n
}

async function create(body: Json, token = t.member) {
  const response = await call("POST", "/batches", { token, body })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  expect(batchRecordSchema.parse(response.body)).toEqual(response.body)
  return response.body
}

beforeAll(async () => {
  service = await startService([RICE, FOREIGN])
  call = client(service.base)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
})

afterAll(async () => {
  await service?.close()
})

describe("creating a batch", () => {
  it("snapshots the backend's product and seller, never the client's claims", async () => {
    const batch = await create(fullBatch)
    expect(batch).toMatchObject({
      seller_id: GIA_PHU_SELLER.id,
      product_id: RICE.id,
      product_title: RICE.title,
      product_handle: RICE.handle,
      product_thumbnail: RICE.thumbnail,
      gtin: "08930000000019",
      lot_code: "GP-2025-MUA10",
      quantity: 1200,
      unit: "kg",
      state: "open",
      seller: {
        handle: GIA_PHU_SELLER.handle,
        name: GIA_PHU_SELLER.name,
        kind: "cooperative",
        address: GIA_PHU_SELLER.address,
        commune_code: "02923",
        commune_name: "Xã Gia Phú",
        province_code: "15",
        province_name: "Tỉnh Lào Cai",
        village_name: "Thôn Phú Hà",
      },
      area: fullBatch.area,
      dates: { ...fullBatch.dates, produced_on: null },
      certifications: fullBatch.certifications,
      created_by: "member_01",
      created_by_type: "seller_member",
      on_behalf_of: null,
      events: { count: 0, head_hash: null },
    })
    // The caller's own token went to the seller-scoped lookup, unchanged.
    expect(service.backend.requests.at(-1)).toEqual({
      path: `/seller/products/${RICE.id}`,
      authorization: `Bearer ${t.member}`,
    })
    const fetched = await call("GET", `/batches/${batch.id}`, { token: t.member })
    expect(fetched.body).toEqual(batch)
  })

  it("records a helper's batch as on behalf of the seller", async () => {
    const batch = await create(
      { product_id: RICE.id, lot_code: "HELPER-1", quantity: 5, unit: "kg" },
      t.helper,
    )
    expect(batch).toMatchObject({
      seller_id: GIA_PHU_SELLER.id,
      created_by: "helper_07",
      created_by_type: "helper",
      on_behalf_of: GIA_PHU_SELLER.id,
      gtin: "08930000000019",
    })
  })

  it("lets an operator create for the product's seller through the admin lookup", async () => {
    const missing = await call("POST", "/batches", {
      token: t.operator,
      body: { product_id: FOREIGN.id, lot_code: "OP-1", quantity: 10, unit: "gói" },
    })
    expect(missing.status).toBe(400)
    expect(missing.body.field).toBe("seller_id")

    const wrong = await call("POST", "/batches", {
      token: t.operator,
      body: {
        product_id: FOREIGN.id,
        lot_code: "OP-1",
        quantity: 10,
        unit: "gói",
        seller_id: GIA_PHU_SELLER.id,
      },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.field).toBe("seller_id")

    const batch = await create(
      {
        product_id: FOREIGN.id,
        lot_code: "OP-1",
        quantity: 10,
        unit: "gói",
        seller_id: OTHER_SELLER.id,
      },
      t.operator,
    )
    expect(batch).toMatchObject({
      seller_id: OTHER_SELLER.id,
      gtin: null,
      created_by: "user_admin",
      created_by_type: "user",
      seller: { kind: "household", commune_code: "02990" },
    })
    expect(service.backend.requests.at(-1)?.path).toBe(`/admin/seller-products/${FOREIGN.id}`)
  })

  it("answers 404 for a product the caller cannot see, whether it exists or not", async () => {
    const before = await count("batch")
    for (const productId of [FOREIGN.id, "prod_does_not_exist"]) {
      const response = await call("POST", "/batches", {
        token: t.member,
        body: { product_id: productId, lot_code: "X-1", quantity: 1, unit: "kg" },
        language: "en",
      })
      expect(response.status).toBe(404)
      expect(response.body).toEqual({
        error: "not_found",
        message: `Product ${productId} not found`,
        field: "product_id",
      })
    }
    expect(await count("batch")).toBe(before)
  })

  it("refuses callers that act for no seller, and anonymous ones", async () => {
    const body = { product_id: RICE.id, lot_code: "NOPE-1", quantity: 1, unit: "kg" }
    expect((await call("POST", "/batches", { body })).status).toBe(401)
    expect((await call("POST", "/batches", { token: "not.a.jwt", body })).status).toBe(401)
    for (const token of [t.customer, t.communeOfficer, t.service]) {
      expect((await call("POST", "/batches", { token, body })).status).toBe(403)
    }
    const spoof = await call("POST", "/batches", {
      token: t.member,
      body: { ...body, seller_id: OTHER_SELLER.id },
    })
    expect(spoof.status).toBe(403)
  })

  it("gives 502 when the backend cannot answer, and writes nothing", async () => {
    const before = await count("batch")
    service.backend.failWith = 500
    try {
      const response = await call("POST", "/batches", {
        token: t.member,
        body: { product_id: RICE.id, lot_code: "DOWN-1", quantity: 1, unit: "kg" },
      })
      expect(response.status).toBe(502)
    } finally {
      service.backend.failWith = null
    }
    expect(await count("batch")).toBe(before)
  })

  it.each([
    [{ product_title: "Gạo giả" }, "product_title"],
    [{ gtin: "08930000000019" }, "gtin"],
    [{ lot_code: "LÔ-1" }, "lot_code"],
    [{ lot_code: "A".repeat(21) }, "lot_code"],
    [{ quantity: 0 }, "quantity"],
    [{ quantity: "12" }, "quantity"],
    [{ unit: "   " }, "unit"],
    [{ area: { lat: 91, lng: 104 } }, "area.lat"],
    [{ area: { lat: 22, lng: -181 } }, "area.lng"],
    [{ area: { lat: 22 } }, "area.lng"],
    [{ area: { village: "Phú Hà", colour: "red" } }, "area.colour"],
    [{ dates: { harvested_on: "2025-02-30" } }, "dates.harvested_on"],
    [{ dates: { started_on: "2025-10-05", harvested_on: "2025-06-01" } }, "dates.harvested_on"],
    [{ dates: { packed_on: "2025-10-12", expires_on: "2025-10-01" } }, "dates.expires_on"],
    [{ certifications: { ocop_stars: 2 } }, "certifications.ocop_stars"],
    [
      { certifications: { vietgap: { number: "V-1", valid_from: "2025-01-01" } } },
      "certifications.vietgap.valid_until",
    ],
    [
      {
        certifications: {
          vietgap: { number: "V-1", valid_from: "2026-01-01", valid_until: "2025-01-01" },
        },
      },
      "certifications.vietgap.valid_until",
    ],
    [
      {
        dates: { harvested_on: "2025-10-05" },
        certifications: {
          vietgap: { number: "V-1", valid_from: "2023-01-01", valid_until: "2024-12-31" },
        },
      },
      "certifications.vietgap.valid_until",
    ],
    [{ certifications: { organic: { certifier: "PGS" } } }, "certifications.organic.number"],
    [{ product_id: "" }, "product_id"],
  ])("rejects %j with 400 naming %s, writing nothing", async (change, field) => {
    const before = await count("batch")
    const requests = service.backend.requests.length
    const response = await call("POST", "/batches", {
      token: t.member,
      body: { product_id: RICE.id, lot_code: "BAD-1", quantity: 1, unit: "kg", ...change },
    })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({ error: "invalid_request", field })
    expect(response.body.message).toContain(field)
    expect(await count("batch")).toBe(before)
    // Bad input is refused before the backend is bothered.
    expect(service.backend.requests.length).toBe(requests)
  })

  it("refuses a 265-character area name with the limit in the caller's language, never cutting it", async () => {
    const before = await count("batch")
    const village = `Thôn ${"Phú Hà ".repeat(30)}`.trim().padEnd(265, "a")
    expect(village).toHaveLength(265)
    const body = {
      product_id: RICE.id,
      lot_code: "LONG-1",
      quantity: 1,
      unit: "kg",
      area: { village },
    }
    const en = await call("POST", "/batches", { token: t.member, body, language: "en" })
    expect(en.status).toBe(400)
    expect(en.body).toEqual({
      error: "invalid_request",
      field: "area.village",
      message: "area.village must be at most 100 characters (265 given)",
    })
    const vi = await call("POST", "/batches", { token: t.member, body, language: "vi-VN,vi" })
    expect(vi.body).toMatchObject({
      field: "area.village",
      message: "area.village: tối đa 100 ký tự (đã nhập 265)",
    })
    expect(await count("batch")).toBe(before)
  })

  it("answers 409 for a lot code the product already has", async () => {
    await create({ product_id: RICE.id, lot_code: "DUP-1", quantity: 1, unit: "kg" })
    const again = await call("POST", "/batches", {
      token: t.member,
      body: { product_id: RICE.id, lot_code: "DUP-1", quantity: 2, unit: "kg" },
    })
    expect(again.status).toBe(409)
  })
})

describe("reading batches", () => {
  let batchId: string

  beforeAll(async () => {
    batchId = (await create({ product_id: RICE.id, lot_code: "READ-1", quantity: 3, unit: "kg" }))
      .id
  })

  it("shows a batch to its seller, operators, the backend and officers of its commune and province", async () => {
    for (const token of [
      t.member,
      t.helper,
      t.operator,
      t.service,
      t.communeOfficer,
      t.provinceOfficer,
    ]) {
      const response = await call("GET", `/batches/${batchId}`, { token })
      expect(response.status).toBe(200)
      expect(response.body.id).toBe(batchId)
    }
  })

  it("tells everyone else the batch does not exist", async () => {
    for (const token of [t.otherMember, t.customer, t.otherCommuneOfficer]) {
      const response = await call("GET", `/batches/${batchId}`, { token, language: "en" })
      expect(response.status).toBe(404)
      expect(response.body.message).toBe(`No batch ${batchId}`)
    }
    expect((await call("GET", `/batches/${batchId}`)).status).toBe(401)
    const bad = await call("GET", "/batches/not-a-uuid", { token: t.member })
    expect(bad.status).toBe(400)
    expect(bad.body.field).toBe("id")
  })

  it("lists the caller's own batches, newest first, a page at a time", async () => {
    const all = await call("GET", "/batches?limit=100", { token: t.member })
    expect(all.status).toBe(200)
    expect(batchPageSchema.parse(all.body)).toEqual(all.body)
    expect(all.body.count).toBeGreaterThanOrEqual(4)
    expect(all.body.batches.every((b: Json) => b.seller_id === GIA_PHU_SELLER.id)).toBe(true)
    const created = all.body.batches.map((b: Json) => b.created_at)
    expect(created).toEqual([...created].sort().reverse())

    const first = await call("GET", "/batches?limit=2&offset=0", { token: t.member })
    const second = await call("GET", "/batches?limit=2&offset=2", { token: t.member })
    expect(first.body).toMatchObject({ count: all.body.count, limit: 2, offset: 0 })
    expect([...first.body.batches, ...second.body.batches].map((b: Json) => b.id)).toEqual(
      all.body.batches.slice(0, 4).map((b: Json) => b.id),
    )
    const past = await call("GET", "/batches?offset=500", { token: t.member })
    expect(past.body).toMatchObject({ batches: [], count: all.body.count })

    const other = await call("GET", "/batches", { token: t.otherMember })
    expect(other.body.batches.map((b: Json) => b.lot_code)).toEqual(["OP-1"])
    expect(
      (await call("GET", `/batches?seller_id=${OTHER_SELLER.id}`, { token: t.member })).status,
    ).toBe(403)
    const operator = await call("GET", `/batches?seller_id=${OTHER_SELLER.id}`, {
      token: t.operator,
    })
    expect(operator.body.batches.map((b: Json) => b.lot_code)).toEqual(["OP-1"])
    const noSeller = await call("GET", "/batches", { token: t.operator })
    expect(noSeller.status).toBe(400)
    expect(noSeller.body.field).toBe("seller_id")
    const badLimit = await call("GET", "/batches?limit=1000", { token: t.member })
    expect(badLimit.status).toBe(400)
    expect(badLimit.body.field).toBe("limit")
  })
})

describe("changing a batch", () => {
  it("updates details while open, merging fields and keeping the rules", async () => {
    const batch = await create({ ...fullBatch, lot_code: "EDIT-1" })
    const patched = await call("PATCH", `/batches/${batch.id}`, {
      token: t.helper,
      body: {
        quantity: 1180,
        dates: { expires_on: "2026-09-30" },
        area: { plot: null },
        certifications: { organic: null },
      },
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({
      quantity: 1180,
      dates: { ...fullBatch.dates, expires_on: "2026-09-30" },
      area: { ...fullBatch.area, plot: null },
      certifications: { ...fullBatch.certifications, organic: null },
    })
    const bad = await call("PATCH", `/batches/${batch.id}`, {
      token: t.member,
      body: { dates: { packed_on: "2025-10-01" } }, // before the stored harvest
    })
    expect(bad.status).toBe(400)
    expect(bad.body.field).toBe("dates.packed_on")
    const stored = await call("GET", `/batches/${batch.id}`, { token: t.member })
    expect(stored.body.dates.packed_on).toBe(fullBatch.dates.packed_on)
  })

  it("moves open -> sealed -> recalled, and recalled is final", async () => {
    const batch = await create({
      product_id: RICE.id,
      lot_code: "STATE-1",
      quantity: 9,
      unit: "kg",
    })
    const sealed = await call("POST", `/batches/${batch.id}/seal`, { token: t.member })
    expect(sealed.status).toBe(200)
    expect(sealed.body.state).toBe("sealed")
    expect(sealed.body.sealed_at).not.toBeNull()

    const reopen = await call("PATCH", `/batches/${batch.id}`, {
      token: t.member,
      body: { state: "open" },
    })
    expect(reopen.status).toBe(409)
    const edit = await call("PATCH", `/batches/${batch.id}`, {
      token: t.member,
      body: { quantity: 1 },
    })
    expect(edit.status).toBe(409)

    const noReason = await call("PATCH", `/batches/${batch.id}`, {
      token: t.member,
      body: { state: "recalled" },
    })
    expect(noReason.status).toBe(400)
    expect(noReason.body.field).toBe("recall_reason")
    const recalled = await call("POST", `/batches/${batch.id}/recall`, {
      token: t.operator,
      body: { reason: "Phát hiện nấm mốc" },
    })
    expect(recalled.status).toBe(200)
    expect(recalled.body).toMatchObject({ state: "recalled", recall_reason: "Phát hiện nấm mốc" })
    expect(batchRecordSchema.parse(recalled.body)).toEqual(recalled.body)

    for (const body of [{ state: "sealed" }, { state: "open" }, { unit: "tấn" }]) {
      expect((await call("PATCH", `/batches/${batch.id}`, { token: t.member, body })).status).toBe(
        409,
      )
    }
    expect((await call("POST", `/batches/${batch.id}/seal`, { token: t.member })).status).toBe(409)
    // Recalling again changes nothing, not even the reason.
    const again = await call("POST", `/batches/${batch.id}/recall`, {
      token: t.member,
      body: { reason: "khác" },
    })
    expect(again.body.recall_reason).toBe("Phát hiện nấm mốc")
  })

  it("lets an open batch be recalled directly", async () => {
    const batch = await create({
      product_id: RICE.id,
      lot_code: "STATE-2",
      quantity: 9,
      unit: "kg",
    })
    const recalled = await call("PATCH", `/batches/${batch.id}`, {
      token: t.member,
      body: { state: "recalled", recall_reason: "Nhầm nhãn" },
    })
    expect(recalled.body.state).toBe("recalled")
  })

  it("hides the batch from other writers and refuses anonymous ones", async () => {
    const batch = await create({
      product_id: RICE.id,
      lot_code: "STATE-3",
      quantity: 9,
      unit: "kg",
    })
    for (const token of [
      t.otherMember,
      t.customer,
      t.communeOfficer,
      t.provinceOfficer,
      t.service,
    ]) {
      expect((await call("POST", `/batches/${batch.id}/seal`, { token })).status).toBe(404)
      expect(
        (await call("PATCH", `/batches/${batch.id}`, { token, body: { quantity: 2 } })).status,
      ).toBe(404)
    }
    expect((await call("POST", `/batches/${batch.id}/seal`)).status).toBe(401)
    const stored = await call("GET", `/batches/${batch.id}`, { token: t.member })
    expect(stored.body).toMatchObject({ state: "open", quantity: 9 })
  })

  it.each([
    [{ quantity: -1 }, "quantity"],
    [{ state: "closed" }, "state"],
    [{ colour: "red" }, "colour"],
    [{ area: { lat: 10 } }, "area.lng"],
  ])("rejects the change %j with 400 naming %s", async (body, field) => {
    const batch = await create({
      product_id: RICE.id,
      lot_code: `P-${field}`.slice(0, 20),
      quantity: 9,
      unit: "kg",
    })
    const response = await call("PATCH", `/batches/${batch.id}`, { token: t.member, body })
    expect(response.status).toBe(400)
    expect(response.body.field).toBe(field)
    const stored = await call("GET", `/batches/${batch.id}`, { token: t.member })
    expect(stored.body.updated_at).toBe(batch.updated_at)
  })
})
