import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { SellerStatus, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerChannelFeeds } from "@/components/portal/seller-channel-feeds"
import { type FieldSpec, SellerForm } from "@/components/portal/seller-form"
import { SellerFrame } from "@/components/portal/seller-frame"
import { SellerNotificationSettings } from "@/components/portal/seller-notification-settings"
import { SellerPayeeState, SellerPendingChanges } from "@/components/portal/seller-settings-notes"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { bankName, NAPAS_BANKS } from "@/lib/portal/seller-banks"
import { emptyFormState } from "@/lib/portal/seller-form"
import { isOwner, type ReviewedField, reviewed } from "@/lib/portal/seller-settings"
import { saveSellerSettings } from "@/lib/portal/seller-settings-actions"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ status?: string; notify?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.settings")
  return { title: t("title"), robots: { index: false } }
}

/**
 * The seller's own details: shop name, phone, address and logo for everyone who works for it;
 * the payee (bank, account, holder), the tax code and the invoice series for the owner only. What the commune reviews says so.
 */
export default async function SellerSettingsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.settings")
  const path = "/seller/settings"
  const context = await sellerContext(locale, localePath(locale, path))
  if (context === "unavailable") return <SellerUnavailable locale={locale} path={path} />
  const { me } = context
  const { seller } = me
  const owner = isOwner(me)
  const { status, notify } = await searchParams
  const known = status === "saved" || status === "review" ? status : null

  // Each reviewed field starts at the value it will have once reviewed (the pending one, if
  // any), so saving the form unchanged proposes nothing new; its hint names the live value.
  const value = (field: ReviewedField) => {
    const { live, pending } = reviewed(seller, field)
    return pending ?? live
  }
  const hint = (field: ReviewedField, extra?: string) => {
    const { live, pending } = reviewed(seller, field)
    const review =
      pending === null
        ? t("reviewedHint")
        : t("pendingHint", { live: (field === "bank_bin" ? bankName(live) : live) || t("empty") })
    return extra ? `${extra} ${review}` : review
  }
  const fields: FieldSpec[] = [
    {
      name: "name",
      label: t("name"),
      hint: hint("name"),
      required: true,
      minLength: 2,
    },
    {
      name: "phone",
      label: t("phone"),
      hint: hint("phone"),
      type: "tel",
      required: true,
      pattern: "\\+?[0-9 .\\-]{8,15}",
      inputMode: "tel",
      autoComplete: "tel",
    },
    {
      name: "address",
      label: t("address"),
      hint: hint("address"),
      required: true,
      minLength: 3,
    },
    {
      name: "logo_url",
      label: t("logo"),
      hint: t("logoHint"),
      type: "image",
      keepLabel: t("logoAlt"),
    },
  ]
  if (owner) {
    fields.push(
      {
        name: "bank_bin",
        label: t("bank_bin"),
        hint: hint("bank_bin"),
        type: "select",
        placeholder: t("chooseBank"),
        options: NAPAS_BANKS.map((b) => ({ value: b.bin, label: b.name })),
      },
      {
        name: "bank_account_number",
        label: t("bank_account_number"),
        hint: hint("bank_account_number"),
        pattern: "[0-9A-Za-z .\\-]{4,25}",
        inputMode: "numeric",
      },
      {
        name: "bank_account_name",
        label: t("bank_account_name"),
        hint: hint("bank_account_name", t("accountNameHint")),
        minLength: 2,
        autoComplete: "off",
      },
      // Printed on every invoice (seller portal Invoices): owner-only, like the payee.
      {
        name: "tax_code",
        label: t("tax_code"),
        hint: t("taxCodeHint"),
        pattern: "[0-9]{10}(-[0-9]{3})?",
        inputMode: "numeric",
        autoComplete: "off",
      },
      {
        name: "invoice_series",
        label: t("invoice_series"),
        hint: t("invoiceSeriesHint"),
        pattern: "[1-6]?[CKck][0-9]{2}[TDLMNBGHXtdlmnbghx][A-Za-z]{2}",
        autoComplete: "off",
      },
    )
  }
  const values: Record<string, string> = {
    name: value("name"),
    phone: value("phone"),
    address: value("address"),
    logo_url: seller.logo_url ?? "",
  }
  if (owner) {
    for (const f of ["bank_bin", "bank_account_number", "bank_account_name"] as const) {
      values[f] = value(f)
    }
    values.tax_code = seller.tax_code ?? ""
    values.invoice_series = seller.invoice_series ?? ""
  }
  return (
    <SellerFrame locale={locale} me={me} section="/settings" pathname={path}>
      <h1>{t("title")}</h1>
      <SellerStatus message={known ? t(`status.${known}`) : null} />
      <p>{t("intro")}</p>
      <SellerPendingChanges locale={locale} seller={seller} owner={owner} />
      <SellerPayeeState locale={locale} seller={seller} owner={owner} />
      <SellerForm
        id="settings"
        testId="settings-form"
        action={saveSellerSettings}
        initial={emptyFormState(values)}
        hidden={owner ? { locale, payee: "1" } : { locale }}
        submit={t("submit")}
        pendingLabel={t("saving")}
        fields={fields}
      />
      {owner ? <SellerNotificationSettings locale={locale} status={notify} /> : null}
      <SellerChannelFeeds handle={seller.handle} state={seller.state} />
    </SellerFrame>
  )
}
