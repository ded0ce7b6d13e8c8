import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import type { SellerPart, ShippingOption } from "@/lib/medusa/cart-types"
import { saveShipping } from "@/lib/medusa/checkout-actions"
import { formatVnd } from "@/lib/money"

type Props = { locale: Locale; parts: SellerPart[]; communeCode: string }

const KNOWN = ["pickup_seller", "pickup_village", "delivery_commune", "delivery_elsewhere"] as const
type KnownCode = (typeof KNOWN)[number]
const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code)

/**
 * One choice per seller: each cooperative hands over its own part. Delivery inside the commune
 * is only offered when the address is in the seller's commune (the backend refuses it otherwise).
 */
export async function ShippingForm({ locale, parts, communeCode }: Props) {
  const t = await getTranslations("Shipping")
  const label = (option: ShippingOption) => {
    const code = option.code
    if (!isKnown(code)) return option.name
    const village = /thôn\s+(.+)$/i.exec(option.name)?.[1]
    return t(`options.${code}`, { village: village ?? "" })
  }
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
                    {label(option)}
                    <strong className="choice-price">
                      {option.amount === null
                        ? t("priceLater")
                        : option.amount.amount === 0
                          ? t("free")
                          : formatVnd(option.amount.amount)}
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
