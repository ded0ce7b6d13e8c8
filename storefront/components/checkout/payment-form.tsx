import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import type { PaymentMethod } from "@/lib/medusa/cart-types"
import { placeOrder } from "@/lib/medusa/checkout-actions"

type Props = { locale: Locale; methods: PaymentMethod[]; total: string }

/** The payment method; cash on delivery and VietQR place the order in this one post. */
export async function PaymentForm({ locale, methods, total }: Props) {
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
      <button type="submit" className="button button-wide" data-testid="place-order">
        {t("submit", { total })}
      </button>
    </form>
  )
}
