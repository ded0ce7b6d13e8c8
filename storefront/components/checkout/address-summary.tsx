import { getTranslations } from "next-intl/server"
import type { Address } from "@/lib/medusa/cart-types"
import { formatPhone } from "@/lib/phone"

/** The saved address, with a link to change it. */
export async function AddressSummary({
  address,
  email,
  editHref,
}: {
  address: Address
  email: string | null
  editHref: string
}) {
  const t = await getTranslations("Checkout")
  return (
    <div className="address-summary" data-testid="address-summary">
      <p>
        <strong>{address.fullName}</strong> · {formatPhone(address.phone)}
        {email ? <> · {email}</> : null}
      </p>
      <p>
        {address.line}, {address.communeName}, {address.provinceName}
      </p>
      <a href={editHref}>{t("changeAddress")}</a>
    </div>
  )
}
