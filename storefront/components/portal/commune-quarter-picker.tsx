import { quarterLabel } from "@coop/contracts/quarters"
import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"

type Props = {
  locale: Locale
  quarter: string
  /** The quarters to choose from, newest first. */
  quarters: string[]
  /** For a province officer: its communes (none chosen = the province's roll-up). */
  communes: { code: string; name: string }[] | null
  commune?: string
}

/** Which quarter (and, for a province officer, which commune) the page shows: a GET form. */
export async function QuarterPicker({ locale, quarter, quarters, communes, commune }: Props) {
  const t = await getTranslations("Portal.indicators")
  return (
    <form
      method="get"
      action={localePath(locale, "/commune/indicators")}
      className="commune-filters"
    >
      <div className="commune-field">
        <label htmlFor="indicators-quarter">{t("quarter")}</label>
        <select id="indicators-quarter" name="quarter" defaultValue={quarter}>
          {quarters.map((q, i) => (
            <option key={q} value={q}>
              {i === 0
                ? t("currentQuarter", { quarter: quarterLabel(q, locale) })
                : quarterLabel(q, locale)}
            </option>
          ))}
        </select>
      </div>
      {communes ? (
        <div className="commune-field">
          <label htmlFor="indicators-commune">{t("commune")}</label>
          <select id="indicators-commune" name="commune" defaultValue={commune ?? ""}>
            <option value="">{t("wholeProvince")}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button-secondary">
        {t("show")}
      </button>
    </form>
  )
}
