import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { chooseSavedAddress } from "@/lib/medusa/checkout-actions"
import type { SavedAddress } from "@/lib/medusa/customer-addresses"
import { formatPhone } from "@/lib/phone"

/** A signed-in buyer's saved addresses, each one tap (a plain post) away from the cart. */
export async function SavedAddresses({
  locale,
  addresses,
}: {
  locale: Locale
  addresses: SavedAddress[]
}) {
  if (!addresses.length) return null
  const t = await getTranslations("Checkout.address")
  return (
    <div className="saved-addresses" data-testid="saved-addresses">
      <h3>{t("savedTitle")}</h3>
      <ul>
        {addresses.map((address) => (
          <li key={address.id} data-testid="saved-address">
            <p>
              <strong>{address.fullName}</strong> · {formatPhone(address.phone)}
            </p>
            <p>
              {address.line}, {address.communeName}, {address.provinceName}
            </p>
            <form action={chooseSavedAddress}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="address_id" value={address.id} />
              <button type="submit" className="button button-secondary">
                {t("useSaved")}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p>{t("orNew")}</p>
    </div>
  )
}
