import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { epcisProblems } from "./epcis-schema.js"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER } from "./fake-backend.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"

// The EPCIS 2.0 query (GET /events) and capture (POST /capture) interfaces against the running
// service: a rice mill's document appended to a lot's chain, retries, bad documents, other
// sellers, paging, and every query answer validated against GS1's EPCIS 2.0 schema.
let service: Service
let call: ReturnType<typeof client>
let t: Awaited<ReturnType<typeof tokens>>

const RICE = fakeProduct({
  id: "prod_gao",
  variants: [{ id: "v1", sku: "GAO", ean: "8930000000019", upc: null, barcode: null }],
})
const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"

async function createBatch(lot: string) {
  const response = await call("POST", "/batches", {
    token: t.member,
    body: { product_id: RICE.id, lot_code: lot, quantity: 1200, unit: "kg" },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body
}

const lotUri = (lot: string) => `${service.base}/01/08930000000019/10/${lot}`

/** A rice mill's document: harvest taken over, milling, shipping to a cold store. */
function millDocument(lot: string, ids = [randomUUID(), randomUUID(), randomUUID()]): Json {
  const cls = lotUri(lot)
  return {
    "@context": [EPCIS_CONTEXT],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2025-10-20T08:00:00+07:00",
    epcisBody: {
      eventList: [
        {
          type: "ObjectEvent",
          eventID: `urn:uuid:${ids[0]}`,
          eventTime: "2025-10-05T06:00:00+07:00",
          eventTimeZoneOffset: "+07:00",
          action: "ADD",
          bizStep: "commissioning",
          quantityList: [{ epcClass: cls, quantity: 1500, uom: "KGM" }],
          readPoint: { id: "geo:22.4321,104.0123" },
        },
        {
          type: "TransformationEvent",
          eventID: `urn:uuid:${ids[1]}`,
          eventTime: "2025-10-07T09:00:00+07:00",
          eventTimeZoneOffset: "+07:00",
          inputQuantityList: [{ epcClass: cls, quantity: 1500, uom: "KGM" }],
          outputQuantityList: [{ epcClass: cls, quantity: 1200, uom: "KGM" }],
          bizStep: "https://ref.gs1.org/cbv/BizStep-commissioning",
        },
        {
          type: "ObjectEvent",
          eventID: `urn:uuid:${ids[2]}`,
          eventTime: "2025-10-15T08:00:00+07:00",
          eventTimeZoneOffset: "+07:00",
          action: "OBSERVE",
          bizStep: "shipping",
          disposition: "in_transit",
          quantityList: [{ epcClass: cls, quantity: 1200, uom: "KGM" }],
          destinationList: [
            {
              type: "owning_party",
              destination: "urn:epc:id:pgln:8930000000002",
            },
          ],
        },
      ],
    },
  }
}

async function capture(
  document: Json,
  { token = t.member, key, language }: { token?: string; key?: string; language?: string } = {},
) {
  const response = await fetch(`${service.base}/capture`, {
    method: "POST",
    headers: {
      "content-type": "application/ld+json",
      authorization: `Bearer ${token}`,
      ...(key ? { "idempotency-key": key } : {}),
      ...(language ? { "accept-language": language } : {}),
    },
    body: JSON.stringify(document),
  })
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  }
}

async function eventCount(batchId?: string): Promise<number> {
  const { rows } = await service.pool.query(
    "SELECT count(*)::int AS n FROM batch_event WHERE $1::uuid IS NULL OR batch_id = $1",
    [batchId ?? null],
  )
  return rows[0].n
}

async function query(
  params: string,
  { token, language }: { token?: string; language?: string } = {},
) {
  const response = await fetch(`${service.base}/events?${params}`, {
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(language ? { "accept-language": language } : {}),
    },
  })
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  }
}

beforeAll(async () => {
  service = await startService([RICE])
  call = client(service.base)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
})

afterAll(async () => {
  await service?.close()
})

describe("POST /capture", () => {
  it("appends a partner's events to the lot's chain, which stays valid, and the query finds them", async () => {
    const batch = await createBatch("CAP-01")
    const response = await capture(millDocument("CAP-01"))
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    expect(response.body).toMatchObject({ status: "succeeded", success: true, eventCount: 3 })
    const location = response.headers.get("location")
    expect(location).toBe(`/capture/${response.body.captureID}`)
    const job = await call("GET", location!, { token: t.member })
    expect(job.body).toMatchObject({ status: "succeeded", running: false, errors: [] })
    // Another seller cannot read the job.
    expect((await call("GET", location!, { token: t.otherMember })).status).toBe(404)

    const events = (await call("GET", `/batches/${batch.id}/events`, { token: t.member })).body
      .events
    expect(events.map((e: Json) => e.type)).toEqual(["harvest", "processing", "shipping"])
    expect(events[0]).toMatchObject({
      occurred_at: "2025-10-05T06:00:00.000+07:00",
      details: { quantity: { amount: 1500, unit: "kg" } },
      place: { lat: 22.4321, lng: 104.0123 },
    })
    expect(events[2].details.destination).toBe("urn:epc:id:pgln:8930000000002")
    expect((await call("GET", `/batches/${batch.id}/verify`)).body).toMatchObject({
      valid: true,
      events: 3,
    })

    // Anyone holding the lot's URI reads its events, like its export.
    const found = await query(`MATCH_anyEPCClass=${encodeURIComponent(lotUri("CAP-01"))}`)
    expect(found.status).toBe(200)
    expect(found.headers.get("content-type")).toMatch(/^application\/ld\+json/)
    expect(epcisProblems(found.body)).toEqual([])
    expect(found.body.type).toBe("EPCISQueryDocument")
    const list = found.body.epcisBody.queryResults.resultsBody.eventList
    expect(list.map((e: Json) => [e.type, e.bizStep])).toEqual([
      ["ObjectEvent", "commissioning"],
      ["TransformationEvent", "commissioning"],
      ["ObjectEvent", "shipping"],
    ])
    expect(list[0].quantityList[0]).toEqual({
      epcClass: lotUri("CAP-01"),
      quantity: 1500,
      uom: "KGM",
    })
  })

  it("adds nothing twice when a capture is retried, by eventID or by Idempotency-Key", async () => {
    const batch = await createBatch("CAP-02")
    const document = millDocument("CAP-02")
    expect((await capture(document)).body.eventCount).toBe(3)
    const again = await capture(document)
    expect(again.status).toBe(202)
    expect(again.body).toMatchObject({ status: "succeeded", eventCount: 0 })
    expect(await eventCount(batch.id)).toBe(3)

    // Events without eventIDs: the Idempotency-Key replays the first job.
    const anonymous = millDocument("CAP-02")
    for (const event of anonymous.epcisBody.eventList) {
      delete event.eventID
      if (event.type !== "TransformationEvent") event.bizStep = "storing"
    }
    const first = await capture(anonymous, { key: "mill-run-7" })
    expect(first.body).toMatchObject({ status: "succeeded", eventCount: 3 })
    const second = await capture(anonymous, { key: "mill-run-7" })
    expect(second.status).toBe(202)
    expect(second.body.captureID).toBe(first.body.captureID)
    expect(await eventCount(batch.id)).toBe(6)
    const reused = await capture(millDocument("CAP-02"), { key: "mill-run-7" })
    expect(reused.status).toBe(409)
    expect(reused.body.error).toBe("idempotency_key_reused")
    expect(await eventCount(batch.id)).toBe(6)
    expect((await call("GET", `/batches/${batch.id}/verify`)).body.valid).toBe(true)
  })

  it("refuses a document the schema rejects with the schema's complaint, writing nothing", async () => {
    await createBatch("CAP-03")
    const before = await eventCount()
    const document = millDocument("CAP-03")
    delete document.epcisBody.eventList[1].eventTime
    const response = await capture(document)
    expect(response.status).toBe(400)
    expect(response.body.error).toBe("invalid_document")
    expect(response.body.field).toBe("/epcisBody/eventList/1")
    expect(response.body.message).toMatch(/eventTime/)
    const vi = await capture(document, { language: "vi" })
    expect(vi.body.message).toMatch(/^Tài liệu EPCIS không hợp lệ/)

    // Valid for the schema, but a harvest with no quantity: the event rules refuse it.
    const noQuantity = millDocument("CAP-03")
    delete noQuantity.epcisBody.eventList[0].quantityList[0].quantity
    const refused = await capture(noQuantity)
    expect(refused.status).toBe(400)
    expect(refused.body.field).toBe("/epcisBody/eventList/0")
    expect(refused.body.message).toMatch(/quantity/)
    expect(await eventCount()).toBe(before)
  })

  it("answers 404 for another seller's lot, and writes nothing", async () => {
    const batch = await createBatch("CAP-04")
    const response = await capture(millDocument("CAP-04"), { token: t.otherMember })
    expect(response.status).toBe(404)
    expect(response.body.field).toBe("/epcisBody/eventList/0")
    const unknown = await capture(millDocument("NO-SUCH-LOT"))
    expect(unknown.status).toBe(404)
    expect(await eventCount(batch.id)).toBe(0)
  })

  it("fails the whole job when one event breaks a batch rule: nothing written", async () => {
    const batch = await createBatch("CAP-05")
    await call("POST", `/batches/${batch.id}/seal`, { token: t.member })
    const response = await capture(millDocument("CAP-05"))
    expect(response.status).toBe(202)
    expect(response.body).toMatchObject({ status: "failed", success: false, eventCount: 0 })
    expect(response.body.errors[0].instance).toBe("/epcisBody/eventList/0")
    expect(await eventCount(batch.id)).toBe(0)
  })

  it("captures this service's own export back to the same events, and never twice into its lot", async () => {
    const source = await createBatch("CAP-06")
    const recorded: Json[] = [
      {
        type: "planting",
        occurred_at: "2025-06-10T07:30:00+07:00",
        crop: "lúa",
        place: { name: "Ruộng số 7", lat: 22.4321, lng: 104.0123 },
      },
      {
        type: "input_applied",
        occurred_at: "2025-07-15T07:30:00+07:00",
        product: "Phân hữu cơ",
        dose: { amount: 500, unit: "kg/ha" },
        pre_harvest_interval_days: 0,
      },
      {
        type: "harvest",
        occurred_at: "2025-10-05T06:00:00+07:00",
        quantity: { amount: 1500, unit: "kg" },
      },
      {
        type: "inspection",
        occurred_at: "2025-10-14T07:30:00+07:00",
        inspector: "Trung tâm Kiểm nghiệm",
        result: "fail",
      },
      { type: "note", occurred_at: "2025-10-16T07:30:00+07:00", note: "Khách tham quan" },
    ]
    for (const body of recorded) {
      const response = await call("POST", `/batches/${source.id}/events`, { token: t.member, body })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
    }
    const exported: Json = await (await fetch(`${service.base}/batches/${source.id}/epcis`)).json()

    // Back into its own lot: every eventID is one of the lot's events already.
    const back = await capture(exported)
    expect(back.body).toMatchObject({ status: "succeeded", eventCount: 0 })
    expect(await eventCount(source.id)).toBe(5)

    // Into another lot, with new eventIDs: the same events.
    const target = await createBatch("CAP-07")
    const moved = JSON.parse(
      JSON.stringify(exported).replaceAll(lotUri("CAP-06"), lotUri("CAP-07")),
    )
    for (const event of moved.epcisBody.eventList) event.eventID = `urn:uuid:${randomUUID()}`
    const response = await capture(moved)
    expect(response.body).toMatchObject({ status: "succeeded", eventCount: 5 })
    const strip = (events: Json[]) =>
      events.map((e) => ({
        type: e.type,
        occurred_at: e.occurred_at,
        place: e.place,
        note: e.note,
        details: e.details,
      }))
    const read = async (id: string) =>
      strip((await call("GET", `/batches/${id}/events`, { token: t.member })).body.events)
    expect(await read(target.id)).toEqual(await read(source.id))
  })
})

describe("GET /events", () => {
  let lot: string
  beforeAll(async () => {
    lot = "QRY-01"
    await createBatch(lot)
    const document = millDocument(lot)
    // Five events: two more shipments.
    const shipping = document.epcisBody.eventList[2]
    document.epcisBody.eventList.push(
      { ...shipping, eventID: `urn:uuid:${randomUUID()}`, eventTime: "2025-10-16T08:00:00+07:00" },
      { ...shipping, eventID: `urn:uuid:${randomUUID()}`, eventTime: "2025-10-17T08:00:00+07:00" },
    )
    expect((await capture(document)).body.eventCount).toBe(5)
  })

  it("pages with nextPageToken in a Link rel=next header, every page valid EPCIS", async () => {
    const seen: string[] = []
    let params: string | null = `MATCH_epcClass=${encodeURIComponent(lotUri(lot))}&perPage=2`
    let pages = 0
    while (params !== null) {
      const page = await query(params)
      expect(page.status, JSON.stringify(page.body)).toBe(200)
      expect(epcisProblems(page.body)).toEqual([])
      seen.push(
        ...page.body.epcisBody.queryResults.resultsBody.eventList.map((e: Json) => e.eventID),
      )
      const link = page.headers.get("link")
      pages++
      params = link ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]!).search.slice(1) : null
    }
    expect(pages).toBe(3)
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
  })

  it("refuses an altered page token or one from another query", async () => {
    const first = await query(`MATCH_epcClass=${encodeURIComponent(lotUri(lot))}&perPage=1`)
    const token = new URL(/<([^>]+)>/.exec(first.headers.get("link")!)![1]!).searchParams.get(
      "nextPageToken",
    )!
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`
    const tampered = await query(
      `MATCH_epcClass=${encodeURIComponent(lotUri(lot))}&nextPageToken=${altered}`,
    )
    expect(tampered.status).toBe(400)
    expect(tampered.body.field).toBe("nextPageToken")
    const otherQuery = await query(
      `MATCH_epcClass=${encodeURIComponent(lotUri(lot))}&eventType=ObjectEvent&nextPageToken=${token}`,
    )
    expect(otherQuery.status).toBe(400)
  })

  it("filters by event type, business step and time", async () => {
    const lotParam = `MATCH_anyEPCClass=${encodeURIComponent(lotUri(lot))}`
    const events = async (extra: string) =>
      (await query(`${lotParam}&${extra}`)).body.epcisBody.queryResults.resultsBody.eventList
    expect(await events("eventType=TransformationEvent")).toHaveLength(1)
    expect(await events("EQ_bizStep=shipping")).toHaveLength(3)
    expect(await events("EQ_bizStep=https://ref.gs1.org/cbv/BizStep-commissioning")).toHaveLength(2)
    expect(
      await events(
        `GE_eventTime=${encodeURIComponent("2025-10-15T08:00:00+07:00")}&LT_eventTime=${encodeURIComponent("2025-10-17T00:00:00+07:00")}`,
      ),
    ).toHaveLength(2)
    expect(
      await events(`LT_recordTime=${encodeURIComponent("2020-01-01T00:00:00Z")}`),
    ).toHaveLength(0)
    // This service's events name lots, never instance EPCs.
    expect(await events(`MATCH_epc=${encodeURIComponent(`${lotUri(lot)}/21/ABC`)}`)).toHaveLength(0)
  })

  it("shows a seller its own events only, and anonymous callers only the lots they name", async () => {
    const own = await query("perPage=500", { token: t.member })
    expect(own.status).toBe(200)
    expect(own.body.epcisBody.queryResults.resultsBody.eventList.length).toBe(await eventCount())
    const other = await query("perPage=500", { token: t.otherMember })
    expect(other.body.epcisBody.queryResults.resultsBody.eventList).toEqual([])
    const anonymous = await query("eventType=ObjectEvent")
    expect(anonymous.status).toBe(401)
  })

  it("names the bad parameter, in Vietnamese when asked", async () => {
    const unknown = await query("MATCH_whatever=1", { token: t.member, language: "vi" })
    expect(unknown.status).toBe(400)
    expect(unknown.body.field).toBe("MATCH_whatever")
    expect(unknown.body.message).toMatch(/không phải tham số truy vấn/)
    const time = await query("GE_eventTime=yesterday", { token: t.member })
    expect(time.body).toMatchObject({ field: "GE_eventTime" })
    expect(time.body.message).toMatch(/RFC 3339/)
    expect((await query("perPage=0", { token: t.member })).body.field).toBe("perPage")
    expect((await query("eventType=Harvest", { token: t.member })).body.field).toBe("eventType")
  })
})
