"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { backend } from "./api"
import {
  COMMUNE_ACTORS,
  clearPortalSession,
  type PortalActor,
  SELLER_ACTORS,
  writeActingFor,
  writePortalSession,
} from "./session"

export type SignInState = { email: string; actor: string; error: string | null }

/** Only a path inside the portal: never an open redirect. */
function nextPath(form: FormData, locale: Locale, portal: "seller" | "commune"): string {
  const next = form.get("next")
  const home = localePath(locale, `/${portal}`)
  return typeof next === "string" &&
    next.startsWith(`/${locale}/${portal}`) &&
    !next.startsWith("//")
    ? next
    : home
}

export async function portalSignIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const locale = formLocale(form)
  const portal = form.get("portal") === "commune" ? "commune" : "seller"
  const t = await getTranslations({ locale, namespace: "Portal.signIn" })
  const email = String(form.get("email") ?? "").trim()
  const password = String(form.get("password") ?? "")
  const actor = String(form.get("actor") ?? "") as PortalActor
  const allowed = portal === "seller" ? SELLER_ACTORS : COMMUNE_ACTORS
  if (!email || !password) return { email, actor, error: t("missing") }
  if (!allowed.includes(actor)) return { email, actor, error: t("chooseRole") }
  const result = await backend<{ token: string }>(`/auth/${actor}/emailpass`, {
    method: "POST",
    body: { email, password },
    locale,
    token: null,
  })
  if (!result.ok) {
    const unreachable = result.error.status === 0 || result.error.status >= 500
    return { email, actor, error: unreachable ? t("unavailable") : t("wrong") }
  }
  await writePortalSession(result.data.token, actor)
  redirect(nextPath(form, locale, portal))
}

export async function portalSignOut(form: FormData) {
  const locale = formLocale(form)
  const portal = form.get("portal") === "commune" ? "commune" : "seller"
  await clearPortalSession()
  redirect(localePath(locale, `/${portal}/sign-in`))
}

/** A helper picks the seller it acts for; the choice is checked on every request by the backend. */
export async function chooseSeller(form: FormData) {
  const locale = formLocale(form)
  const sellerId = form.get("seller_id")
  await writeActingFor(typeof sellerId === "string" && sellerId ? sellerId : null)
  redirect(nextPath(form, locale, "seller"))
}
