import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { OrderPart } from "@/lib/medusa/cart-types"
import { formatVnd } from "@/lib/money"
import { VietQrPanel } from "./vietqr-panel"

type Props = {
  parts: OrderPart[]
  locale: Locale
  showQr?: boolean
  /** The level of each part's title: h2 on the order's own page, h4 under an order in a list. */
  heading?: "h2" | "h4"
}

/** Where the buyer's state of one part of the order is read from: shipping, then payment. */
const STATUSES = ["placed", "shipped", "delivered", "canceled"] as const

function statusKey(part: OrderPart): (typeof STATUSES)[number] {
  return STATUSES.find((s) => s === part.status) ?? "placed"
}

function paymentKey(
  part: OrderPart,
): "paid" | "refunded" | "canceled" | "awaitingTransfer" | "onDelivery" | "awaiting" {
  const { method, status } = part.payment
  if (status === "captured") return "paid"
  if (status === "refunded") return "refunded"
  if (status === "canceled") return "canceled"
  return method === "vietqr" ? "awaitingTransfer" : method === "cod" ? "onDelivery" : "awaiting"
}

/** Each seller's part of an order: what it holds, how it comes, and where it stands. */
export async function OrderParts({ parts, locale, showQr = true, heading = "h2" }: Props) {
  const t = await getTranslations("Order")
  const Heading = heading
  return (
    <ol className="order-parts">
      {parts.map((part) => (
        <li
          key={part.id}
          className="order-part"
          data-testid="order-part"
          data-reference={part.reference}
        >
          <Heading className="order-part-title">
            {part.seller.name} <span className="muted mono">{part.reference}</span>
          </Heading>
          <p className="part-state">
            <span className={`badge badge-${statusKey(part)}`} data-testid="part-status">
              {t(`status.${statusKey(part)}`)}
            </span>{" "}
            <span className={`badge badge-pay-${paymentKey(part)}`} data-testid="part-payment">
              {t(`payment.${paymentKey(part)}`)}
            </span>
          </p>
          <ul className="part-items">
            {part.items.map((item) => (
              <li key={item.id}>
                {item.quantity} × {item.title}{" "}
                <span className="muted">{formatVnd(item.total.amount)}</span>
              </li>
            ))}
          </ul>
          {part.shipping ? (
            <p className="muted">
              {t("shipping", {
                name: part.shipping.name,
                price: formatVnd(part.shipping.amount.amount),
              })}
            </p>
          ) : null}
          <p>
            {t("partTotal")} <strong>{formatVnd(part.amount.amount)}</strong>
          </p>
          {part.deliveredAt ? (
            <p className="muted">
              {t("deliveredOn", { date: formatDate(part.deliveredAt, locale) })}
            </p>
          ) : null}
          {part.seller.phone ? (
            <p className="muted">{t("sellerPhone", { phone: part.seller.phone })}</p>
          ) : null}
          {showQr && part.vietqr ? (
            <VietQrPanel qr={part.vietqr} sellerName={part.seller.name} />
          ) : null}
        </li>
      ))}
    </ol>
  )
}
