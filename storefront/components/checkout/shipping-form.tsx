import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import type { SellerPart } from "@/lib/medusa/cart-types"
import { saveShipping } from "@/lib/medusa/checkout-actions"
import { shippingNames } from "./shipping-names"

type Props = { locale: Locale; parts: SellerPart[]; communeCode: string }

/**
 * One choice per seller: each cooperative hands over its own part. Delivery inside the commune
 * is only offered when the address is in the seller's commune (the backend refuses it otherwise).
 */
export async function ShippingForm({ locale, parts, communeCode }: Props) {
  const t = await getTranslations("Shipping")
  const names = await shippingNames()
  return (
    <form action={saveShipping} className="checkout-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="part_count" value={parts.length} />
      {parts.map((part, index) => {
        const options = part.options.filter(
          (o) => o.code !== "delivery_commune" || part.seller.communeCode === communeCode,
        )
        // Nothing is preselected: some options cost money, so the buyer chooses each time.
        const checked = part.selectedOptionId
        return (
          <fieldset key={part.seller.id} className="seller-part" data-testid="seller-part">
            <legend>
              {t("partTitle", { index: index + 1, count: parts.length, seller: part.seller.name })}
            </legend>
            <ul className="part-items">
              {part.lines.map((line) => (
                <li key={line.id}>
                  {line.quantity} × {line.title}
                </li>
              ))}
            </ul>
            {options.length === 0 ? (
              <p className="field-error">{t("noOption")}</p>
            ) : (
              options.map((option) => (
                <label key={option.id} className="choice">
                  <input
                    type="radio"
                    name={`option_${part.seller.id}`}
                    value={option.id}
                    defaultChecked={option.id === checked}
                    required
                  />
                  <span>
                    {names.name(option)}
                    <strong className="choice-price">
                      {names.price(option.amount?.amount ?? null)}
                    </strong>
                  </span>
                </label>
              ))
            )}
          </fieldset>
        )
      })}
      <button type="submit" className="button button-wide">
        {t("submit")}
      </button>
    </form>
  )
}
