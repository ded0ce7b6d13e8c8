import { vietnamToday } from "@coop/contracts/quarters"
import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { type CommuneSeller, ISSUING_LEVELS, OCOP_GROUPS } from "@/lib/portal/commune-types"
import { EntryForm } from "./commune-entry-form"

type Props = {
  locale: Locale
  id?: string
  initial: Record<string, string>
  sellers: CommuneSeller[]
}

/** The registry form with its options and words in the page's language. */
export async function EntryEditor({ locale, id, initial, sellers }: Props) {
  const t = await getTranslations("Portal.registry")
  return (
    <EntryForm
      locale={locale}
      id={id}
      initial={initial}
      today={vietnamToday()}
      sellers={sellers.map((s) => ({
        value: s.id,
        label: s.state === "approved" ? s.name : `${s.name} (${t(`sellerStates.${s.state}`)})`,
      }))}
      groups={OCOP_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
      levels={ISSUING_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
      labels={{
        seller: t("form.seller"),
        chooseSeller: t("form.chooseSeller"),
        productName: t("form.productName"),
        group: t("form.group"),
        chooseGroup: t("form.chooseGroup"),
        stars: t("form.stars"),
        starsOption: t("form.starsOption", { stars: "{stars}" }),
        certificateNumber: t("form.certificateNumber"),
        decisionNumber: t("form.decisionNumber"),
        optional: t("form.optional"),
        issuingLevel: t("form.issuingLevel"),
        chooseLevel: t("form.chooseLevel"),
        issuedOn: t("form.issuedOn"),
        expiresOn: t("form.expiresOn"),
        expiresHint: t("form.expiresHint"),
        submit: id ? t("form.save") : t("form.create"),
        saving: t("form.saving"),
      }}
    />
  )
}
