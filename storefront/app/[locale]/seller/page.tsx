import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { countNewOrders } from "@/lib/portal/seller-reads"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ status?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.seller")
  return { title: t("portalName"), robots: { index: false } }
}

/** The seller portal's home: the seller's state and the way into each section. */
export default async function SellerHomePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.seller")
  const here = localePath(locale, "/seller")
  const context = await sellerContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="seller" pathname="/seller" title={t("portalName")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  const { me } = context
  const [{ status }, waiting] = await Promise.all([searchParams, countNewOrders(locale)])
  const welcome = status === "signed-up" || status === "joined" ? status : null
  const state = ["pending", "approved", "suspended"].includes(me.seller.state)
    ? me.seller.state
    : "pending"
  return (
    <SellerFrame locale={locale} me={me} section="" pathname="/seller">
      <h1>{me.seller.name}</h1>
      {welcome ? (
        <p className="notice notice-ok" role="status" data-testid="seller-welcome">
          {t(`welcome.${welcome}`)}
        </p>
      ) : null}
      <div className={`notice seller-state-${state}`} data-testid="seller-state">
        <p>{t(`state.${state as "pending" | "approved" | "suspended"}`)}</p>
        {state === "suspended" && me.seller.state_reason ? (
          // The officer's own words: the seller needs them to put things right.
          <p data-testid="seller-suspension-reason">
            <strong>{t("suspensionReason")}</strong> {me.seller.state_reason}
          </p>
        ) : null}
      </div>
      {waiting !== null ? (
        <p className={`notice ${waiting > 0 ? "seller-waiting" : ""}`} data-testid="orders-waiting">
          {waiting > 0 ? (
            <a href={localePath(locale, "/seller/orders?status=placed")}>
              {t("ordersWaiting", { count: waiting })}
            </a>
          ) : (
            t("noOrdersWaiting")
          )}
        </p>
      ) : null}
      <ul className="portal-cards">
        <li>
          <a href={localePath(locale, "/seller/products")}>{t("nav.products")}</a>
          <p className="muted">{t("cards.products")}</p>
        </li>
        <li>
          <a href={localePath(locale, "/seller/orders")}>{t("nav.orders")}</a>
          <p className="muted">{t("cards.orders")}</p>
        </li>
        <li>
          <a href={localePath(locale, "/seller/invoices")}>{t("nav.invoices")}</a>
          <p className="muted">{t("cards.invoices")}</p>
        </li>
        <li>
          <a href={localePath(locale, "/seller/origin")}>{t("nav.origin")}</a>
          <p className="muted">{t("cards.origin")}</p>
        </li>
        <li>
          <a href={localePath(locale, "/seller/team")}>{t("nav.team")}</a>
          <p className="muted">{t("cards.team")}</p>
        </li>
        <li>
          <a href={localePath(locale, "/seller/settings")}>{t("nav.settings")}</a>
          <p className="muted">{t("cards.settings")}</p>
        </li>
      </ul>
    </SellerFrame>
  )
}
