import { describe, expect, it } from "vitest"
import {
  A4_MM,
  DEFAULT_LAYOUT,
  labelPlan,
  layoutProblem,
  MIN_QR_MM,
  withDefaults,
} from "./layout.js"

describe("sheet layout", () => {
  it("fits the default 24-up stock on A4, with the code beside the text", () => {
    expect(layoutProblem(DEFAULT_LAYOUT)).toBeNull()
    const plan = labelPlan(DEFAULT_LAYOUT)
    expect(plan.arrangement).toBe("side")
    expect(plan.qrSideMm).toBeGreaterThanOrEqual(MIN_QR_MM)
    expect(plan.qrXMm + plan.qrSideMm).toBeLessThanOrEqual(plan.textXMm)
    expect(plan.textXMm + plan.textWidthMm).toBeLessThanOrEqual(DEFAULT_LAYOUT.label_width_mm)
    expect(plan.qrYMm + plan.qrSideMm).toBeLessThanOrEqual(DEFAULT_LAYOUT.label_height_mm)
  })

  it("fills in defaults for what is not given", () => {
    expect(withDefaults({ columns: 2 })).toEqual({ ...DEFAULT_LAYOUT, columns: 2 })
    expect(withDefaults(undefined)).toEqual(DEFAULT_LAYOUT)
  })

  it("names the field to change when the grid is wider or taller than A4", () => {
    const wide = layoutProblem(withDefaults({ columns: 4 }))
    expect(wide?.field).toBe("layout.columns")
    expect(wide?.message).toContain(`${A4_MM.width} mm`)
    expect(layoutProblem(withDefaults({ rows: 9 }))?.field).toBe("layout.rows")
    // Exactly the page: fits.
    const exact = {
      ...DEFAULT_LAYOUT,
      columns: 2,
      margin_left_mm: 0,
      gap_x_mm: 10,
      label_width_mm: 100,
    }
    expect(layoutProblem(exact)).toBeNull()
  })

  it("stacks the text under the code on narrow labels, and refuses labels too small to scan", () => {
    const square = withDefaults({
      columns: 5,
      rows: 5,
      label_width_mm: 38,
      label_height_mm: 50,
      gap_x_mm: 2,
    })
    expect(layoutProblem(square)).toBeNull()
    const plan = labelPlan(square)
    expect(plan.arrangement).toBe("stacked")
    expect(plan.textYMm).toBeGreaterThan(plan.qrYMm + plan.qrSideMm)
    expect(plan.qrXMm * 2 + plan.qrSideMm).toBeCloseTo(38)
    const tiny = withDefaults({ columns: 8, label_width_mm: 20, label_height_mm: 20, gap_x_mm: 0 })
    expect(layoutProblem(tiny)?.field).toBe("layout.label_height_mm")
  })
})
