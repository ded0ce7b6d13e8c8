import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { SellerPager, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatVnd } from "@/lib/money"
import { sellerContext } from "@/lib/portal/context"
import { PAGE_SIZE, pageNumber } from "@/lib/portal/paging"
import { buyerLines } from "@/lib/portal/seller-orders"
import { listSellerOrders } from "@/lib/portal/seller-reads"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ page?: string; status?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.orders")
  return { title: t("title"), robots: { index: false } }
}

/** The seller's parts of buyers' orders, newest first; `?status=placed` only the new ones. */
export default async function SellerOrdersPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.orders")
  const search = await searchParams
  const page = pageNumber(search.page)
  const only = search.status === "placed" ? "placed" : undefined
  const path = only ? "/seller/orders?status=placed" : "/seller/orders"
  const context = await sellerContext(locale, localePath(locale, path))
  const list = context === "unavailable" ? null : await listSellerOrders(locale, page, only)
  if (context === "unavailable" || !list?.ok)
    return <SellerUnavailable locale={locale} path={path} />
  const { orders, count } = list.data
  return (
    <SellerFrame locale={locale} me={context.me} section="/orders" pathname={path}>
      <h1>{only ? t("newTitle") : t("title")}</h1>
      {only ? (
        <p>
          <a href={localePath(locale, "/seller/orders")}>{t("allOrders")}</a>
        </p>
      ) : null}
      {orders.length === 0 ? (
        <p className="notice">{only ? t("noneWaiting") : t("empty")}</p>
      ) : (
        <ul className="seller-list" data-testid="seller-orders">
          {orders.map((order) => {
            const buyer = buyerLines(order)
            return (
              <li key={order.id} className="seller-order" data-testid="seller-order">
                <a href={localePath(locale, `/seller/orders/${order.part_order_id}`)}>
                  {t("orderTitle", { reference: order.reference })}
                </a>
                <p>
                  <span className={`badge badge-${order.status}`}>
                    {t(`status.${order.status}`)}
                  </span>{" "}
                  <span className={`badge badge-pay-${order.payment.status}`}>
                    {t(`payment.${order.payment.method}`)}:{" "}
                    {t(`paymentStatus.${order.payment.status}`)}
                  </span>
                </p>
                <p className="muted">
                  {formatVnd(order.amount, locale)} ·{" "}
                  {t("itemCount", {
                    count: order.items.reduce((sum, item) => sum + item.quantity, 0),
                  })}
                  {buyer.name ? ` · ${buyer.name}` : ""}
                </p>
              </li>
            )
          })}
        </ul>
      )}
      <SellerPager href={localePath(locale, path)} page={page} count={count} pageSize={PAGE_SIZE} />
    </SellerFrame>
  )
}
