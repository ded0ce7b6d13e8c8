import { getLocale, getTranslations } from "next-intl/server"
import { formatVnd } from "@/lib/money"

const KNOWN = ["pickup_seller", "pickup_village", "delivery_commune", "delivery_elsewhere"] as const
type KnownCode = (typeof KNOWN)[number]
const isKnown = (code: string | null): code is KnownCode =>
  (KNOWN as readonly string[]).includes(code ?? "")

/**
 * How a shipping option is named and priced on every page that shows it (checkout, the buyer's
 * order, the seller's order), so the buyer reads the same words from choice to delivery and in
 * the page's language. The backend's own (Vietnamese) name only shows for a code we do not know.
 */
export async function shippingNames() {
  const t = await getTranslations("Shipping")
  const locale = await getLocale()
  return {
    name(option: { code: string | null; name: string }): string {
      if (!isKnown(option.code)) return option.name
      const village = /thôn\s+(.+)$/i.exec(option.name)?.[1]
      return t(`options.${option.code}`, { village: village ?? "" })
    },
    /** null: priced later (by weight, once the seller has weighed the part). */
    price(amount: number | null): string {
      if (amount === null) return t("priceLater")
      return amount === 0 ? t("free") : formatVnd(amount, locale)
    },
  }
}
