import { getTranslations } from "next-intl/server"
import type { IndicatorCode } from "@/lib/portal/commune-types"

/** The indicators with a denominator: shares of a whole. */
const SHARES = [
  "OCOP_ONLINE",
  "SELLERS_ONLINE",
  "TRACEABLE",
  "CASHLESS",
  "CASHLESS_VALUE",
] as const satisfies IndicatorCode[]
type Share = (typeof SHARES)[number]
const isShare = (code: IndicatorCode): code is Share => SHARES.includes(code as Share)

/** What an indicator counts, in words: its numerator and, for a share, its denominator. */
export async function IndicatorFormula({ code }: { code: IndicatorCode }) {
  const t = await getTranslations("Portal.indicators.formula")
  return (
    <p className="indicator-formula muted" data-testid="indicator-formula">
      <span>{t("numerator", { text: t(`${code}.numerator`) })}</span>
      {isShare(code) ? (
        <>
          {" "}
          <span>{t("denominator", { text: t(`${code}.denominator`) })}</span>
        </>
      ) : null}
    </p>
  )
}
