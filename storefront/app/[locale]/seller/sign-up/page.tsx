import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerForm } from "@/components/portal/seller-form"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { listProvinces } from "@/lib/medusa/admin-units"
import { NAPAS_BANKS } from "@/lib/portal/seller-banks"
import { emptyFormState } from "@/lib/portal/seller-form"
import { signUpSeller } from "@/lib/portal/seller-signup-actions"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.signUp")
  return { title: t("title"), robots: { index: false } }
}

/** A cooperative or household asks to sell; the commune approves it before its goods show. */
export default async function SellerSignUpPage({ params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.signUp")
  const tSeller = await getTranslations("Portal.seller")
  // Without the backend the pickers are empty; the form still says what to do and posts.
  const provinces = await listProvinces().catch(() => [])
  return (
    <PortalShell
      locale={locale}
      portal="seller"
      pathname="/seller/sign-up"
      title={tSeller("portalName")}
    >
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {provinces.length === 0 ? (
        <p className="notice notice-error" role="alert">
          {t("unitsUnavailable")}
        </p>
      ) : null}
      <SellerForm
        id="sign-up"
        testId="sign-up-form"
        action={signUpSeller}
        initial={emptyFormState({ kind: "cooperative" })}
        hidden={{ locale }}
        submit={t("submit")}
        pendingLabel={t("sending")}
        fields={[
          {
            name: "name",
            label: t("name"),
            hint: t("nameHint"),
            required: true,
            minLength: 2,
          },
          {
            name: "kind",
            label: t("kind"),
            type: "radio",
            required: true,
            options: [
              { value: "cooperative", label: t("kindCooperative") },
              { value: "household", label: t("kindHousehold") },
            ],
          },
          {
            name: "province_code",
            label: t("province"),
            type: "province",
            required: true,
            placeholder: t("chooseProvince"),
            options: provinces.map((p) => ({ value: p.code, label: p.name })),
          },
          {
            name: "commune_code",
            label: t("commune"),
            type: "commune",
            required: true,
            placeholder: t("chooseCommune"),
            options: [],
          },
          {
            name: "village_code",
            label: t("village"),
            type: "village",
            placeholder: t("chooseVillage"),
          },
          {
            name: "address",
            label: t("address"),
            hint: t("addressHint"),
            required: true,
            minLength: 3,
          },
          {
            name: "phone",
            label: t("phone"),
            type: "tel",
            required: true,
            pattern: "\\+?[0-9 .\\-]{8,15}",
            inputMode: "tel",
            autoComplete: "tel",
          },
          {
            name: "bank_bin",
            label: t("bank"),
            type: "select",
            hint: t("bankHint"),
            placeholder: t("chooseBank"),
            options: NAPAS_BANKS.map((b) => ({ value: b.bin, label: b.name })),
          },
          {
            name: "bank_account_number",
            label: t("accountNumber"),
            pattern: "[0-9A-Za-z]{4,19}",
            inputMode: "numeric",
          },
          {
            name: "bank_account_name",
            label: t("accountName"),
            hint: t("accountNameHint"),
            minLength: 2,
          },
          {
            name: "owner_name",
            label: t("ownerName"),
            required: true,
            minLength: 2,
            autoComplete: "name",
          },
          {
            name: "owner_phone",
            label: t("ownerPhone"),
            type: "tel",
            pattern: "\\+?[0-9 .\\-]{8,15}",
            inputMode: "tel",
          },
          {
            name: "email",
            label: t("email"),
            type: "email",
            required: true,
            autoComplete: "email",
          },
          {
            name: "password",
            label: t("password"),
            type: "password",
            hint: t("passwordHint"),
            required: true,
            minLength: 8,
            autoComplete: "new-password",
          },
        ]}
      />
      <p>
        {t("haveAccount")} <a href={localePath(locale, "/seller/sign-in")}>{t("signInLink")}</a>
      </p>
    </PortalShell>
  )
}
