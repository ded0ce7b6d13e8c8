import { describe, expect, it } from "vitest"
import { batchBody, eventBody, issueCount, vietnamNow, vietnamTime, voidBody } from "./origin-forms"

const base = { product_id: "prod_1", lot_code: "GP-2025-MUA10", quantity: "1200", unit: "kg" }

describe("batchBody", () => {
  it("builds the service's nested body from the form's dotted names", () => {
    const { body, problems } = batchBody({
      ...base,
      "area.village": "Thôn Phú Hà",
      "dates.harvested_on": "2025-10-05",
      "dates.packed_on": "2025-10-12",
      "certifications.vietgap.number": "VG-1",
      "certifications.vietgap.valid_from": "2024-01-01",
      "certifications.vietgap.valid_until": "2026-12-31",
    })
    expect(problems).toEqual({})
    expect(body).toEqual({
      product_id: "prod_1",
      lot_code: "GP-2025-MUA10",
      quantity: 1200,
      unit: "kg",
      area: { village: "Thôn Phú Hà" },
      dates: { harvested_on: "2025-10-05", packed_on: "2025-10-12" },
      certifications: {
        vietgap: { number: "VG-1", valid_from: "2024-01-01", valid_until: "2026-12-31" },
      },
    })
  })

  it("names each field the service would refuse, by its rules", () => {
    const { problems } = batchBody({
      product_id: "",
      lot_code: "Lô mùa 10",
      quantity: "0",
      unit: "kg",
      "dates.harvested_on": "2025-10-05",
      "dates.packed_on": "2025-10-01",
      "dates.expires_on": "2025-02-30",
      "certifications.vietgap.number": "VG-1",
      "certifications.organic.certifier": "PGS",
    })
    expect(problems).toMatchObject({
      product_id: { key: "required" },
      lot_code: { key: "lotCode" },
      quantity: { key: "positive" },
      "dates.packed_on": { key: "dateOrder", params: { field: "dates.harvested_on" } },
      "dates.expires_on": { key: "date" },
      "certifications.vietgap.valid_from": { key: "together" },
      "certifications.vietgap.valid_until": { key: "together" },
      "certifications.organic.number": { key: "together" },
    })
  })

  it("refuses over-long text with the limit and the length typed, never cutting it", () => {
    const village = "Thôn ".padEnd(265, "a")
    const { body, problems } = batchBody({ ...base, "area.village": village })
    expect(problems["area.village"]).toEqual({
      key: "tooLongTyped",
      params: { max: 100, length: 265 },
    })
    expect(body).not.toHaveProperty("area")
  })

  it("refuses a VietGAP certificate that lapsed before the harvest", () => {
    const { problems } = batchBody({
      ...base,
      "dates.harvested_on": "2025-10-05",
      "certifications.vietgap.number": "VG-1",
      "certifications.vietgap.valid_from": "2023-01-01",
      "certifications.vietgap.valid_until": "2025-01-01",
    })
    expect(problems["certifications.vietgap.valid_until"]).toEqual({ key: "lapsed" })
  })
})

describe("eventBody", () => {
  const now = new Date("2026-11-29T03:00:00Z")

  it("reads a harvest in Vietnam's time with its quantity", () => {
    const { body, problems } = eventBody(
      "harvest",
      {
        occurred_at: "2026-11-28T07:30",
        "quantity.amount": "1250,5",
        "quantity.unit": "kg",
        "place.name": "Ruộng số 7",
        note: "Nắng đẹp",
      },
      now,
    )
    expect(problems).toEqual({})
    expect(body).toEqual({
      type: "harvest",
      occurred_at: "2026-11-28T07:30:00+07:00",
      quantity: { amount: 1250.5, unit: "kg" },
      place: { name: "Ruộng số 7" },
      note: "Nắng đẹp",
    })
  })

  it("asks for each type's required fields and refuses a time too far ahead", () => {
    expect(eventBody("input_applied", { occurred_at: "2026-12-05T08:00" }, now).problems).toEqual({
      occurred_at: { key: "future" },
      product: { key: "required" },
      "dose.amount": { key: "required" },
      "dose.unit": { key: "required" },
      pre_harvest_interval_days: { key: "required" },
    })
    expect(eventBody("note", { occurred_at: "2026-11-28T08:00" }, now).problems).toEqual({
      note: { key: "required" },
    })
    const packing = eventBody(
      "packing",
      { occurred_at: "x", package: "Túi 5 kg", units: "2.5", "quantity.amount": "10" },
      now,
    )
    expect(packing.problems).toEqual({
      occurred_at: { key: "dateTime" },
      units: { key: "whole" },
      "quantity.unit": { key: "together" },
    })
  })

  it("accepts an interval of 0 days but not 366", () => {
    const values = {
      occurred_at: "2026-11-20T08:00",
      product: "NPK",
      "dose.amount": "2",
      "dose.unit": "kg/sào",
    }
    expect(
      eventBody("input_applied", { ...values, pre_harvest_interval_days: "0" }, now).problems,
    ).toEqual({})
    expect(
      eventBody("input_applied", { ...values, pre_harvest_interval_days: "366" }, now).problems,
    ).toEqual({ pre_harvest_interval_days: { key: "max", params: { max: 365 } } })
  })
})

describe("times in Vietnam", () => {
  it("adds +07:00 to a datetime-local value and gives now in Vietnam", () => {
    expect(vietnamTime("2026-11-29T08:30")).toBe("2026-11-29T08:30:00+07:00")
    expect(vietnamTime("2026-11-29")).toBeNull()
    expect(vietnamNow(new Date("2026-11-29T20:15:00Z"))).toBe("2026-11-30T03:15")
  })
})

describe("stamps", () => {
  it("checks the count of a run", () => {
    expect(issueCount("20")).toEqual({ count: 20 })
    expect(issueCount("0").problem).toEqual({ key: "min", params: { min: 1 } })
    expect(issueCount("100001").problem).toEqual({ key: "max", params: { max: 100000 } })
    expect(issueCount("").problem).toEqual({ key: "required" })
  })

  it("upper-cases serials and checks them and the reason", () => {
    const serial = "7k2m9qx4td3hbn8a5wrc"
    expect(voidBody({ from_serial: serial, to_serial: serial, reason: "Mất cuộn" })).toEqual({
      body: {
        from_serial: serial.toUpperCase(),
        to_serial: serial.toUpperCase(),
        reason: "Mất cuộn",
      },
      problems: {},
    })
    expect(voidBody({ from_serial: "ABC", to_serial: "", reason: "" }).problems).toEqual({
      from_serial: { key: "serial" },
      to_serial: { key: "required" },
      reason: { key: "required" },
    })
  })
})
