import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatQuantity } from "@/lib/format"
import { type CommuneIndicators, type IndicatorCode, PUBLIC_INDICATORS } from "@/lib/medusa"

type Props = { indicators: CommuneIndicators["indicators"]; locale: Locale }

/** Flows counted in the quarter; the others are shares ("9/9"). */
const COUNTS: ReadonlySet<IndicatorCode> = new Set(["ORDERS", "STAMPS", "SCANS"])

/**
 * The commune's public indicators in plain words: "9/9 sản phẩm OCOP đã lên sàn". A share with
 * nothing to count yet (no paid order, say) is left out rather than shown as "0/0".
 */
export async function IndicatorList({ indicators, locale }: Props) {
  const t = await getTranslations("Commune")
  const number = (value: number) => formatQuantity(value, locale)
  const rows = PUBLIC_INDICATORS.flatMap((code) => {
    const indicator = indicators[code]
    if (!indicator) return []
    const isCount = COUNTS.has(code)
    if (!isCount && indicator.denominator === 0) return []
    return [{ code, indicator, isCount }]
  })
  return (
    <ul className="indicator-list" data-testid="indicators">
      {rows.map(({ code, indicator, isCount }) => (
        <li key={code} data-indicator={code}>
          <p>
            <strong className="indicator-value">
              {isCount
                ? number(indicator.numerator)
                : `${number(indicator.numerator)}/${number(indicator.denominator)}`}
            </strong>{" "}
            {t(code)}
          </p>
          {!isCount && indicator.ratio !== null ? (
            <span className="indicator-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, indicator.ratio * 100))}%` }} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
