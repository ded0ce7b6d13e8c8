import { describe, expect, it } from "vitest"
import { mapCapturedEvents, parseLotUri } from "./epcis-capture.js"

const BASE = "https://tem.example.vn"
const LOT = `${BASE}/01/08930000000019/10/GP-2025`
const BATCH = "0b8f2a7e-3c1d-4e5f-8a9b-0c1d2e3f4a5b"

const doc = (...eventList: object[]) => ({ type: "EPCISDocument", epcisBody: { eventList } })
const objectEvent = (over: object) => ({
  type: "ObjectEvent",
  action: "OBSERVE",
  eventTime: "2025-10-15T01:00:00Z",
  eventTimeZoneOffset: "+07:00",
  quantityList: [{ epcClass: LOT, quantity: 1200, uom: "KGM" }],
  ...over,
})

describe("parseLotUri", () => {
  it("reads Digital Link lots on any host and this service's batch URIs", () => {
    expect(parseLotUri(LOT, BASE)).toEqual({ kind: "gtin", gtin: "08930000000019", lot: "GP-2025" })
    expect(parseLotUri("https://id.gs1.org/01/8930000000019/10/GP%2F1", BASE)).toEqual({
      kind: "gtin",
      gtin: "08930000000019",
      lot: "GP/1",
    })
    expect(parseLotUri(`${BASE}/batches/${BATCH}`, BASE)).toEqual({ kind: "batch", id: BATCH })
  })

  it("refuses items, products, other hosts' batch URIs and non-URIs", () => {
    expect(parseLotUri(`${LOT}/21/ABC`, BASE)).toBeNull()
    expect(parseLotUri(`${BASE}/01/08930000000019`, BASE)).toBeNull()
    expect(parseLotUri(`https://elsewhere.vn/batches/${BATCH}`, BASE)).toBeNull()
    expect(parseLotUri("urn:epc:class:lgtin:893000.0000001.GP", BASE)).toBeNull()
    expect(parseLotUri(`${BASE}/01/08930000000018/10/A`, BASE)).toBeNull()
  })
})

describe("mapCapturedEvents", () => {
  it("maps CBV steps to the service's event types, keeping the event's offset", () => {
    const mapped = mapCapturedEvents(
      doc(
        objectEvent({
          bizStep: "shipping",
          destinationList: [{ type: "location", destination: "urn:epc:id:sgln:893.1.0" }],
        }),
        objectEvent({
          bizStep: "urn:epcglobal:cbv:bizstep:inspecting",
          disposition: "non_conformant",
          bizLocation: { id: "urn:epc:id:sgln:893.2.0" },
        }),
        objectEvent({ bizStep: "storing" }),
      ),
      BASE,
    )
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(mapped.events.map((e) => e.body)).toEqual([
      {
        type: "shipping",
        occurred_at: "2025-10-15T08:00:00.000+07:00",
        destination: "urn:epc:id:sgln:893.1.0",
        quantity: { amount: 1200, unit: "kg" },
      },
      {
        type: "inspection",
        occurred_at: "2025-10-15T08:00:00.000+07:00",
        place: { name: "urn:epc:id:sgln:893.2.0" },
        inspector: "urn:epc:id:sgln:893.2.0",
        result: "fail",
      },
      {
        type: "note",
        occurred_at: "2025-10-15T08:00:00.000+07:00",
        note: "EPCIS ObjectEvent OBSERVE, bizStep storing",
      },
    ])
  })

  it.each([
    [doc(objectEvent({ type: "AggregationEvent" })), "/epcisBody/eventList/0/type"],
    [doc(objectEvent({ quantityList: [{ epcClass: "urn:x:1" }] })), "/epcisBody/eventList/0"],
    [
      doc(
        objectEvent({
          quantityList: [{ epcClass: LOT }, { epcClass: `${BASE}/batches/${BATCH}` }],
        }),
      ),
      "/epcisBody/eventList/0",
    ],
    [
      doc(objectEvent({ eventID: "urn:uuid:1" }), objectEvent({ eventID: "urn:uuid:1" })),
      "/epcisBody/eventList/1/eventID",
    ],
    [doc(), "/epcisBody/eventList"],
  ])("refuses %# naming its path", (document, path) => {
    const mapped = mapCapturedEvents(document, BASE)
    expect(mapped.ok).toBe(false)
    if (!mapped.ok) expect(mapped.problem.path).toBe(path)
  })
})
