import { quarterLabel } from "@coop/contracts/quarters"
import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { LoadError, PortalUnavailable } from "@/components/portal/commune-bits"
import { CountedItemDetails, CounterfeitStamps } from "@/components/portal/commune-counted-item"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { IndicatorFormula } from "@/components/portal/commune-indicator-formula"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { readCounted, readCounterfeitStamps } from "@/lib/portal/commune-data"
import { chosenQuarter } from "@/lib/portal/commune-quarters"
import { type CountedItem, INDICATOR_CODES, type IndicatorCode } from "@/lib/portal/commune-types"
import { communeContext } from "@/lib/portal/context"

type Search = { code?: string; quarter?: string; commune?: string }
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.indicators")
  return { title: t("countedTitle"), robots: { index: false } }
}

/** Where an item leads: the registry entry or the seller it names, when the portal has a page. */
function itemHref(locale: Locale, item: CountedItem): string | null {
  if (item.subject_type === "ocop_entry") {
    return localePath(locale, `/commune/registry/${encodeURIComponent(item.subject_id)}`)
  }
  if (item.subject_type === "seller") {
    return localePath(locale, `/commune/sellers/${encodeURIComponent(item.subject_id)}`)
  }
  return null
}

/** What one indicator counted: the items left out first, so the missing product is easy to find. */
export default async function CountedPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const search = await searchParams
  const t = await getTranslations("Portal.indicators")
  const code = (INDICATOR_CODES.find((c) => c === search.code) ?? "OCOP_ONLINE") as IndicatorCode
  const quarter = chosenQuarter(search.quarter)
  const commune = /^\d{5}$/.test(search.commune ?? "") ? search.commune : undefined
  const query = new URLSearchParams({ code, quarter, ...(commune ? { commune } : {}) })
  const pathname = `/commune/indicators/counted?${query}`
  const here = localePath(locale, pathname)
  const context = await communeContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="commune" pathname={pathname} title={t("title")}>
        <PortalUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  const { me } = context
  const area = me.officer.read_only ? commune : undefined
  // COUNTERFEIT counts stamps; their serials live in the traceability service.
  const [result, stamps] = await Promise.all([
    readCounted(locale, code, quarter, area),
    code === "COUNTERFEIT" ? readCounterfeitStamps(locale, quarter, area) : null,
  ])
  const backQuery = new URLSearchParams({ quarter, ...(commune ? { commune } : {}) })
  const name = t(`names.${code}`)
  const groups = result.ok
    ? [
        { key: "left", title: t("notCounted"), items: result.data.filter((i) => !i.counted) },
        { key: "in", title: t("counted"), items: result.data.filter((i) => i.counted) },
      ]
    : []
  return (
    <CommuneFrame locale={locale} me={me} section="/indicators" pathname={pathname}>
      <p>
        <a href={`${localePath(locale, "/commune/indicators")}?${backQuery}`}>{t("back")}</a>
      </p>
      <h1>{t("countedHeading", { name, quarter: quarterLabel(quarter, locale) })}</h1>
      <IndicatorFormula code={code} />
      {!result.ok ? (
        <LoadError error={result.error} retryHref={here} />
      ) : result.data.length === 0 ? (
        // The serials below may come before the count catches up with the service's events.
        stamps?.ok && stamps.data.length ? null : (
          <p className="notice">{t("nothingCounted")}</p>
        )
      ) : (
        groups.map((group) =>
          group.items.length ? (
            <section key={group.key} aria-labelledby={`counted-${group.key}`}>
              <h2 id={`counted-${group.key}`}>
                {group.title} ({group.items.length})
              </h2>
              <ul className="commune-list" data-testid={`counted-${group.key}`}>
                {group.items.map((item) => {
                  const href = itemHref(locale, item)
                  const label = item.label ?? item.subject_id
                  return (
                    <li
                      key={`${item.subject_type}:${item.subject_id}`}
                      data-subject={item.subject_id}
                    >
                      {href ? <a href={href}>{label}</a> : label}
                      {!item.order && (item.denominator > 1 || item.numerator > 1) ? (
                        <span className="muted">
                          {" "}
                          · {item.numerator}
                          {item.denominator ? `/${item.denominator}` : ""}
                        </span>
                      ) : null}
                      <CountedItemDetails locale={locale} code={code} item={item} />
                    </li>
                  )
                })}
              </ul>
            </section>
          ) : null,
        )
      )}
      {stamps ? (
        <CounterfeitStamps locale={locale} stamps={stamps.ok ? stamps.data : null} />
      ) : null}
    </CommuneFrame>
  )
}
