import { msg, type Text } from "../messages.js"

/**
 * The label grid of a printable A4 sheet. Sizes are in millimetres, as label stock is sold; the
 * default is the common 24-up stock (3 x 8 labels of 63.5 x 33.9 mm, e.g. Avery L7159).
 */
export const A4_MM = { width: 210, height: 297 } as const

/** Limits of each field, checked by the request schemas. */
export const LAYOUT_LIMITS: Record<
  keyof SheetLayout,
  { min: number; max: number; integer?: true }
> = {
  columns: { min: 1, max: 10, integer: true },
  rows: { min: 1, max: 30, integer: true },
  label_width_mm: { min: 15, max: 210 },
  label_height_mm: { min: 15, max: 297 },
  margin_top_mm: { min: 0, max: 100 },
  margin_left_mm: { min: 0, max: 100 },
  gap_x_mm: { min: 0, max: 50 },
  gap_y_mm: { min: 0, max: 50 },
}

/** The smallest QR side that phone cameras still read at arm's length off a printed label. */
export const MIN_QR_MM = 12

/** As the API names them (snake_case); every field has a default. */
export interface SheetLayout {
  columns: number
  rows: number
  label_width_mm: number
  label_height_mm: number
  margin_top_mm: number
  margin_left_mm: number
  gap_x_mm: number
  gap_y_mm: number
}

export const DEFAULT_LAYOUT: SheetLayout = {
  columns: 3,
  rows: 8,
  label_width_mm: 63.5,
  label_height_mm: 33.9,
  margin_top_mm: 12.9,
  margin_left_mm: 7.2,
  gap_x_mm: 2.5,
  gap_y_mm: 0,
}

export function withDefaults(layout: Partial<SheetLayout> | undefined): SheetLayout {
  return { ...DEFAULT_LAYOUT, ...layout }
}

export interface LayoutProblem {
  field: string
  /** In English (logs, tests); `text` in both languages. */
  message: string
  text: Text
}

const problem = (field: string, text: Text): LayoutProblem => ({ field, message: text.en, text })

/** Why the grid does not fit on an A4 page, naming the field to change; null when it fits. */
export function layoutProblem(layout: SheetLayout): LayoutProblem | null {
  const width =
    layout.margin_left_mm +
    layout.columns * layout.label_width_mm +
    (layout.columns - 1) * layout.gap_x_mm
  if (width > A4_MM.width + 1e-9) {
    return problem(
      "layout.columns",
      msg.tooWide(layout.columns, layout.label_width_mm, round(width), A4_MM.width),
    )
  }
  const height =
    layout.margin_top_mm +
    layout.rows * layout.label_height_mm +
    (layout.rows - 1) * layout.gap_y_mm
  if (height > A4_MM.height + 1e-9) {
    return problem(
      "layout.rows",
      msg.tooTall(layout.rows, layout.label_height_mm, round(height), A4_MM.height),
    )
  }
  const plan = labelPlan(layout)
  if (plan.qrSideMm < MIN_QR_MM) {
    return problem(
      "layout.label_height_mm",
      msg.qrTooSmall(
        layout.label_width_mm,
        layout.label_height_mm,
        round(plan.qrSideMm),
        MIN_QR_MM,
      ),
    )
  }
  return null
}

/** Where the QR code and the text go inside one label, in mm from the label's top left. */
export interface LabelPlan {
  /** "side": text to the right of the code; "stacked": text under it, for narrow labels. */
  arrangement: "side" | "stacked"
  qrXMm: number
  qrYMm: number
  qrSideMm: number
  textXMm: number
  textYMm: number
  textWidthMm: number
}

const PADDING_MM = 1.5
/** Narrower than this, the product name no longer fits beside the code. */
const MIN_SIDE_TEXT_MM = 22
/** Four short lines of 6-7 pt text under a stacked code. */
const STACKED_TEXT_MM = 11

export function labelPlan(layout: SheetLayout): LabelPlan {
  const w = layout.label_width_mm
  const h = layout.label_height_mm
  // Beyond ~45 % of the width a bigger code only steals room from the text; it is already large.
  const side = Math.min(h - 2 * PADDING_MM, w * 0.45)
  if (w - 2 * PADDING_MM - side - 1 >= MIN_SIDE_TEXT_MM) {
    const textX = PADDING_MM + side + 1
    return {
      arrangement: "side",
      qrXMm: PADDING_MM,
      qrYMm: (h - side) / 2,
      qrSideMm: side,
      textXMm: textX,
      textYMm: PADDING_MM + 1,
      textWidthMm: w - textX - PADDING_MM,
    }
  }
  const stackedSide = Math.min(w - 2 * PADDING_MM, h - 2 * PADDING_MM - STACKED_TEXT_MM)
  return {
    arrangement: "stacked",
    qrXMm: (w - stackedSide) / 2,
    qrYMm: PADDING_MM,
    qrSideMm: stackedSide,
    textXMm: PADDING_MM,
    textYMm: PADDING_MM + stackedSide + 0.5,
    textWidthMm: w - 2 * PADDING_MM,
  }
}

const round = (mm: number) => Math.round(mm * 10) / 10

export const labelsPerPage = (layout: SheetLayout) => layout.columns * layout.rows
