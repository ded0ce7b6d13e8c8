import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import type { CartLine, PaymentMethod } from "@/lib/medusa/cart-types"
import { placeOrder } from "@/lib/medusa/checkout-actions"

type Props = {
  locale: Locale
  methods: PaymentMethod[]
  total: string
  /** Lines sold by weight, whose tolerance the buyer accepts here. */
  weighed: CartLine[]
  /** Tolerances already accepted (a refused try keeps its ticks). */
  accepted: Record<string, number>
}

/**
 * The payment method; cash on delivery and VietQR place the order in this one post. Produce
 * sold by weight needs the buyer's tick for each line's tolerance: a plain checkbox the server
 * records on the cart, and the backend refuses to place the order without it.
 */
export async function PaymentForm({ locale, methods, total, weighed, accepted }: Props) {
  const t = await getTranslations("Payment")
  return (
    <form action={placeOrder} className="checkout-form">
      <input type="hidden" name="locale" value={locale} />
      <fieldset>
        <legend>{t("legend")}</legend>
        {methods.map((method, index) => (
          <label key={method} className="choice">
            <input
              type="radio"
              name="payment_method"
              value={method}
              defaultChecked={index === 0}
              required
            />
            <span>
              {t(`${method}.name`)}
              <span className="choice-hint">{t(`${method}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {weighed.length ? (
        <fieldset data-testid="weight-acceptance">
          <legend>{t("weighLegend")}</legend>
          {weighed.map((line) => {
            const pct = line.soldByWeight?.tolerancePct ?? 0
            return (
              <label key={line.id} className="choice">
                <input
                  type="checkbox"
                  name="accept_weight"
                  value={`${line.variantId}:${pct}`}
                  defaultChecked={accepted[line.variantId] === pct}
                />
                <span>
                  {t("weighAccept", { title: line.title, pct })}
                  <span className="choice-hint">{t("weighHint")}</span>
                </span>
              </label>
            )
          })}
        </fieldset>
      ) : null}
      <button type="submit" className="button button-wide" data-testid="place-order">
        {t("submit", { total })}
      </button>
    </form>
  )
}
