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
  takeRoleChoice,
  writeActingFor,
  writePortalSession,
  writeRoleChoice,
} from "./session"
import { isPortalActor, planSignIn, portalOf, rolesOfToken } from "./sign-in-roles"

export type SignInState = {
  email: string
  error: string | null
  /** The login holds several roles: the person picks one (its token is already kept). */
  roles?: PortalActor[]
}

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

const login = (actor: PortalActor, email: string, password: string, locale: Locale) =>
  backend<{ token: string }>(`/auth/${actor}/emailpass`, {
    method: "POST",
    body: { email, password },
    locale,
    token: null,
  })

/** Signed in as `actor`: its portal's page asked for, or the home of the portal it belongs to. */
async function enter(
  form: FormData,
  locale: Locale,
  portal: string,
  actor: PortalActor,
  token: string,
): Promise<never> {
  await writePortalSession(token, actor)
  const home = portalOf(actor)
  redirect(home === portal ? nextPath(form, locale, home) : localePath(locale, `/${home}`))
}

/**
 * One password check (src/lib/portal/sign-in-roles.ts says why only one): as the role chosen, or
 * the portal's first role; the roles the login holds come with its token.
 */
export async function portalSignIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const locale = formLocale(form)
  const portal = form.get("portal") === "commune" ? "commune" : "seller"
  const t = await getTranslations({ locale, namespace: "Portal.signIn" })
  const email = String(form.get("email") ?? "").trim()
  const password = String(form.get("password") ?? "")
  const chosen = isPortalActor(form.get("actor")) ? (form.get("actor") as PortalActor) : null
  if (!email || !password) return { email, error: t("missing") }
  const first = chosen ?? (portal === "seller" ? SELLER_ACTORS : COMMUNE_ACTORS)[0]!
  const checked = await login(first, email, password, locale)
  if (!checked.ok) {
    const { status, message } = checked.error
    if (status === 0 || status >= 500) return { email, error: t("unavailable") }
    // Too many failures: the backend's own words say how long to wait, in the page's language.
    if (status === 429) return { email, error: message || t("tooMany") }
    return { email, error: t("wrong") }
  }
  const roles = rolesOfToken(checked.data.token)
  const plan = planSignIn(portal, roles, chosen)
  if (plan.kind === "none") return { email, error: t(`noRole.${portal}`) }
  // The password is right: a login as another of its roles succeeds (and counts no failure).
  const tokenFor = async (actor: PortalActor) => {
    if (actor === first) return checked.data.token
    const again = await login(actor, email, password, locale)
    return again.ok ? again.data.token : null
  }
  if (plan.kind === "use") {
    const token = await tokenFor(plan.actor)
    if (!token) return { email, error: t("unavailable") }
    return enter(form, locale, portal, plan.actor, token)
  }
  const tokens: Partial<Record<PortalActor, string>> = {}
  for (const actor of plan.roles) {
    const token = await tokenFor(actor)
    if (!token) return { email, error: t("unavailable") }
    tokens[actor] = token
  }
  await writeRoleChoice(tokens)
  return { email, error: null, roles: plan.roles }
}

/** The person picked one of the login's roles; its token was kept by portalSignIn. */
export async function portalChooseRole(form: FormData) {
  const locale = formLocale(form)
  const portal = form.get("portal") === "commune" ? "commune" : "seller"
  const actor = form.get("actor")
  const token = isPortalActor(actor) ? await takeRoleChoice(actor) : null
  if (!token || !isPortalActor(actor)) {
    redirect(`${localePath(locale, `/${portal}/sign-in`)}?status=choice-expired`)
  }
  await enter(form, locale, portal, actor, token)
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
