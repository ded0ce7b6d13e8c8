import { EVENT_TYPES } from "@coop/contracts/events"
import { describe, expect, it } from "vitest"
import { epcisProblems } from "../../test/epcis-schema.js"
import { type EpcisBatch, type EpcisSourceEvent, epcisDocument, lotUri } from "./epcis.js"

const PUBLIC = "https://tem.example.vn"
const batch: EpcisBatch = {
  id: "11111111-1111-4111-8111-111111111111",
  lotCode: "GP/2025 MUA10",
  gtin: "08930000000019",
  productTitle: "Gạo Séng Cù Gia Phú",
  sellerName: "HTX Nông nghiệp Gia Phú",
  quantity: 1200,
  unit: "kg",
  state: "open",
  recalledAt: null,
  recallReason: null,
  harvestedOn: "2025-10-05",
  producedOn: null,
  expiresOn: "2026-10-12",
  area: { village: "Thôn Phú Hà", plot: "Ruộng 7", lat: 22.43, lng: 104.01 },
}

const DETAILS: Record<string, Record<string, unknown>> = {
  planting: { crop: "lúa" },
  input_applied: {
    product: "Phân chuồng",
    dose: { amount: 2, unit: "tấn/ha" },
    pre_harvest_interval_days: 0,
  },
  harvest: { quantity: { amount: 1500, unit: "kg" } },
  processing: {
    process: "xay xát",
    input_quantity: { amount: 1500, unit: "kg" },
    output_quantity: { amount: 60, unit: "bao" },
  },
  packing: { package: "túi 5 kg", units: 240 },
  inspection: { inspector: "Lab", result: "fail" },
  shipping: { destination: "Hà Nội", quantity: { amount: 1.2, unit: "t" } },
  receiving: { receiver: "Cửa hàng" },
  note: {},
}

const sourceEvent = (type: string, seq: number, offset = "+07:00"): EpcisSourceEvent => ({
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
  seq,
  type,
  occurredAt: new Date("2025-10-05T00:00:00Z"),
  occurredOffset: offset,
  recordedAt: new Date("2025-10-05T01:00:00Z"),
  place:
    seq % 2 ? { name: "Ruộng 7", lat: 22.4, lng: 104 } : { name: "Kho HTX", lat: null, lng: null },
  actorName: seq % 2 ? "Chị Lan" : null,
  photos: seq % 2 ? ["https://cdn.example.vn/a.jpg"] : [],
  note: type === "note" ? "ghi chú" : null,
  details: DETAILS[type]!,
})

const options = {
  publicUrl: PUBLIC,
  documentId: "urn:uuid:6d5f2b1e-0d7e-4a1e-9d3c-2f6a0a1b2c3d",
  creationDate: new Date("2025-10-20T00:00:00Z"),
}

describe("EPCIS 2.0 export", () => {
  it("validates against GS1's schema for every event type, alone and together", () => {
    const all = EVENT_TYPES.map((type, i) => sourceEvent(type, i + 1))
    for (const event of all) {
      expect(epcisProblems(epcisDocument(batch, [event], options)), event.type).toEqual([])
      const noGtin = {
        ...batch,
        gtin: null,
        area: { village: null, plot: null, lat: null, lng: null },
      }
      expect(
        epcisProblems(epcisDocument(noGtin, [event], options)),
        `${event.type} without GTIN`,
      ).toEqual([])
    }
    expect(epcisProblems(epcisDocument(batch, all, options))).toEqual([])
    const recalled = {
      ...batch,
      state: "recalled" as const,
      recalledAt: new Date("2025-11-01T00:00:00Z"),
      recallReason: "nấm mốc",
    }
    expect(epcisProblems(epcisDocument(recalled, all, options))).toEqual([])
  })

  it("identifies the lot by Digital Link with a GTIN, else by the platform's batch URI", () => {
    expect(lotUri(PUBLIC, batch)).toBe(`${PUBLIC}/01/08930000000019/10/GP%2F2025%20MUA10`)
    expect(lotUri(`${PUBLIC}/`, { ...batch, gtin: null })).toBe(`${PUBLIC}/batches/${batch.id}`)
  })

  it("commissions the lot at harvest with its master data in ILMD", () => {
    const doc = epcisDocument(batch, [sourceEvent("harvest", 1)], options) as never as {
      epcisBody: { eventList: Record<string, unknown>[] }
    }
    expect(doc.epcisBody.eventList[0]).toMatchObject({
      type: "ObjectEvent",
      action: "ADD",
      bizStep: "commissioning",
      eventTime: "2025-10-05T07:00:00.000+07:00",
      eventTimeZoneOffset: "+07:00",
      ilmd: {
        "cbvmda:lotNumber": "GP/2025 MUA10",
        "cbvmda:harvestStartDate": "2025-10-05",
        "cbvmda:itemExpirationDate": "2026-10-12",
        "coop:productionArea": { "coop:village": "Thôn Phú Hà", "coop:plot": "Ruộng 7" },
      },
      bizLocation: { id: "geo:22.43,104.01" },
    })
  })

  it("maps units to UN/ECE codes and leaves counts without one", () => {
    const doc = epcisDocument(
      batch,
      [sourceEvent("processing", 1), sourceEvent("shipping", 2)],
      options,
    ) as never as {
      epcisBody: { eventList: Record<string, { quantity?: number; uom?: string }[]>[] }
    }
    const [processing, shipping] = doc.epcisBody.eventList
    expect(processing!.inputQuantityList![0]).toMatchObject({ quantity: 1500, uom: "KGM" })
    expect(processing!.outputQuantityList![0]).toEqual({
      epcClass: lotUri(PUBLIC, batch),
      quantity: 60,
    })
    expect(shipping!.quantityList![0]).toMatchObject({ quantity: 1.2, uom: "TNE" })
  })

  it("records a failed inspection as non-conformant and keeps the event's own offset", () => {
    const doc = epcisDocument(
      batch,
      [sourceEvent("inspection", 2, "-05:00")],
      options,
    ) as never as {
      epcisBody: { eventList: Record<string, unknown>[] }
    }
    expect(doc.epcisBody.eventList[0]).toMatchObject({
      bizStep: "inspecting",
      disposition: "non_conformant",
      eventTime: "2025-10-04T19:00:00.000-05:00",
      eventTimeZoneOffset: "-05:00",
      "coop:details": { inspector: "Lab", result: "fail" },
    })
  })
})
