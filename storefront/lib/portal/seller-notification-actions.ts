"use server"

import { redirect } from "next/navigation"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { backend } from "./api"

// The owner's notification channels: one POST /seller/notification-settings. The backend checks
// the mobile number and that SMS or Zalo have one; the page says what went wrong by the field.

export async function saveNotificationSettings(form: FormData) {
  const locale = formLocale(form)
  const phone = String(form.get("phone") ?? "").trim()
  const saved = await backend("/seller/notification-settings", {
    method: "POST",
    locale,
    body: {
      email: form.get("email") === "on",
      sms: form.get("sms") === "on",
      zalo: form.get("zalo") === "on",
      phone: phone || null,
    },
  })
  const page = localePath(locale, "/seller/settings")
  if (saved.ok) redirect(`${page}?notify=saved#notifications`)
  const field = saved.error.field
  const problem =
    field === "phone" ? "phone" : field === "sms" || field === "zalo" ? "channel" : "failed"
  redirect(`${page}?notify=${problem}#notifications`)
}
