import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { PortalShell } from "./portal-shell"

// Small pieces every seller-portal page uses: the page without its data, a change's
// confirmation, and the pager of a long list.

/** The backend did not answer: the portal's frame, the notice and a way to try again. */
export async function SellerUnavailable({ locale, path }: { locale: Locale; path: string }) {
  const t = await getTranslations("Portal.seller")
  const f = await getTranslations("Portal.sellerForm")
  return (
    <PortalShell locale={locale} portal="seller" pathname={path} title={t("portalName")}>
      <section className="notice" role="alert">
        <h1>{f("unavailableTitle")}</h1>
        <p>{f("unavailableBody")}</p>
        <a className="button" href={`/${locale}${path}`}>
          {f("retry")}
        </a>
      </section>
    </PortalShell>
  )
}

/** "Saved": the short confirmation a page shows after a change redirected to it. */
export function SellerStatus({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <p className="notice notice-ok" role="status" data-testid="seller-status">
      {message}
    </p>
  )
}

type PagerProps = { href: string; page: number; count: number; pageSize: number }

/** Previous / "Trang 2 / 5" / next, as plain links. */
export async function SellerPager({ href, page, count, pageSize }: PagerProps) {
  const t = await getTranslations("Portal.sellerForm")
  const pages = Math.max(1, Math.ceil(count / pageSize))
  if (pages <= 1) return null
  const join = href.includes("?") ? "&" : "?"
  return (
    <nav className="pagination" aria-label={t("pages")}>
      {page > 1 ? <a href={`${href}${join}page=${page - 1}`}>{t("previous")}</a> : null}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? <a href={`${href}${join}page=${page + 1}`}>{t("next")}</a> : null}
    </nav>
  )
}
