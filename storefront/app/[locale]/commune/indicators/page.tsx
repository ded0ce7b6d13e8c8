import { quarterLabel, quartersBefore } from "@coop/contracts/quarters"
import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { LoadError, PortalUnavailable, StatusNotice } from "@/components/portal/commune-bits"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { IndicatorCards } from "@/components/portal/commune-indicator-cards"
import { QuarterPicker } from "@/components/portal/commune-quarter-picker"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import { listCommunes } from "@/lib/medusa/admin-units"
import { readHistory, readIndicators } from "@/lib/portal/commune-data"
import { chosenQuarter } from "@/lib/portal/commune-quarters"
import { communeContext } from "@/lib/portal/context"

type Search = { quarter?: string; commune?: string; status?: string }
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> }

const STATUSES = ["closed", "export_failed"] as const
/** Quarters in the chart and in the picker. */
const QUARTERS = 8

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.indicators")
  return { title: t("title"), robots: { index: false } }
}

/**
 * The digital-economy indicators of a quarter: each with its numerator and denominator, a link
 * to what it counted and a chart over quarters; closing the quarter and the report downloads. A
 * province officer reads the province's roll-up, or one of its communes.
 */
export default async function IndicatorsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const search = await searchParams
  const t = await getTranslations("Portal.indicators")
  const quarter = chosenQuarter(search.quarter)
  const asked = /^\d{5}$/.test(search.commune ?? "") ? search.commune : undefined
  const query = new URLSearchParams({ quarter, ...(asked ? { commune: asked } : {}) })
  const pathname = `/commune/indicators?${query}`
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
  const province = me.officer.read_only
  // A commune officer always reads its own commune; a province officer may pick one.
  const communeCode = province ? asked : undefined
  const quarters = quartersBefore(chosenQuarter(undefined), QUARTERS)
  const [read, history, communes] = await Promise.all([
    readIndicators(locale, quarter, communeCode),
    !province || communeCode
      ? readHistory(locale, quartersBefore(quarter, QUARTERS).at(-1)!, quarter, communeCode)
      : Promise.resolve(null),
    province ? listCommunes(me.officer.province.code).catch(() => []) : Promise.resolve([]),
  ])
  const status = STATUSES.find((s) => s === search.status)
  const exportHref = (format: "csv" | "xlsx") =>
    `${localePath(locale, "/commune/indicators/export")}?${new URLSearchParams({
      quarter,
      format,
      ...(communeCode ? { commune: communeCode } : {}),
    })}`
  return (
    <CommuneFrame locale={locale} me={me} section="/indicators" pathname={pathname}>
      <h1>{t("title")}</h1>
      <StatusNotice
        text={
          status === "closed" ? t("done.closed", { quarter: quarterLabel(quarter, locale) }) : null
        }
      />
      {status === "export_failed" ? (
        <p className="notice notice-error" role="alert">
          {t("exportFailed")}
        </p>
      ) : null}
      <QuarterPicker
        locale={locale}
        quarter={quarter}
        quarters={quarters}
        communes={province ? communes : null}
        commune={communeCode}
      />
      {!read.ok ? (
        <LoadError error={read.error} retryHref={here} />
      ) : (
        <>
          <p className="commune-area" data-testid="indicators-area">
            {read.data.commune?.name ?? read.data.province.name ?? read.data.province.code}
            {" · "}
            {quarterLabel(quarter, locale)}
          </p>
          {read.data.closed ? (
            <p className="notice notice-ok" data-testid="quarter-closed">
              {t("closedAt", { date: formatDate(new Date(read.data.closed.closed_at), locale) })}
            </p>
          ) : (
            <p className="notice" data-testid="quarter-open">
              {!read.data.commune
                ? t("rollUp")
                : quarter === quarters[0]
                  ? t("open")
                  : t("pastOpen")}
            </p>
          )}
          <div className="commune-buttons">
            {/* A quarter closes once it has ended (the backend refuses the current one). */}
            {!province && !read.data.closed && quarter !== quarters[0] ? (
              <a
                className="button"
                href={`${localePath(locale, "/commune/indicators/close")}?quarter=${quarter}`}
              >
                {t("close", { quarter: quarterLabel(quarter, locale) })}
              </a>
            ) : null}
            <a className="button button-secondary" href={exportHref("xlsx")}>
              {t("downloadXlsx")}
            </a>
            <a className="button button-secondary" href={exportHref("csv")}>
              {t("downloadCsv")}
            </a>
          </div>
          <IndicatorCards
            locale={locale}
            read={read.data}
            history={history?.ok ? history.data : null}
            countedBase={
              read.data.commune
                ? `${localePath(locale, "/commune/indicators/counted")}?${new URLSearchParams({
                    quarter,
                    ...(communeCode ? { commune: communeCode } : {}),
                  })}`
                : null
            }
          />
        </>
      )}
    </CommuneFrame>
  )
}
