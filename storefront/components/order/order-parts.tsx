import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { OrderPart } from "@/lib/medusa/cart-types"
import { formatVnd } from "@/lib/money"
import { formatPhone, telHref } from "@/lib/phone"
import { vietnameseLang } from "@/lib/text/localized"
import { shippingNames } from "../checkout/shipping-names"
import { VietQrPanel } from "./vietqr-panel"

type Props = {
  parts: OrderPart[]
  locale: Locale
  showQr?: boolean
  /** The parts' heading level: 2 under the order page's h1, 4 under an order's h3 in a list. */
  level?: 2 | 4
}

/** Where the buyer's state of one part of the order is read from: shipping, then payment. */
const STATUSES = ["placed", "shipped", "delivered", "canceled"] as const

function statusKey(part: OrderPart): (typeof STATUSES)[number] {
  return STATUSES.find((s) => s === part.status) ?? "placed"
}

function paymentKey(
  part: OrderPart,
):
  | "paid"
  | "refunded"
  | "canceled"
  | "awaitingTransfer"
  | "onDelivery"
  | "awaiting"
  | "depositPaid" {
  const { method, status } = part.payment
  if (status === "captured") return "paid"
  if (status === "refunded") return "refunded"
  if (status === "canceled") return "canceled"
  if (part.deposit?.status === "captured") return "depositPaid"
  return method === "vietqr" ? "awaitingTransfer" : method === "cod" ? "onDelivery" : "awaiting"
}

/** Where a pre-order's deposit stands: paid or not, and what is still to pay. */
function depositKey(
  part: OrderPart,
): "awaiting" | "waitingHarvest" | "restDue" | "paid" | "refunded" | "canceled" {
  const deposit = part.deposit!
  if (deposit.status === "refunded") return "refunded"
  if (deposit.status === "canceled") return "canceled"
  if (deposit.status === "awaiting") return "awaiting"
  if (part.payment.status === "captured") return "paid"
  return deposit.harvested ? "restDue" : "waitingHarvest"
}

/** Each seller's part of an order: what it holds, how it comes, and where it stands. */
export async function OrderParts({ parts, locale, showQr = true, level = 2 }: Props) {
  const Heading = level === 2 ? "h2" : "h4"
  const t = await getTranslations("Order")
  const names = await shippingNames()
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
                {item.quantity} × <span lang={vietnameseLang(locale)}>{item.title}</span>{" "}
                <span className="muted">{formatVnd(item.total.amount, locale)}</span>
              </li>
            ))}
          </ul>
          {part.shipping ? (
            <p className="muted" data-testid="part-shipping">
              {t("shipping", {
                name: names.name(part.shipping),
                price: names.price(part.shipping.amount.amount),
              })}
            </p>
          ) : null}
          {part.weighing ? (
            <p className="muted" data-testid="part-estimated">
              {t("partEstimated")} {formatVnd(part.weighing.estimated.amount, locale)}
              {part.weighing.status === "required" ? ` · ${t("partToWeigh")}` : null}
              {part.weighing.status === "contact_buyer" ? ` · ${t("partWeighContact")}` : null}
            </p>
          ) : null}
          <p data-testid="part-total">
            {part.weighing && part.weighing.status !== "required"
              ? t("partActual")
              : t("partTotal")}{" "}
            <strong>{formatVnd(part.amount.amount, locale)}</strong>
          </p>
          {part.deposit ? (
            <p data-testid="part-deposit" data-state={depositKey(part)}>
              {t(`deposit.${depositKey(part)}`, {
                deposit: formatVnd(part.deposit.amount.amount, locale),
                rest: formatVnd(part.deposit.rest.amount, locale),
              })}
            </p>
          ) : null}
          {part.preorderNote ? (
            <p className="notice" data-testid="part-preorder-note">
              {locale === "en" && part.preorderNote.en
                ? part.preorderNote.en
                : part.preorderNote.vi}
            </p>
          ) : null}
          {part.deliveredAt ? (
            <p className="muted">
              {t("deliveredOn", { date: formatDate(part.deliveredAt, locale) })}
            </p>
          ) : null}
          {part.seller.phone ? (
            <p className="muted" data-testid="seller-phone">
              {t.rich("sellerPhone", {
                phone: formatPhone(part.seller.phone),
                call: (text) => <a href={telHref(part.seller.phone ?? "")}>{text}</a>,
              })}
            </p>
          ) : null}
          {showQr && part.vietqr ? (
            <>
              {part.deposit && part.status !== "canceled" ? (
                <p className="muted" data-testid="vietqr-for">
                  {part.deposit.status === "awaiting"
                    ? t("deposit.qrDeposit")
                    : t("deposit.qrRest")}
                </p>
              ) : null}
              <VietQrPanel qr={part.vietqr} sellerName={part.seller.name} />
            </>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
