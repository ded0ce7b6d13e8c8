import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { OriginUnavailable } from "@/components/portal/origin-unavailable"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import { sellerContext } from "@/lib/portal/context"
import { BATCHES_PER_PAGE, listBatches } from "@/lib/portal/origin-api"
import { param } from "@/lib/portal/origin-page"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  return { title: t("listTitle"), robots: { index: false } }
}

/** The seller's batches, newest first, 20 a page, each with its state and diary size. */
export default async function OriginListPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(param((await searchParams).page), 10) || 1),
  )
  const path = `/seller/origin${page > 1 ? `?page=${page}` : ""}`
  const here = localePath(locale, path)
  const context = await sellerContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="seller" pathname={path} title={t("listTitle")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  const list = await listBatches(locale, (page - 1) * BATCHES_PER_PAGE)
  if (!list.ok) {
    return (
      <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
        <h1>{t("listTitle")}</h1>
        <OriginUnavailable retryHref={here} />
      </SellerFrame>
    )
  }
  const { batches, count } = list.data
  const pages = Math.max(1, Math.ceil(count / BATCHES_PER_PAGE))
  const pageHref = (n: number) => localePath(locale, `/seller/origin${n > 1 ? `?page=${n}` : ""}`)
  return (
    <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
      <h1>{t("listTitle")}</h1>
      <p className="muted">{t("listIntro")}</p>
      <p>
        <a
          className="button"
          href={localePath(locale, "/seller/origin/new")}
          data-testid="new-batch"
        >
          {t("newBatch")}
        </a>
      </p>
      {batches.length === 0 ? (
        <p className="notice">{page > 1 ? t("pageEmpty") : t("noBatches")}</p>
      ) : (
        <ul className="origin-batches" data-testid="batch-list">
          {batches.map((b) => (
            <li key={b.id} data-lot={b.lot_code}>
              <a href={localePath(locale, `/seller/origin/${b.id}`)}>
                <span className="origin-batch-title clamp-2" title={b.product_title}>
                  {b.product_title}
                </span>
                <span>{t("lotLine", { lot: b.lot_code })}</span>
              </a>
              <span className={`origin-state origin-state-${b.state}`}>
                {t(`state.${b.state}`)}
              </span>
              <span className="muted small">
                {t("batchLine", {
                  date: formatDate(new Date(b.created_at), locale),
                  events: b.events.count,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="origin-pager" aria-label={t("pages")}>
          {page > 1 ? <a href={pageHref(page - 1)}>{t("previous")}</a> : null}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? <a href={pageHref(page + 1)}>{t("next")}</a> : null}
        </nav>
      ) : null}
    </SellerFrame>
  )
}
