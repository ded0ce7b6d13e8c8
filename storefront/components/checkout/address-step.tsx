import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import type { AddressInput } from "@/lib/address"
import type { AdminUnit, Cart } from "@/lib/medusa/cart-types"
import { formatPhone } from "@/lib/phone"
import { AddressForm } from "./address-form"

type Props = {
  locale: Locale
  cart: Cart
  provinces: AdminUnit[]
  communes: AdminUnit[]
  provinceCode: string
  /** What to show when the cart has no address yet: the remembered buyer or a saved address. */
  prefill: AddressInput | null
}

/** The address form with its labels in the page's language and the cart's saved values. */
export async function AddressStep({
  locale,
  cart,
  provinces,
  communes,
  provinceCode,
  prefill,
}: Props) {
  const t = await getTranslations("Checkout.address")
  const a = cart.address
  return (
    <AddressForm
      locale={locale}
      provinces={provinces}
      communes={communes}
      initial={{
        values: {
          email: cart.email ?? prefill?.email ?? "",
          full_name: a?.fullName ?? prefill?.full_name ?? "",
          phone: formatPhone(a?.phone ?? prefill?.phone ?? ""),
          province_code: provinceCode,
          commune_code: a?.communeCode ?? prefill?.commune_code ?? "",
          line: a?.line ?? prefill?.line ?? "",
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
        remember: t("remember"),
      }}
    />
  )
}
