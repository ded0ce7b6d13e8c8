import type { IndicatorValue } from "@/lib/portal/commune-types"

export type ChartPoint = {
  quarter: string
  /** The quarter's short name under its bar ("Q3/26"). */
  short: string
  /** null: a past quarter nobody closed, whose state was not recorded. */
  value: IndicatorValue | null
  /** The value as words, for the bar's label and the description ("9/9", "185.000 ₫"). */
  text: string
}

type Props = {
  id: string
  title: string
  /** Spoken and hovered description: every quarter's value. */
  description: string
  points: ChartPoint[]
  /** Bars against the denominator (a light full bar behind the numerator's). */
  ratio: boolean
  /** The quarter on the page, drawn darker. */
  current: string
}

const WIDTH = 320
const HEIGHT = 104
const TOP = 16
const BOTTOM = 20

/**
 * A bar per quarter, drawn on the server as plain SVG (no chart library, no JavaScript). Screen
 * readers get the title and a description naming every quarter's value.
 */
export function IndicatorChart({ id, title, description, points, ratio, current }: Props) {
  const slot = WIDTH / Math.max(points.length, 1)
  const bar = Math.min(28, slot - 8)
  const plot = HEIGHT - TOP - BOTTOM
  const max = Math.max(
    1,
    ...points.map((p) => (p.value ? (ratio ? p.value.denominator : p.value.numerator) : 0)),
  )
  const height = (n: number) => (n / max) * plot
  return (
    <svg
      className="indicator-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="indicator-chart"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1="0" x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="chart-axis" />
      {points.map((p, i) => {
        const x = i * slot + (slot - bar) / 2
        const base = HEIGHT - BOTTOM
        const mine = p.quarter === current
        const n = p.value ? height(p.value.numerator) : 0
        const d = p.value && ratio ? height(p.value.denominator) : 0
        return (
          <g key={p.quarter} data-quarter={p.quarter}>
            {ratio && p.value ? (
              <rect x={x} y={base - d} width={bar} height={d} className="chart-whole" />
            ) : null}
            {p.value ? (
              <rect
                x={x}
                y={base - n}
                width={bar}
                height={n}
                className={mine ? "chart-bar chart-bar-current" : "chart-bar"}
              />
            ) : null}
            <text
              x={x + bar / 2}
              y={base - Math.max(n, d) - 4}
              textAnchor="middle"
              className="chart-value"
            >
              {p.value ? p.text : "—"}
            </text>
            <text x={x + bar / 2} y={HEIGHT - 5} textAnchor="middle" className="chart-label">
              {p.short}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
