import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { shippingNames } from "@/components/checkout/shipping-names"
import { SellerStatus, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerForm } from "@/components/portal/seller-form"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatVnd } from "@/lib/money"
import { formatPhone, telHref } from "@/lib/phone"
import { sellerContext } from "@/lib/portal/context"
import { emptyFormState } from "@/lib/portal/seller-form"
import { orderAction } from "@/lib/portal/seller-order-actions"
import { buyerLines, orderActions } from "@/lib/portal/seller-orders"
import { isMissing } from "@/lib/portal/seller-products"
import { getSellerOrder } from "@/lib/portal/seller-reads"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ status?: string; confirm?: string }>
}

const STATUSES = ["confirm-payment", "ship", "deliver", "cancel"] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.orders")
  return { title: t("detailTitle"), robots: { index: false } }
}

/** One order part: what to send, to whom, how it is paid, and the next step. */
export default async function SellerOrderPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const { status, confirm } = await searchParams
  const t = await getTranslations("Portal.orders")
  const path = `/seller/orders/${encodeURIComponent(id)}`
  const here = localePath(locale, path)
  const context = await sellerContext(locale, here)
  if (context === "unavailable") return <SellerUnavailable locale={locale} path={path} />
  const found = await getSellerOrder(locale, id)
  if (isMissing(found)) notFound()
  if (!found.ok) return <SellerUnavailable locale={locale} path={path} />
  const order = found.data.order
  const buyer = buyerLines(order)
  const names = await shippingNames()
  // While the seller confirms a cancellation, the other buttons step aside.
  const cancelling = confirm === "cancel" && orderActions(order).cancel
  const can = cancelling
    ? { confirmPayment: false, ship: false, deliver: false, cancel: true }
    : orderActions(order)
  const known = STATUSES.find((s) => s === status)
  const hidden = (action: string) => ({ locale, order_id: order.part_order_id, action })
  return (
    <SellerFrame locale={locale} me={context.me} section="/orders" pathname={path}>
      <a className="back-link" href={localePath(locale, "/seller/orders")}>
        {t("back")}
      </a>
      <h1>{t("orderTitle", { reference: order.reference })}</h1>
      <SellerStatus message={known ? t(`done.${known}`) : null} />
      <p>
        <span className={`badge badge-${order.status}`} data-testid="order-status">
          {t(`status.${order.status}`)}
        </span>{" "}
        <span className={`badge badge-pay-${order.payment.status}`} data-testid="payment-status">
          {t(`payment.${order.payment.method}`)}: {t(`paymentStatus.${order.payment.status}`)}
        </span>
      </p>

      <section className="order-summary seller-order-items">
        <h2>{t("items")}</h2>
        <ul>
          {order.items.map((item) => (
            <li key={item.id}>
              <span>
                {item.title} × {item.quantity}
              </span>
              <span>{formatVnd(item.total, locale)}</span>
            </li>
          ))}
        </ul>
        <dl>
          <dt>{t("shipping")}</dt>
          <dd>
            {order.shipping
              ? `${names.name(order.shipping)} · ${names.price(order.shipping.amount)}`
              : "—"}
          </dd>
          <dt>{t("total")}</dt>
          <dd data-testid="order-amount">{formatVnd(order.amount, locale)}</dd>
        </dl>
      </section>

      <section className="notice seller-buyer" data-testid="order-buyer">
        <h2>{t("buyer")}</h2>
        <p>{buyer.name || "—"}</p>
        <p>{buyer.address || t("noAddress")}</p>
        {buyer.phone ? (
          <p>
            <a href={telHref(buyer.phone)}>{formatPhone(buyer.phone)}</a>
          </p>
        ) : null}
      </section>

      {can.confirmPayment ? (
        <section>
          <h2>{t("confirmPaymentTitle")}</h2>
          <p>
            {t("confirmPaymentHint", {
              amount: formatVnd(order.amount, locale),
              reference: order.reference,
            })}
          </p>
          <SellerForm
            id="confirm-payment"
            testId="confirm-payment-form"
            action={orderAction}
            initial={emptyFormState({ amount: String(order.amount) })}
            hidden={hidden("confirm-payment")}
            submit={t("confirmPayment")}
            pendingLabel={t("working")}
            fields={[
              {
                name: "amount",
                label: t("amount"),
                required: true,
                pattern: "[0-9][0-9 .]*",
                inputMode: "numeric",
              },
            ]}
          />
        </section>
      ) : null}
      {can.ship ? (
        <SellerForm
          id="ship"
          testId="ship-form"
          action={orderAction}
          initial={emptyFormState()}
          hidden={hidden("ship")}
          submit={t("ship")}
          pendingLabel={t("working")}
          fields={[]}
        >
          <p className="field-hint">{t("shipHint")}</p>
        </SellerForm>
      ) : null}
      {can.deliver ? (
        <SellerForm
          id="deliver"
          testId="deliver-form"
          action={orderAction}
          initial={emptyFormState()}
          hidden={hidden("deliver")}
          submit={t("deliver")}
          pendingLabel={t("working")}
          fields={[]}
        >
          <p className="field-hint">
            {order.payment.method === "cod" ? t("deliverCodHint") : t("deliverHint")}
          </p>
        </SellerForm>
      ) : null}
      {can.cancel && !cancelling ? (
        <p>
          <a
            className="button button-secondary button-wide"
            href={`${here}?confirm=cancel`}
            data-testid="cancel-link"
          >
            {t("cancel")}
          </a>
        </p>
      ) : null}
      {cancelling ? (
        <section className="notice notice-error" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("cancelConfirmTitle")}</h2>
          <p>{t("cancelConfirmHint")}</p>
          <SellerForm
            id="cancel"
            testId="cancel-form"
            action={orderAction}
            initial={emptyFormState()}
            hidden={hidden("cancel")}
            submit={t("cancelConfirm")}
            danger
            pendingLabel={t("working")}
            fields={[]}
          />
          <a href={here}>{t("cancelKeep")}</a>
        </section>
      ) : null}
    </SellerFrame>
  )
}
