import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { OrderParts } from "@/components/order/order-parts"
import { OrderPoller } from "@/components/order/order-poller"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { StoreUnavailableError } from "@/lib/medusa"
import type { Order } from "@/lib/medusa/cart-types"
import { getOrder } from "@/lib/medusa/orders"
import { formatVnd } from "@/lib/money"
import "@/styles/checkout.css"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ placed?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Order")
  return { title: t("metaTitle"), robots: { index: false } }
}

async function loadOrder(id: string): Promise<Order | null | "unavailable"> {
  try {
    return await getOrder(id)
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

/** The order confirmation and, later, where the buyer follows each seller's part. */
export default async function OrderPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const { placed } = await searchParams
  const t = await getTranslations("Order")
  const order = await loadOrder(id)
  if (order === null) notFound()
  const pathname = `/orders/${id}`
  if (order === "unavailable") {
    return (
      <PageShell locale={locale} pathname={pathname}>
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      </PageShell>
    )
  }
  const awaitingTransfer = order.parts.some((p) => p.vietqr)
  return (
    <PageShell locale={locale} pathname={pathname}>
      {placed ? (
        <div className="notice notice-ok" role="status">
          <h1 data-testid="order-confirmed">{t("placedTitle", { number: order.displayId })}</h1>
          <p>{t("placedBody", { count: order.parts.length })}</p>
        </div>
      ) : (
        <h1>{t("title", { number: order.displayId })}</h1>
      )}
      <p>
        {t("total")} <strong>{formatVnd(order.total.amount, locale)}</strong>
      </p>
      {awaitingTransfer ? (
        <div className="notice" aria-live="polite">
          <p>{t("awaitingTransfer")}</p>
          <a href={localePath(locale, pathname)}>{t("refresh")}</a>
          <OrderPoller />
        </div>
      ) : order.parts.some((p) => p.payment.method === "vietqr") ? (
        <p className="notice notice-ok" role="status" data-testid="transfer-confirmed">
          {t("transferConfirmed")}
        </p>
      ) : null}
      <OrderParts parts={order.parts} locale={locale} />
      <p>
        <a href={localePath(locale, "/account")}>{t("history")}</a> ·{" "}
        <a href={localePath(locale)}>{t("continue")}</a>
      </p>
    </PageShell>
  )
}
