import { Badge, Text } from "@medusajs/ui"
import { pick } from "../lib/i18n"
import {
  barsFor,
  formatIndicator,
  formatPercent,
  type IndicatorMeta,
  type QuarterValues,
} from "../lib/indicators"
import { IndicatorChart } from "./indicators-chart"

const TEXT = {
  internal: { vi: "Nội bộ", en: "Internal" },
  state: { vi: "Trạng thái", en: "State" },
  flow: { vi: "Trong quý", en: "In the quarter" },
  notClosed: { vi: "chưa chốt", en: "not closed" },
}

const DIMENSIONS: Record<string, { vi: string; en: string }> = {
  cooperative: { vi: "HTX", en: "Cooperatives" },
  household: { vi: "Hộ kinh doanh", en: "Households" },
}

/** One indicator: its value this quarter, any breakdown, and its bars over the quarters. */
export function IndicatorCard({
  code,
  meta,
  quarters,
}: {
  code: string
  meta: IndicatorMeta
  quarters: QuarterValues[]
}) {
  const title = pick(meta)
  const current = quarters[quarters.length - 1]?.indicators[code] ?? null
  return (
    <section
      aria-labelledby={`indicator-${code}`}
      className="shadow-elevation-card-rest bg-ui-bg-base flex flex-col gap-y-3 rounded-lg p-4"
    >
      <div className="flex items-start justify-between gap-x-2">
        <Text id={`indicator-${code}`} size="small" weight="plus">
          {title}
        </Text>
        <div className="flex shrink-0 gap-x-1">
          {!meta.public && (
            <Badge size="2xsmall" color="grey">
              {pick(TEXT.internal)}
            </Badge>
          )}
          <Badge size="2xsmall" color={meta.kind === "state" ? "purple" : "blue"}>
            {pick(meta.kind === "state" ? TEXT.state : TEXT.flow)}
          </Badge>
        </div>
      </div>
      <div className="flex flex-col">
        <Text size="xlarge" weight="plus" className="tabular-nums">
          {current ? formatIndicator(code, meta, current) : pick(TEXT.notClosed)}
        </Text>
        {current?.by && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {Object.entries(current.by)
              .map(
                ([dim, v]) =>
                  `${DIMENSIONS[dim] ? pick(DIMENSIONS[dim]) : dim}: ${v.numerator}/${v.denominator} (${formatPercent(v.ratio)})`,
              )
              .join(" · ")}
          </Text>
        )}
      </div>
      <IndicatorChart title={title} bars={barsFor(code, meta, quarters)} />
    </section>
  )
}
