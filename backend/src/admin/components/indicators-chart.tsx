import { pick } from "../lib/i18n"
import type { Bar } from "../lib/indicators"

const TEXT = {
  notClosed: { vi: "chưa chốt", en: "not closed" },
  closed: { vi: "đã chốt", en: "closed" },
}

const SLOT = 44
const BAR = 26
const PLOT_TOP = 14
const PLOT_HEIGHT = 72
const LABEL_Y = PLOT_TOP + PLOT_HEIGHT + 14
const HEIGHT = LABEL_Y + 6

/**
 * A plain SVG bar chart, one bar per quarter, oldest on the left. A closed quarter's bar is darker
 * and carries a lock; a gap (dashed outline) is a quarter without a value.
 */
export function IndicatorChart({ title, bars }: { title: string; bars: Bar[] }) {
  const width = Math.max(1, bars.length) * SLOT
  const summary = `${title}: ${bars
    .map(
      (b) =>
        `${b.label} ${b.text ?? pick(TEXT.notClosed)}${b.closed ? ` (${pick(TEXT.closed)})` : ""}`,
    )
    .join("; ")}`
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      className="h-auto w-full"
      style={{ maxHeight: 160 }}
    >
      <line
        x1={0}
        x2={width}
        y1={PLOT_TOP + PLOT_HEIGHT}
        y2={PLOT_TOP + PLOT_HEIGHT}
        stroke="var(--border-strong)"
        strokeWidth={1}
      />
      {bars.map((bar, i) => {
        const x = i * SLOT + (SLOT - BAR) / 2
        const center = i * SLOT + SLOT / 2
        const tooltip = `${bar.label}: ${bar.text ?? pick(TEXT.notClosed)}${
          bar.closed ? ` (${pick(TEXT.closed)})` : ""
        }`
        if (bar.height === null) {
          return (
            <g key={bar.quarter}>
              <title>{tooltip}</title>
              <rect
                x={x}
                y={PLOT_TOP}
                width={BAR}
                height={PLOT_HEIGHT}
                fill="transparent"
                stroke="var(--border-base)"
                strokeDasharray="3 3"
                rx={2}
              />
              <text
                x={center}
                y={PLOT_TOP + PLOT_HEIGHT / 2}
                textAnchor="middle"
                fontSize={12}
                fill="var(--fg-muted)"
              >
                –
              </text>
              <QuarterLabel x={center} label={bar.label} />
            </g>
          )
        }
        // A sliver for zero, so the quarter still shows a bar to hover.
        const h = Math.max(1.5, bar.height * PLOT_HEIGHT)
        const y = PLOT_TOP + PLOT_HEIGHT - h
        return (
          <g key={bar.quarter}>
            <title>{tooltip}</title>
            {/* The whole slot answers to hover, not only the (maybe tiny) bar. */}
            <rect x={i * SLOT} y={0} width={SLOT} height={HEIGHT} fill="transparent" />
            <rect
              x={x}
              y={y}
              width={BAR}
              height={h}
              rx={2}
              fill={bar.closed ? "var(--tag-blue-text)" : "var(--tag-blue-icon)"}
              opacity={bar.closed ? 1 : 0.75}
            />
            {bar.closed && <Lock x={center} y={Math.min(y, PLOT_TOP + PLOT_HEIGHT) - 11} />}
            <QuarterLabel x={center} label={bar.label} />
          </g>
        )
      })}
    </svg>
  )
}

function QuarterLabel({ x, label }: { x: number; label: string }) {
  return (
    <text x={x} y={LABEL_Y} textAnchor="middle" fontSize={8.5} fill="var(--fg-subtle)">
      {label}
    </text>
  )
}

/** A small padlock, 8×9, centred on x with its top at y. */
function Lock({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x - 4} ${Math.max(0, y)})`}>
      <path
        d="M2 4 V2.6 a2 2 0 0 1 4 0 V4"
        fill="none"
        stroke="var(--fg-subtle)"
        strokeWidth={1.1}
      />
      <rect x={0.5} y={4} width={7} height={5} rx={1} fill="var(--fg-subtle)" />
    </g>
  )
}
