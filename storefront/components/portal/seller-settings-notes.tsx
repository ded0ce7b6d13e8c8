import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { SellerMe } from "@/lib/portal/context"
import { bankName } from "@/lib/portal/seller-banks"
import {
  payeeState,
  pendingFields,
  type ReviewedField,
  reviewed,
} from "@/lib/portal/seller-settings"

type Props = { locale: Locale; seller: SellerMe["seller"]; owner: boolean }

/** A reviewed value as a person reads it: the bank's name rather than its BIN. */
const shown = (field: ReviewedField, value: string) =>
  field === "bank_bin" && value ? bankName(value) : value

/** "Chờ xã duyệt": each change waiting for the commune, the value in use beside the new one. */
export async function SellerPendingChanges({ locale, seller, owner }: Props) {
  const t = await getTranslations("Portal.settings")
  const fields = pendingFields(seller, owner)
  if (!fields.length) return null
  return (
    <section
      className="notice seller-review"
      data-testid="settings-pending"
      aria-labelledby="pending-title"
    >
      <h2 id="pending-title" className="notice-title">
        {t("pendingTitle")}
      </h2>
      <p>
        {seller.pending_changes_at
          ? t("pendingSince", { date: formatDate(new Date(seller.pending_changes_at), locale) })
          : t("pendingIntro")}
      </p>
      <dl>
        {fields.map((field) => {
          const { live, pending } = reviewed(seller, field)
          return (
            <div key={field} data-testid={`pending-${field}`}>
              <dt>{t(field)}</dt>
              <dd>
                {t("liveValue")} {shown(field, live) || t("empty")}
              </dd>
              <dd>
                {t("pendingValue")} <strong>{shown(field, pending ?? "") || t("empty")}</strong>
              </dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
}

/** Whether buyers can pay by VietQR yet: the commune confirms the payee first. */
export async function SellerPayeeState({ locale, seller, owner }: Props) {
  const t = await getTranslations("Portal.settings")
  if (!owner) {
    return (
      <p className="notice" data-testid="settings-payee-owner-only">
        {t("payeeOwnerOnly")}
      </p>
    )
  }
  const state = payeeState(seller)
  const ok = state === "confirmed"
  return (
    <p
      className={`notice ${ok ? "notice-ok" : "seller-review"}`}
      data-testid="settings-payee-state"
    >
      {state === "confirmed"
        ? t("payee.confirmed", {
            date: formatDate(new Date(seller.payee_confirmed_at ?? Date.now()), locale),
          })
        : t(`payee.${state}`)}
    </p>
  )
}
