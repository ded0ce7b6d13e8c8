import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import type { AdminUnit, Cart } from "@/lib/medusa/cart-types"
import { AddressForm } from "./address-form"

type Props = {
  locale: Locale
  cart: Cart
  provinces: AdminUnit[]
  communes: AdminUnit[]
  provinceCode: string
}

/** The address form with its labels in the page's language and the cart's saved values. */
export async function AddressStep({ locale, cart, provinces, communes, provinceCode }: Props) {
  const t = await getTranslations("Checkout.address")
  const a = cart.address
  return (
    <AddressForm
      locale={locale}
      provinces={provinces}
      communes={communes}
      initial={{
        values: {
          email: cart.email ?? "",
          full_name: a?.fullName ?? "",
          phone: a?.phone ?? "",
          province_code: provinceCode,
          commune_code: a?.communeCode ?? "",
          line: a?.line ?? "",
        },
        errors: {},
        formError: null,
      }}
      labels={{
        email: t("email"),
        fullName: t("fullName"),
        phone: t("phone"),
        phoneHint: t("phoneHint"),
        province: t("province"),
        commune: t("commune"),
        chooseProvince: t("chooseProvince"),
        chooseCommune: t("chooseCommune"),
        showCommunes: t("showCommunes"),
        searchCommune: t("searchCommune"),
        searchCommunePlaceholder: t("searchCommunePlaceholder"),
        communeMatches: t.raw("communeMatches") as string,
        communeNoMatch: t("communeNoMatch"),
        line: t("line"),
        lineHint: t("lineHint"),
        submit: t("submit"),
        saving: t("saving"),
      }}
    />
  )
}
