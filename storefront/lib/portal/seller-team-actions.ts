"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { backend } from "./api"
import { type FormState, failureState, readText } from "./seller-form"

// The owner's team actions: invite staff by email, grant a signed-up helper (by email), revoke
// a grant. Each ends on the team page with a short status, or comes back with the reason.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

async function setup(form: FormData) {
  const locale = formLocale(form)
  const f = await getTranslations({ locale, namespace: "Portal.sellerForm" })
  const t = await getTranslations({ locale, namespace: "Portal.team" })
  const texts = {
    unavailable: f("unavailable"),
    signInAgain: f("signInAgain"),
    failed: f("failed"),
  }
  const done = (status: string) =>
    redirect(`${localePath(locale, "/seller/team")}?status=${status}`)
  return { locale, t, texts, done }
}

async function byEmail(path: string, status: string, form: FormData): Promise<FormState> {
  const { locale, t, texts, done } = await setup(form)
  const v = readText(form, ["email"])
  if (!EMAIL.test(v.email))
    return { values: v, errors: { email: t("errors.email") }, formError: null }
  const sent = await backend(path, { method: "POST", locale, body: { email: v.email } })
  if (!sent.ok) {
    // "No helper has signed up with …" is a 404 about the email typed: show it beside the field.
    const error = sent.error.status === 404 ? { ...sent.error, field: "email" } : sent.error
    return failureState(error, v, { email: { name: "email", label: t("email") } }, texts)
  }
  done(status)
  return { values: v, errors: {}, formError: null }
}

export async function inviteStaff(_previous: FormState, form: FormData): Promise<FormState> {
  return byEmail("/seller/invites", "invited", form)
}

export async function grantHelper(_previous: FormState, form: FormData): Promise<FormState> {
  return byEmail("/seller/helpers", "granted", form)
}

export async function revokeHelper(_previous: FormState, form: FormData): Promise<FormState> {
  const { locale, texts, done } = await setup(form)
  const grant = String(form.get("grant_id") ?? "")
  const revoked = await backend(`/seller/helpers/${encodeURIComponent(grant)}`, {
    method: "DELETE",
    locale,
  })
  if (!revoked.ok) return failureState(revoked.error, {}, {}, texts)
  done("revoked")
  return { values: {}, errors: {}, formError: null }
}
