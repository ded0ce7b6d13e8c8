import { describe, expect, it } from "vitest"
import { STAMP_COUNT_EVENTS, traceIncrements } from "../trace-events"

const seller = { id: "sel_1", commune_code: "02923", province_code: "15" }
const base = {
  id: "e",
  occurred_at: "2026-08-01T03:00:00Z",
  seller_id: seller.id,
  product_id: "prod_1",
  batch_id: "b1",
}
const numerators = (event: Parameters<typeof traceIncrements>[0]) =>
  Object.fromEntries(traceIncrements(event, seller).map((i) => [i.code, i.numerator]))

describe("the traceability service's events as indicator increments", () => {
  it("counts stamps with a counterfeit signal, not scans: scans.recorded's counterfeit", () => {
    expect(
      numerators({ ...base, type: "scans.recorded", count: 4, first_scans: 1, counterfeit: 1 }),
    ).toEqual({ SCANS: 4, SCANNED: 1, COUNTERFEIT: 1 })
  })

  it("adds a stamp flagged by its located scans to COUNTERFEIT, and nothing else", () => {
    expect(numerators({ ...base, type: "stamps.flagged", count: 1 })).toEqual({ COUNTERFEIT: 1 })
    expect(traceIncrements({ ...base, type: "stamps.flagged", count: 1 }, seller)[0]).toMatchObject(
      { period: "2026-Q3", commune_code: "02923", subject_id: seller.id },
    )
    // A flag changes no product's stamp total: listings are not derived again for it.
    expect(STAMP_COUNT_EVENTS.has("stamps.flagged")).toBe(false)
  })

  it("adds nothing for an unknown seller or type", () => {
    expect(traceIncrements({ ...base, type: "stamps.flagged", count: 1 }, undefined)).toEqual([])
    expect(traceIncrements({ ...base, type: "stamps.moved", count: 1 }, seller)).toEqual([])
  })
})
