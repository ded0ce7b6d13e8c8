import { getLocale, getTranslations } from "next-intl/server"
import type { Cart } from "@/lib/medusa/cart-types"
import { formatVnd } from "@/lib/money"
import { vietnameseLang } from "@/lib/text/localized"

/** What the buyer is about to pay: items, shipping once chosen, and the total. */
export async function OrderSummary({
  cart,
  shippingChosen,
}: {
  cart: Cart
  shippingChosen: boolean
}) {
  const t = await getTranslations("Checkout")
  const locale = await getLocale()
  const tShipping = await getTranslations("Shipping")
  return (
    <section className="order-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("summary")}</h2>
      <ul>
        {cart.lines.map((line) => (
          <li key={line.id}>
            <span>
              {line.quantity} × <span lang={vietnameseLang(locale)}>{line.title}</span>
              {line.soldByWeight ? (
                <span className="choice-hint" data-testid="weight-tolerance">
                  {t("weightTolerance", { pct: line.soldByWeight.tolerancePct })}
                </span>
              ) : null}
            </span>
            <span>{formatVnd(line.total.amount, locale)}</span>
          </li>
        ))}
      </ul>
      <dl>
        <dt>{t("subtotal")}</dt>
        <dd>{formatVnd(cart.subtotal.amount, locale)}</dd>
        <dt>{t("shipping")}</dt>
        <dd data-testid="checkout-shipping">
          {!shippingChosen
            ? t("shippingPending")
            : cart.shippingTotal.amount === 0
              ? tShipping("free")
              : formatVnd(cart.shippingTotal.amount, locale)}
        </dd>
        <dt>{t("total")}</dt>
        <dd data-testid="checkout-total">
          <strong>{formatVnd(cart.total.amount, locale)}</strong>
        </dd>
      </dl>
    </section>
  )
}
