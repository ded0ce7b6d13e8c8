import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadBatchProvenance } from "../src/store/provenance.js"
import { epcisProblems } from "./epcis-schema.js"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER } from "./fake-backend.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"

// Events over HTTP: one of every type, the hash chain and its verification, tampering in the
// database, concurrent appends, who may record, and the EPCIS export validated against GS1's schema.
let service: Service
let call: ReturnType<typeof client>
let t: Awaited<ReturnType<typeof tokens>>

const RICE = fakeProduct({
  id: "prod_gao",
  variants: [{ id: "v1", sku: "GAO", ean: "8930000000019", upc: null, barcode: null }],
})
const GREENS = fakeProduct({ id: "prod_rau", title: "Rau cải mèo Phú Thịnh", variants: [] })

const at = (day: string, time = "07:30:00") => `2025-${day}T${time}+07:00`

/** One event of every type, as a season of rice would record them. */
const SEASON: Json[] = [
  {
    type: "planting",
    occurred_at: at("06-10"),
    crop: "lúa",
    variety: "Séng Cù",
    area_m2: 5000,
    place: { name: "Ruộng số 7, thôn Phú Hà", lat: 22.4321, lng: 104.0123 },
    actor: "Anh Hùng, tổ sản xuất thôn Phú Hà",
  },
  {
    type: "input_applied",
    occurred_at: at("07-15"),
    product: "Phân hữu cơ vi sinh Sông Gianh",
    input_kind: "fertiliser",
    dose: { amount: 500, unit: "kg/ha" },
    pre_harvest_interval_days: 0,
  },
  { type: "harvest", occurred_at: at("10-05", "06:00:00"), quantity: { amount: 1500, unit: "kg" } },
  {
    type: "processing",
    occurred_at: at("10-07"),
    process: "Phơi và xay xát",
    input_quantity: { amount: 1500, unit: "kg" },
    output_quantity: { amount: 1200, unit: "kg" },
    photos: ["https://cdn.example.vn/xay-xat.jpg"],
  },
  {
    type: "packing",
    occurred_at: at("10-12"),
    package: "túi 5 kg",
    units: 240,
    quantity: { amount: 1200, unit: "kg" },
  },
  {
    type: "inspection",
    occurred_at: at("10-14"),
    inspector: "Trung tâm Kiểm nghiệm Lào Cai",
    result: "pass",
    report_number: "KN-2025-1014",
    tests: [{ name: "Cadimi (Cd)", value: 0.02, unit: "mg/kg", limit: 0.4, pass: true }],
  },
  {
    type: "shipping",
    // Recorded by a driver whose phone is set to another offset: the offset is kept as given.
    occurred_at: "2025-10-15T01:00:00.000Z",
    destination: "Cửa hàng nông sản Lào Cai",
    carrier: "Xe HTX",
  },
  {
    type: "receiving",
    occurred_at: at("10-15", "10:00:00"),
    receiver: "Cửa hàng nông sản Lào Cai",
  },
  { type: "note", occurred_at: at("10-16"), note: "Khách đoàn tham quan ruộng mẫu" },
]

async function createBatch(product = RICE, lot = `LOT-${Math.random().toString(36).slice(2, 10)}`) {
  const response = await call("POST", "/batches", {
    token: t.member,
    body: {
      product_id: product.id,
      lot_code: lot,
      quantity: 1200,
      unit: "kg",
      dates: { harvested_on: "2025-10-05", expires_on: "2026-10-12" },
      area: { village: "Thôn Phú Hà", lat: 22.43, lng: 104.01 },
    },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body
}

async function record(batchId: string, event: Json, token = t.member) {
  const response = await call("POST", `/batches/${batchId}/events`, { token, body: event })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body
}

async function eventCount(): Promise<number> {
  const { rows } = await service.pool.query("SELECT count(*)::int AS n FROM batch_event")
  return rows[0].n
}

/** Runs SQL as the table owner with triggers off: what someone with database access could do. */
async function tamper(sql: string, params: unknown[]) {
  const db = await service.pool.connect()
  try {
    await db.query("SET session_replication_role = replica")
    await db.query(sql, params)
  } finally {
    await db.query("RESET session_replication_role")
    db.release()
  }
}

beforeAll(async () => {
  service = await startService([RICE, GREENS])
  call = client(service.base)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
})

afterAll(async () => {
  await service?.close()
})

describe("a season of events", () => {
  let batch: Json
  let recorded: Json[]

  beforeAll(async () => {
    batch = await createBatch(RICE, "GP-2025-MUA10")
    recorded = []
    for (const [i, event] of SEASON.entries()) {
      recorded.push(await record(batch.id, event, i === 1 ? t.helper : t.member))
    }
  })

  it("chains every event to the one before it and keeps the time zone offset", async () => {
    expect(recorded.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(recorded[0].prev_hash).toBe("0".repeat(64))
    for (let i = 1; i < recorded.length; i++)
      expect(recorded[i].prev_hash).toBe(recorded[i - 1].hash)
    expect(new Set(recorded.map((e) => e.hash)).size).toBe(9)

    expect(recorded[0]).toMatchObject({
      type: "planting",
      occurred_at: "2025-06-10T07:30:00.000+07:00",
      place: { name: "Ruộng số 7, thôn Phú Hà", lat: 22.4321, lng: 104.0123 },
      actor: "Anh Hùng, tổ sản xuất thôn Phú Hà",
      photos: [],
      details: { crop: "lúa", variety: "Séng Cù", area_m2: 5000 },
      recorded_by: { actor_type: "seller_member", actor_id: "member_01", on_behalf_of: null },
    })
    expect(recorded[1].recorded_by).toEqual({
      actor_type: "helper",
      actor_id: "helper_07",
      on_behalf_of: GIA_PHU_SELLER.id,
    })
    expect(recorded[6].occurred_at).toBe("2025-10-15T01:00:00.000+00:00")
    expect(recorded[8]).toMatchObject({
      type: "note",
      note: "Khách đoàn tham quan ruộng mẫu",
      details: {},
    })

    const listed = await call("GET", `/batches/${batch.id}/events`, { token: t.communeOfficer })
    expect(listed.status).toBe(200)
    expect(listed.body.events).toEqual(recorded)
    const head = await call("GET", `/batches/${batch.id}`, { token: t.member })
    expect(head.body.events).toEqual({ count: 9, head_hash: recorded[8].hash })
  })

  it("verifies the untouched chain", async () => {
    const verify = await call("GET", `/batches/${batch.id}/verify`)
    expect(verify.status).toBe(200)
    expect(verify.body).toEqual({ valid: true, events: 9, broken_at: null })
  })

  it("exports EPCIS 2.0 that GS1's schema accepts, mapping each type to its event", async () => {
    const response = await fetch(`${service.base}/batches/${batch.id}/epcis`)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("application/ld+json")
    const document: Json = await response.json()
    expect(epcisProblems(document)).toEqual([])
    expect(document["@context"][0]).toBe(
      "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    )
    expect(document.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)

    const lot = `${service.base}/01/08930000000019/10/GP-2025-MUA10`
    const events = document.epcisBody.eventList
    const summary = events.map((e: Json) => [
      e.type,
      e.action ?? null,
      e.bizStep ?? null,
      e.disposition ?? null,
    ])
    expect(summary).toEqual([
      ["ObjectEvent", "OBSERVE", `${service.base}/ns/epcis#planting`, "active"],
      ["ObjectEvent", "OBSERVE", `${service.base}/ns/epcis#applying_input`, "active"],
      ["ObjectEvent", "ADD", "commissioning", "active"],
      ["TransformationEvent", null, "commissioning", "in_progress"],
      ["ObjectEvent", "OBSERVE", "packing", "in_progress"],
      ["ObjectEvent", "OBSERVE", "inspecting", "conformant"],
      ["ObjectEvent", "OBSERVE", "shipping", "in_transit"],
      ["ObjectEvent", "OBSERVE", "receiving", "in_progress"],
      ["ObjectEvent", "OBSERVE", null, null],
    ])
    const harvest = events[2]
    expect(harvest).toMatchObject({
      eventTime: "2025-10-05T06:00:00.000+07:00",
      eventTimeZoneOffset: "+07:00",
      eventID: `urn:uuid:${recorded[2].id}`,
      quantityList: [{ epcClass: lot, quantity: 1500, uom: "KGM" }],
      ilmd: {
        "cbvmda:lotNumber": "GP-2025-MUA10",
        "cbvmda:harvestStartDate": "2025-10-05",
        "cbvmda:itemExpirationDate": "2026-10-12",
      },
    })
    expect(events[3]).toMatchObject({
      inputQuantityList: [{ epcClass: lot, quantity: 1500, uom: "KGM" }],
      outputQuantityList: [{ epcClass: lot, quantity: 1200, uom: "KGM" }],
    })
    expect(events[0].readPoint).toEqual({ id: "geo:22.4321,104.0123" })
    expect(events[6].eventTimeZoneOffset).toBe("+00:00")
  })

  it("gives the consumer's provenance in one read, events in order with local times", async () => {
    const provenance = await loadBatchProvenance(service.pool, batch.id)
    expect(provenance).toMatchObject({
      batch: {
        id: batch.id,
        lot_code: "GP-2025-MUA10",
        production_date: "2025-10-05",
        expires_on: "2026-10-12",
        area: { village: "Thôn Phú Hà", plot: null, lat: 22.43, lng: 104.01 },
      },
      product: {
        id: RICE.id,
        title: RICE.title,
        thumbnail: RICE.thumbnail,
        gtin: "08930000000019",
      },
      producer: {
        id: GIA_PHU_SELLER.id,
        name: GIA_PHU_SELLER.name,
        address: GIA_PHU_SELLER.address,
      },
      chain: { events: 9, head_hash: recorded[8].hash },
    })
    expect(provenance!.events.map((e) => [e.seq, e.type, e.occurred_at])).toEqual(
      recorded.map((e) => [e.seq, e.type, e.occurred_at]),
    )
    expect(provenance!.events[5].details).toEqual(recorded[5].details)
    expect(provenance!.events[0]).not.toHaveProperty("recorded_by")
    expect(
      await loadBatchProvenance(service.pool, "00000000-0000-4000-8000-000000000000"),
    ).toBeNull()
  })
})

describe("tamper evidence", () => {
  async function batchWithEvents(n: number) {
    const batch = await createBatch()
    const events = []
    for (let i = 0; i < n; i++)
      events.push(await record(batch.id, { ...SEASON[8], note: `ghi chú ${i}` }))
    return { batch, events }
  }

  it("refuses UPDATE, DELETE and TRUNCATE of events through a trigger", async () => {
    const { events } = await batchWithEvents(1)
    await expect(
      service.pool.query("UPDATE batch_event SET note = 'sửa' WHERE id = $1", [events[0].id]),
    ).rejects.toMatchObject({ code: "42501" })
    await expect(
      service.pool.query("DELETE FROM batch_event WHERE id = $1", [events[0].id]),
    ).rejects.toMatchObject({
      code: "42501",
    })
    await expect(service.pool.query("TRUNCATE batch_event CASCADE")).rejects.toMatchObject({
      code: "42501",
    })
  })

  it("names the event whose content was edited in the database", async () => {
    const { batch, events } = await batchWithEvents(4)
    await tamper(
      `UPDATE batch_event SET details = '{"quantity": {"amount": 9999, "unit": "kg"}}' WHERE id = $1`,
      [events[2].id],
    )
    const verify = await call("GET", `/batches/${batch.id}/verify`)
    expect(verify.body).toEqual({
      valid: false,
      events: 4,
      broken_at: { seq: 3, event_id: events[2].id, reason: "content_altered" },
    })
  })

  it("notices an edited time, even one shifted within the same instant's offset", async () => {
    const { batch, events } = await batchWithEvents(2)
    await tamper("UPDATE batch_event SET occurred_offset = '+08:00' WHERE id = $1", [events[0].id])
    const verify = await call("GET", `/batches/${batch.id}/verify`)
    expect(verify.body.broken_at).toEqual({
      seq: 1,
      event_id: events[0].id,
      reason: "content_altered",
    })
  })

  it("notices a re-hashed event through the next one's prev_hash", async () => {
    const { batch, events } = await batchWithEvents(3)
    await tamper("UPDATE batch_event SET hash = $2 WHERE id = $1", [events[1].id, "f".repeat(64)])
    const verify = await call("GET", `/batches/${batch.id}/verify`)
    expect(verify.body.broken_at).toEqual({
      seq: 2,
      event_id: events[1].id,
      reason: "content_altered",
    })
  })

  it("notices a deleted event, in the middle or at the end", async () => {
    const middle = await batchWithEvents(3)
    await tamper("DELETE FROM batch_event WHERE id = $1", [middle.events[1].id])
    expect((await call("GET", `/batches/${middle.batch.id}/verify`)).body).toEqual({
      valid: false,
      events: 2,
      broken_at: { seq: 2, event_id: null, reason: "missing_event" },
    })
    const tail = await batchWithEvents(3)
    await tamper("DELETE FROM batch_event WHERE id = $1", [tail.events[2].id])
    expect((await call("GET", `/batches/${tail.batch.id}/verify`)).body.broken_at).toEqual({
      seq: 3,
      event_id: null,
      reason: "missing_event",
    })
  })

  it("serialises concurrent appends so the chain never forks", async () => {
    const batch = await createBatch()
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call("POST", `/batches/${batch.id}/events`, {
          token: t.member,
          body: { ...SEASON[8], note: `lần ${i}` },
        }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect(responses.map((r) => r.body.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    expect((await call("GET", `/batches/${batch.id}/verify`)).body).toEqual({
      valid: true,
      events: 20,
      broken_at: null,
    })
  })
})

describe("who may record what", () => {
  it("hides a batch's events from other sellers, and needs a token", async () => {
    const batch = await createBatch()
    const before = await eventCount()
    for (const token of [t.otherMember, t.customer, t.communeOfficer, t.provinceOfficer]) {
      const response = await call("POST", `/batches/${batch.id}/events`, { token, body: SEASON[8] })
      expect(response.status).toBe(404)
    }
    expect((await call("POST", `/batches/${batch.id}/events`, { body: SEASON[8] })).status).toBe(
      401,
    )
    expect(
      (await call("GET", `/batches/${batch.id}/events`, { token: t.otherMember })).status,
    ).toBe(404)
    expect((await call("GET", `/batches/${batch.id}/events`)).status).toBe(401)
    expect(await eventCount()).toBe(before)
    await record(batch.id, SEASON[8], t.operator)
  })

  it("takes only post-production events once sealed, and none once recalled", async () => {
    const batch = await createBatch(GREENS, "RAU-2025-01")
    await record(batch.id, SEASON[2])
    await call("POST", `/batches/${batch.id}/seal`, { token: t.member })
    const harvest = await call("POST", `/batches/${batch.id}/events`, {
      token: t.member,
      body: SEASON[2],
    })
    expect(harvest.status).toBe(409)
    await record(batch.id, SEASON[6])
    await call("POST", `/batches/${batch.id}/recall`, {
      token: t.member,
      body: { reason: "Dư lượng vượt ngưỡng" },
    })
    const after = await call("POST", `/batches/${batch.id}/events`, {
      token: t.member,
      body: SEASON[8],
    })
    expect(after.status).toBe(409)

    // The export of a product without a GTIN uses the platform's lot URI and shows the recall.
    const document: Json = await (await fetch(`${service.base}/batches/${batch.id}/epcis`)).json()
    expect(epcisProblems(document)).toEqual([])
    const events = document.epcisBody.eventList
    expect(events[0].quantityList[0].epcClass).toBe(`${service.base}/batches/${batch.id}`)
    expect(events.at(-1)).toMatchObject({
      disposition: "recalled",
      "coop:recallReason": "Dư lượng vượt ngưỡng",
    })
    expect((await call("GET", `/batches/${batch.id}/verify`)).body.valid).toBe(true)
  })

  it("answers 404 for the export and verification of an unknown batch", async () => {
    const id = "00000000-0000-4000-8000-000000000000"
    expect((await call("GET", `/batches/${id}/epcis`)).status).toBe(404)
    expect((await call("GET", `/batches/${id}/verify`)).status).toBe(404)
    expect((await call("GET", "/batches/nope/verify")).status).toBe(400)
  })
})

describe("entries sent again from a phone (Idempotency-Key)", () => {
  const send = (batchId: string, body: Json, key: string, token = t.member) =>
    fetch(`${service.base}/batches/${batchId}/events`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "accept-language": "vi",
        "idempotency-key": key,
      },
      body: JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: (await r.json()) as Json,
    }))

  it("writes one event per key: a retry answers the first event, even after sealing", async () => {
    const batch = await createBatch()
    const first = await send(batch.id, SEASON[0]!, "entry-1")
    expect(first.status).toBe(201)
    expect(first.headers.get("idempotent-replayed")).toBeNull()
    // Recorded in the field before the second entry but arriving after it: the chain orders by
    // arrival, the field time stays as data.
    const later = await send(batch.id, SEASON[2]!, "entry-2")
    const earlier = await send(batch.id, SEASON[1]!, "entry-3")
    expect([later.body.seq, earlier.body.seq]).toEqual([2, 3])
    expect(earlier.body.occurred_at).toBe("2025-07-15T07:30:00.000+07:00")
    await call("POST", `/batches/${batch.id}/seal`, { token: t.member })
    const before = await eventCount()
    const again = await Promise.all([
      send(batch.id, SEASON[0]!, "entry-1"),
      send(batch.id, SEASON[0]!, "entry-1"),
    ])
    for (const retry of again) {
      expect(retry.status).toBe(201)
      expect(retry.headers.get("idempotent-replayed")).toBe("true")
      expect(retry.body).toEqual(first.body)
    }
    // A helper acting for the seller retrying the same entry finds it too.
    expect((await send(batch.id, SEASON[0]!, "entry-1", t.helper)).body.id).toBe(first.body.id)
    expect(await eventCount()).toBe(before)
    expect((await call("GET", `/batches/${batch.id}/verify`)).body).toEqual({
      valid: true,
      events: 3,
      broken_at: null,
    })
    // A new key after sealing is a new production event: refused.
    expect((await send(batch.id, SEASON[0]!, "entry-4")).status).toBe(409)
  })

  it("refuses a key reused for other content, and keeps keys per batch", async () => {
    const batch = await createBatch()
    await send(batch.id, SEASON[8]!, "same-key")
    const before = await eventCount()
    const reused = await send(batch.id, { ...SEASON[8]!, note: "khác" }, "same-key")
    expect(reused.status).toBe(409)
    expect(reused.body.error).toBe("idempotency_key_reused")
    expect(reused.body.message).toContain("mỗi mục nhật ký cần một khoá mới")
    expect(await eventCount()).toBe(before)
    // Another seller cannot probe a batch's keys: its batch is not found.
    expect((await send(batch.id, SEASON[8]!, "same-key", t.otherMember)).status).toBe(404)
    const other = await createBatch()
    expect((await send(other.id, SEASON[8]!, "same-key")).status).toBe(201)
    expect(await eventCount()).toBe(before + 1)
    const empty = await send(other.id, SEASON[8]!, "")
    expect(empty.status).toBe(400)
    expect(empty.body.field).toBe("idempotency-key")
  })
})

describe("bad events", () => {
  let batchId: string
  beforeAll(async () => {
    batchId = (await createBatch()).id
  })

  const harvest = SEASON[2]
  it.each([
    [{ ...harvest, type: "fishing" }, "type"],
    [{ occurred_at: at("10-05") }, "type"],
    [{ ...harvest, occurred_at: "2025-10-05T06:00:00" }, "occurred_at"],
    [{ ...harvest, occurred_at: "2025-10-05" }, "occurred_at"],
    [{ ...harvest, occurred_at: "2099-01-01T00:00:00+07:00" }, "occurred_at"],
    [{ ...harvest, occurred_at: "2025-10-05T06:00:00+15:00" }, "occurred_at"],
    [{ ...harvest, quantity: undefined }, "quantity"],
    [{ ...harvest, quantity: { amount: -5, unit: "kg" } }, "quantity.amount"],
    [{ ...harvest, colour: "vàng" }, "colour"],
    [{ ...harvest, place: { name: "Ruộng", lat: 22.4 } }, "place.lat"],
    [{ ...harvest, place: { name: "Ruộng", lat: 95, lng: 104 } }, "place.lat"],
    [{ ...harvest, photos: Array(11).fill("https://cdn.example.vn/a.jpg") }, "photos"],
    [{ ...harvest, photos: ["javascript:alert(1)"] }, "photos.0"],
    [{ ...harvest, actor: "a\u0000b" }, "actor"],
    [{ ...harvest, note: "a\ud800b" }, "note"],
    [{ ...SEASON[1], dose: undefined }, "dose"],
    [{ ...SEASON[1], pre_harvest_interval_days: 1.5 }, "pre_harvest_interval_days"],
    [{ ...SEASON[1], pre_harvest_interval_days: undefined }, "pre_harvest_interval_days"],
    [{ ...SEASON[5], result: "maybe" }, "result"],
    [{ ...SEASON[5], tests: [{ name: "Pb" }] }, "tests.0.value"],
    [{ ...SEASON[4], units: 0 }, "units"],
    [{ type: "note", occurred_at: at("10-16") }, "note"],
  ])("rejects %j with 400 naming %s, writing nothing", async (event, field) => {
    const before = await eventCount()
    const response = await call("POST", `/batches/${batchId}/events`, {
      token: t.member,
      body: event,
    })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({ error: "invalid_request", field })
    expect(await eventCount()).toBe(before)
  })
})
