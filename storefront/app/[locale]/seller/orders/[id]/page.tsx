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
import { amountDue, buyerLines, orderActions, weighableItems } from "@/lib/portal/seller-orders"
import { isMissing } from "@/lib/portal/seller-products"
import { getSellerOrder } from "@/lib/portal/seller-reads"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ status?: string; confirm?: string }>
}

const STATUSES = ["confirm-payment", "ship", "deliver", "cancel", "weigh", "accept-weight"] as const
/** The steps asked again before they are taken. */
const CONFIRMED = ["ship", "deliver", "cancel"] as const
type Confirmed = (typeof CONFIRMED)[number]

const CONFIRM_TEXT = {
  ship: { title: "shipConfirmTitle", hint: "shipConfirmHint", submit: "shipConfirm" },
  deliver: { title: "deliverConfirmTitle", hint: "deliverConfirmHint", submit: "deliverConfirm" },
  cancel: { title: "cancelConfirmTitle", hint: "cancelConfirmHint", submit: "cancelConfirm" },
} as const satisfies Record<Confirmed, { title: string; hint: string; submit: string }>

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
  // "Đã gửi hàng đi", "Khách đã nhận hàng" and "Huỷ đơn" cannot be undone: each is a link to this
  // page with `?confirm=`, which asks once more (plain links and forms, so it works without
  // JavaScript); while one is being confirmed, the other buttons step aside.
  const possible = orderActions(order)
  const confirming = CONFIRMED.find((a) => a === confirm && possible[a])
  const can = confirming
    ? {
        confirmPayment: false,
        weigh: false,
        acceptWeight: false,
        ship: false,
        deliver: false,
        cancel: false,
      }
    : possible
  const weighable = weighableItems(order)
  const weighing = order.weighing
  const kg = (grams: number) =>
    (grams / 1000).toLocaleString(locale === "en" ? "en-US" : "vi-VN", {
      maximumFractionDigits: 3,
    })
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
          {weighing && weighing.status !== "none" ? (
            <>
              <dt>{t("estimated")}</dt>
              <dd data-testid="order-estimated">{formatVnd(weighing.estimated_amount, locale)}</dd>
            </>
          ) : null}
          <dt>
            {weighing && (weighing.status === "weighed" || weighing.status === "accepted")
              ? t("actual")
              : t("total")}
          </dt>
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

      {weighing?.status === "contact_buyer" ? (
        <section className="notice notice-error" data-testid="weighing-contact">
          <h2>{t("contactTitle")}</h2>
          <p>
            {t("contactHint", {
              amount: formatVnd(order.amount, locale),
              estimated: formatVnd(weighing.estimated_amount, locale),
            })}
          </p>
          {can.acceptWeight ? (
            <SellerForm
              id="accept-weight"
              testId="accept-weight-form"
              action={orderAction}
              initial={emptyFormState()}
              hidden={hidden("accept-weight")}
              submit={t("acceptWeight")}
              pendingLabel={t("working")}
              fields={[]}
            />
          ) : null}
        </section>
      ) : null}
      {can.weigh && weighable.length ? (
        <section data-testid="weigh-section">
          <h2>{t("weighTitle")}</h2>
          <p>
            {t("weighHint", {
              pct: Math.max(
                ...weighable.map((i) => i.metadata?.sold_by_weight?.tolerance_pct ?? 0),
              ),
            })}
          </p>
          <SellerForm
            id="weigh"
            testId="weigh-form"
            action={orderAction}
            initial={emptyFormState()}
            hidden={{ ...hidden("weigh"), items: weighable.map((i) => i.id).join(",") }}
            submit={t("weigh")}
            pendingLabel={t("working")}
            fields={weighable.map((item) => {
              const rule = item.metadata!.sold_by_weight!
              return {
                name: `kg_${item.id}`,
                label: t("weightLabel"),
                hint: t("weightFor", {
                  title: item.title,
                  quantity: item.quantity,
                  kg: kg(rule.grams * item.quantity),
                  price: formatVnd(rule.price_per_kg, locale),
                }),
                required: true,
                pattern: "[0-9]+([.,][0-9]{1,3})?",
                inputMode: "text" as const,
              }
            })}
          />
        </section>
      ) : null}
      {weighing?.topup?.status === "awaiting" && order.payment.status === "captured" ? (
        <p className="field-hint" data-testid="weighing-topup">
          {t("topupHint", { amount: formatVnd(weighing.topup.amount, locale) })}
        </p>
      ) : null}
      {can.confirmPayment ? (
        <section>
          <h2>{t("confirmPaymentTitle")}</h2>
          <p>
            {t("confirmPaymentHint", {
              amount: formatVnd(amountDue(order), locale),
              reference: order.reference,
            })}
          </p>
          <SellerForm
            id="confirm-payment"
            testId="confirm-payment-form"
            action={orderAction}
            initial={emptyFormState({ amount: String(amountDue(order)) })}
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
        <div className="seller-step">
          <a className="button button-wide" href={`${here}?confirm=ship`} data-testid="ship-link">
            {t("ship")}
          </a>
          <p className="field-hint">{t("shipHint")}</p>
        </div>
      ) : null}
      {can.deliver ? (
        <div className="seller-step">
          <a
            className="button button-wide"
            href={`${here}?confirm=deliver`}
            data-testid="deliver-link"
          >
            {t("deliver")}
          </a>
          <p className="field-hint">
            {order.payment.method === "cod" ? t("deliverCodHint") : t("deliverHint")}
          </p>
        </div>
      ) : null}
      {can.cancel ? (
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
      {confirming ? (
        <section
          className={`notice ${confirming === "cancel" ? "notice-error" : "seller-confirm"}`}
          aria-labelledby="confirm-title"
          data-testid="confirm-step"
        >
          <h2 id="confirm-title">{t(CONFIRM_TEXT[confirming].title)}</h2>
          <p>
            {t(
              confirming === "deliver" && order.payment.method === "cod"
                ? "deliverConfirmCodHint"
                : CONFIRM_TEXT[confirming].hint,
            )}
          </p>
          <SellerForm
            id={confirming}
            testId={`${confirming}-form`}
            action={orderAction}
            initial={emptyFormState()}
            hidden={hidden(confirming)}
            submit={t(CONFIRM_TEXT[confirming].submit)}
            danger={confirming === "cancel"}
            pendingLabel={t("working")}
            fields={[]}
          />
          <a href={here} data-testid="confirm-keep">
            {confirming === "cancel" ? t("cancelKeep") : t("confirmKeep")}
          </a>
        </section>
      ) : null}
    </SellerFrame>
  )
}
