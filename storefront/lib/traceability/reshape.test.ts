import { describe, expect, it } from "vitest"
import { GENUINE } from "./fixtures"
import { isApiProvenance, isNotGenuineAnswer, reshapeProvenance } from "./reshape"
import { reshapeEvents, reshapeFacts } from "./reshape-events"

describe("reshapeProvenance", () => {
  it("maps the service's record to the storefront's shape", () => {
    const provenance = reshapeProvenance(GENUINE)
    expect(provenance).toMatchObject({
      verdict: "genuine_first_scan",
      stamp: {
        serial: "7K3M9Q2XAB4C5D6E7F8G",
        state: "issued",
        issuedAt: new Date("2026-03-14T20:30:00.000Z"),
      },
      batch: {
        lotCode: "GP-2026-MUA10",
        quantity: 600,
        unit: "kg",
        state: "sealed",
        recallReason: null,
        harvestedOn: "2026-03-01",
        producedOn: null,
        packedOn: "2026-03-10",
        expiresOn: "2027-03-10",
        area: { village: "Thôn Phú Xuân", plot: "Thửa 12" },
      },
      product: { id: "prod_1", handle: "gao-seng-cu-gia-phu-5kg", gtin: null },
      seller: {
        name: "HTX Nông nghiệp Gia Phú",
        kind: "cooperative",
        phone: "0214 3 800 111",
        village: "Phú Xuân",
        commune: "Xã Gia Phú",
        province: "Tỉnh Lào Cai",
      },
      certifications: {
        vietgap: { number: "VietGAP-TT-0042", validFrom: "2025-01-01", validUntil: "2027-12-31" },
        organic: null,
        ocopStars: 4,
      },
      scans: { count: 1, firstScannedAt: new Date("2026-03-20T02:00:00.000Z") },
      scan: { id: "AQH2scan-token", number: 1, scannedAt: new Date("2026-03-20T02:00:00.000Z") },
    })
    expect(provenance.events.map((e) => e.facts.type)).toEqual([
      "planting",
      "input_applied",
      "inspection",
    ])
  })

  it("keeps each of the service's verdicts as its own case, with the record", () => {
    for (const verdict of ["genuine_repeat", "suspicious", "voided", "seller_suspended"] as const) {
      const provenance = reshapeProvenance({
        ...GENUINE,
        verdict,
        scan: null,
        scans: { ...GENUINE.scans, count: 23 },
      })
      expect(provenance.verdict).toBe(verdict)
      expect(provenance.scans.count).toBe(23)
      expect(provenance.scan).toBeNull()
      expect(provenance.product.title).toBe("Gạo Séng Cù Gia Phú (túi 5 kg)")
    }
  })

  it("shows a voided stamp as voided and a recalled batch with its reason", () => {
    const provenance = reshapeProvenance({
      ...GENUINE,
      verdict: "voided",
      stamp: { ...GENUINE.stamp, state: "voided" },
      batch: { ...GENUINE.batch, state: "recalled", recall_reason: "Nhiễm ẩm" },
    })
    expect(provenance.stamp.state).toBe("voided")
    expect(provenance.batch).toMatchObject({ state: "recalled", recallReason: "Nhiễm ẩm" })
  })

  it("reads an older or thinner record without failing: defaults, not a blank page", () => {
    const { certifications: _c, events: _e, ...thin } = GENUINE
    const provenance = reshapeProvenance({
      ...thin,
      batch: { id: "b", lot_code: "L1", quantity: 5, unit: "kg", state: "open" },
      product: { id: "p", title: "Mật ong", gtin: "08930000000012" },
      producer: { id: "sel_9" },
    })
    expect(provenance.seller).toEqual({
      id: "sel_9",
      name: "sel_9",
      kind: null,
      address: null,
      phone: null,
      village: null,
      commune: "",
      province: "",
    })
    expect(provenance.certifications).toEqual({
      vietgap: null,
      organic: null,
      ocopStars: null,
      ocopCertificate: null,
    })
    expect(provenance.events).toEqual([])
    expect(provenance.batch).toMatchObject({ harvestedOn: null, area: { village: null } })
  })

  it("drops certificates that are incomplete or out of range", () => {
    const provenance = reshapeProvenance({
      ...GENUINE,
      certifications: {
        vietgap: { number: "V-1", valid_from: "2025-01-01" },
        organic: { certifier: "PGS Lào Cai", number: "PGS-LC-0042" },
        ocop_stars: 6,
      },
    })
    expect(provenance.certifications).toEqual({
      vietgap: null,
      organic: { certifier: "PGS Lào Cai", number: "PGS-LC-0042" },
      ocopStars: null,
      ocopCertificate: null,
    })
  })

  it("keeps the registry's OCOP certificate number and expiry beside the stars", () => {
    const provenance = reshapeProvenance({
      ...GENUINE,
      certifications: {
        ocop_stars: 3,
        ocop: { stars: 3, certificate_number: "31/2025/OCOP", expires_on: "2028-05-31" },
      },
    })
    expect(provenance.certifications).toMatchObject({
      ocopStars: 3,
      ocopCertificate: { number: "31/2025/OCOP", expiresOn: "2028-05-31" },
    })
  })
})

describe("reshapeEvents", () => {
  it("keeps the local time as written and the instant it means", () => {
    const [planting] = reshapeEvents(GENUINE.events)
    expect(planting).toEqual({
      id: "e1",
      occurredAt: new Date("2025-11-09T23:30:00.000Z"),
      occurredAtText: "2025-11-10T06:30:00.000+07:00",
      place: "Thửa 12",
      actor: "Tổ sản xuất thôn Phú Xuân",
      note: null,
      photos: [],
      facts: {
        type: "planting",
        crop: "lúa",
        variety: "Séng Cù",
        areaM2: 20000,
        seedSource: undefined,
      },
    })
  })

  it("reads the dose and pre-harvest interval of an input, and only http(s) photos", () => {
    const input = reshapeEvents(GENUINE.events)[1]
    expect(input.facts).toMatchObject({
      type: "input_applied",
      product: "Chế phẩm Trichoderma",
      inputKind: "fungicide",
      dose: { amount: 2, unit: "kg/ha" },
      preHarvestIntervalDays: 14,
    })
    expect(input.photos).toEqual(["https://img.test/e2.jpg"])
  })

  it("reads an inspection's result and tests", () => {
    const inspection = reshapeEvents(GENUINE.events)[2]
    expect(inspection.note).toBe("Mẫu lấy tại kho")
    expect(inspection.facts).toMatchObject({
      type: "inspection",
      result: "pass",
      reportUrl: "https://lab.test/kq-1.pdf",
      tests: [{ name: "Chì (Pb)", value: 0.05, unit: "mg/kg", limit: 0.2, pass: true }],
    })
  })

  it("shows an unknown type as another event and leaves out malformed fields", () => {
    expect(reshapeFacts("drone_survey", { area: 5 })).toEqual({ type: "other" })
    expect(reshapeFacts("harvest", { quantity: { amount: "lots", unit: "kg" } })).toEqual({
      type: "harvest",
      quantity: undefined,
    })
    expect(reshapeFacts("inspection", { result: "maybe", report_url: "ftp://x" })).toMatchObject({
      result: undefined,
      reportUrl: undefined,
    })
  })

  it("skips entries without an id or a readable time", () => {
    expect(
      reshapeEvents([
        null,
        { id: "x", occurred_at: "yesterday", type: "note" },
        { occurred_at: "2026-01-01T00:00:00+07:00", type: "note" },
        { id: "y", occurred_at: "2026-01-01T00:00:00+07:00", type: "note", note: "Mưa to" },
      ]).map((e) => [e.id, e.note]),
    ).toEqual([["y", "Mưa to"]])
    expect(reshapeEvents("nope")).toEqual([])
  })
})

describe("isApiProvenance", () => {
  it("accepts the service's answer for a real stamp, with or without a GTIN", () => {
    expect(isApiProvenance(GENUINE)).toBe(true)
    const withGtin = { ...GENUINE, product: { ...GENUINE.product, gtin: "08930000000012" } }
    expect(isApiProvenance(withGtin)).toBe(true)
    for (const verdict of ["genuine_repeat", "suspicious", "voided"]) {
      expect(isApiProvenance({ ...GENUINE, verdict })).toBe(true)
    }
  })

  it("refuses anything missing what a verdict needs", () => {
    expect(isApiProvenance(undefined)).toBe(false)
    expect(isApiProvenance({ ...GENUINE, verdict: "not_genuine" })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, verdict: "genuine" })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, scans: { count: "1" } })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, batch: { ...GENUINE.batch, lot_code: 5 } })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, stamp: { ...GENUINE.stamp, issued_at: "soon" } })).toBe(
      false,
    )
    expect(isApiProvenance({ ...GENUINE, scan: { id: "s", number: 1 } })).toBe(false)
    const { producer: _, ...noProducer } = GENUINE
    expect(isApiProvenance(noProducer)).toBe(false)
  })
})

describe("isNotGenuineAnswer", () => {
  it("is true only for the resolver's own verdict", () => {
    expect(isNotGenuineAnswer({ verdict: "not_genuine" })).toBe(true)
    expect(isNotGenuineAnswer({ message: "Route GET:/s/x not found", statusCode: 404 })).toBe(false)
    expect(isNotGenuineAnswer(undefined)).toBe(false)
  })
})
