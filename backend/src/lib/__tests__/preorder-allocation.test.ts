import { describe, expect, it } from "vitest"
import { allocateHarvest } from "../preorder-allocation"

const lines = [
  { id: "a", quantity: 4 },
  { id: "b", quantity: 3 },
  { id: "c", quantity: 3 },
]
const as = (m: Map<string, number>) => Object.fromEntries(m)

describe("allocateHarvest", () => {
  it("gives everyone what they ordered when the harvest covers it", () => {
    expect(as(allocateHarvest(lines, 10, "pro_rata"))).toEqual({ a: 4, b: 3, c: 3 })
    expect(as(allocateHarvest(lines, 12, "first_come"))).toEqual({ a: 4, b: 3, c: 3 })
  })

  it("first come: earlier orders are filled first, later ones shrink or vanish", () => {
    expect(as(allocateHarvest(lines, 5, "first_come"))).toEqual({ a: 4, b: 1, c: 0 })
    expect(as(allocateHarvest(lines, 0, "first_come"))).toEqual({ a: 0, b: 0, c: 0 })
  })

  it("pro rata: shares rounded down, the rounding left-overs to the largest remainders, earlier first", () => {
    // 4·5/10 = 2, 3·5/10 = 1.5, 1.5: one unit left, b and c tie, b ordered first.
    expect(as(allocateHarvest(lines, 5, "pro_rata"))).toEqual({ a: 2, b: 2, c: 1 })
    // 4·7/10 = 2.8, 2.1, 2.1: floors 2+2+2 = 6, the unit goes to a (0.8).
    expect(as(allocateHarvest(lines, 7, "pro_rata"))).toEqual({ a: 3, b: 2, c: 2 })
  })

  it("always hands out exactly the harvest, never more than a line ordered", () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `l${i}`, quantity: (i % 5) + 1 }))
    const ordered = many.reduce((s, l) => s + l.quantity, 0)
    for (let harvested = 0; harvested <= ordered; harvested++) {
      for (const mode of ["pro_rata", "first_come"] as const) {
        const got = allocateHarvest(many, harvested, mode)
        expect([...got.values()].reduce((s, q) => s + q, 0)).toBe(harvested)
        for (const line of many) expect(got.get(line.id)).toBeLessThanOrEqual(line.quantity)
      }
    }
  })
})
