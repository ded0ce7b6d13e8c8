import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { backend } from "@/lib/portal/api"
import { saveNotificationSettings } from "@/lib/portal/seller-notification-actions"

type Settings = {
  settings: { email: boolean; sms: boolean; zalo: boolean; phone: string | null }
  available: { email: boolean; sms: boolean; zalo: boolean }
}

/** 84912345678 → 0912 345 678, as people write it. */
const showPhone = (phone: string | null) =>
  phone ? `0${phone.slice(2, 5)} ${phone.slice(5, 8)} ${phone.slice(8)}` : ""

/**
 * The owner's choice of notification channels (e-mail, SMS, Zalo) and the mobile number for SMS
 * and Zalo. Others who work for the seller do not see it (the backend answers them 403).
 */
export async function SellerNotificationSettings({
  locale,
  status,
}: {
  locale: Locale
  status: string | undefined
}) {
  const answer = await backend<Settings>("/seller/notification-settings", { locale })
  if (!answer.ok) return null
  const t = await getTranslations("SellerNotifications")
  const { settings, available } = answer.data
  const problem = status === "phone" || status === "channel" || status === "failed" ? status : null
  const channel = (name: "email" | "sms" | "zalo") => (
    <label className="choice" key={name}>
      <input
        type="checkbox"
        name={name}
        defaultChecked={settings[name]}
        disabled={!available[name] && !settings[name]}
        data-testid={`notify-${name}`}
      />
      <span>
        {t(name)}
        {available[name] ? null : ` (${t("unavailable")})`}
      </span>
    </label>
  )
  return (
    <section
      id="notifications"
      aria-labelledby="notifications-title"
      data-testid="notification-settings"
    >
      <h2 id="notifications-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {status === "saved" ? (
        <p className="notice notice-ok" role="status">
          {t("saved")}
        </p>
      ) : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {t(`errors.${problem}`)}
        </p>
      ) : null}
      <form action={saveNotificationSettings} className="checkout-form seller-form">
        <input type="hidden" name="locale" value={locale} />
        <fieldset>
          <legend>{t("title")}</legend>
          {channel("email")}
          {channel("sms")}
          {channel("zalo")}
        </fieldset>
        <div className="seller-field">
          <label htmlFor="notify-phone">{t("phone")}</label>
          <input
            id="notify-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            pattern="\+?[0-9 .\-]{9,15}"
            defaultValue={showPhone(settings.phone)}
            aria-describedby="notify-phone-hint"
            aria-invalid={problem === "phone" ? true : undefined}
          />
          <p className="field-hint" id="notify-phone-hint">
            {t("phoneHint")}
          </p>
        </div>
        <button type="submit" className="button button-wide">
          {t("submit")}
        </button>
      </form>
    </section>
  )
}
