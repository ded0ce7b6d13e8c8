import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { IndicatorList } from "@/components/catalogue/indicator-list"
import { SellerList } from "@/components/catalogue/seller-list"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { pageLocale } from "@/i18n/locale"
import { communePath, localePath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import {
  type CommuneIndicators,
  getCommuneIndicators,
  isCommuneCode,
  listSellers,
  type Seller,
  StoreUnavailableError,
} from "@/lib/medusa"
import { pageAlternates } from "@/lib/seo/alternates"

type Props = { params: Promise<{ locale: string; code: string }> }

// Cached HTML shared by every buyer, rendered on first request and kept until its data's tags
// are revalidated, or a minute (see the locale layout).
export const revalidate = 60

export function generateStaticParams() {
  return []
}

type CommunePage = { indicators: CommuneIndicators; sellers: Seller[] }

/** The commune's indicators and sellers; null for an unknown code; "unavailable" on failure. */
async function loadCommune(code: string): Promise<CommunePage | null | "unavailable"> {
  if (!isCommuneCode(code)) return null
  try {
    const [indicators, sellers] = await Promise.all([
      getCommuneIndicators(code),
      listSellers({ communeCode: code }),
    ])
    return indicators ? { indicators, sellers } : null
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

/** "2026-Q4" -> its number and year, for "quý 4/2026" / "Q4 2026". */
function quarterParts(quarter: string) {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter)
  return match ? { year: match[1], number: match[2] } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { code } = await params
  const indicators = await getCommuneIndicators(code).catch(() => null)
  return indicators
    ? { title: indicators.commune.name, alternates: pageAlternates(locale, communePath(code)) }
    : {}
}

export default async function CommunePage({ params }: Props) {
  const locale = await pageLocale(params)
  const { code } = await params
  const page = await loadCommune(code)
  if (page === null) notFound()
  const pathname = communePath(code)
  if (page === "unavailable") {
    return (
      <PageShell locale={locale} pathname={pathname} shared>
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      </PageShell>
    )
  }
  const t = await getTranslations("Commune")
  const { indicators, sellers } = page
  const parts = quarterParts(indicators.quarter)
  const quarter = parts ? t("quarter", parts) : indicators.quarter
  return (
    <PageShell locale={locale} pathname={pathname} shared>
      <h1>{indicators.commune.name}</h1>
      <p className="intro">{indicators.commune.province.name}</p>
      <section className="catalogue-section" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("indicatorsTitle", { quarter })}</h2>
        <IndicatorList indicators={indicators.indicators} locale={locale} />
        <p className="muted small">
          {indicators.closedAt
            ? t("closedAt", { date: formatDate(indicators.closedAt, locale) })
            : t("live")}
        </p>
      </section>
      <section className="catalogue-section" aria-labelledby="sellers-heading">
        <h2 id="sellers-heading">{t("sellers")}</h2>
        {sellers.length > 0 ? (
          <SellerList sellers={sellers} locale={locale} />
        ) : (
          <p className="notice">{t("noSellers")}</p>
        )}
      </section>
    </PageShell>
  )
}
