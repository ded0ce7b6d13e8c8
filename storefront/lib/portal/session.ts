import { cookies } from "next/headers"

// Who is signed in to a portal. The backend's token stays in an httpOnly cookie; every call to
// the backend or the traceability service is made by this server with it. A helper (the
// village's community tech team) keeps its own token and the seller it is acting for; the
// short-lived token that acts for that seller is asked for per request (lib/portal/api.ts).

export type PortalActor = "seller_member" | "helper" | "commune_officer" | "province_officer"

export const SELLER_ACTORS: PortalActor[] = ["seller_member", "helper"]
export const COMMUNE_ACTORS: PortalActor[] = ["commune_officer", "province_officer"]

const TOKEN_COOKIE = "coop_portal"
const ACTOR_COOKIE = "coop_portal_actor"
const ACTING_COOKIE = "coop_portal_acting"
/** A login with several roles, between the password check and the person's choice. */
const CHOICE_COOKIE = "coop_portal_choice"

const BASE = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: process.env.COOKIE_SECURE === "true",
  maxAge: 60 * 60 * 12,
}

export type PortalSession = {
  token: string
  actor: PortalActor
  /** For a helper: the seller it chose to act for. */
  actingFor: string | null
}

function isActor(value: string | undefined): value is PortalActor {
  return [...SELLER_ACTORS, ...COMMUNE_ACTORS].includes(value as PortalActor)
}

export async function readPortalSession(): Promise<PortalSession | null> {
  const jar = await cookies()
  const token = jar.get(TOKEN_COOKIE)?.value
  const actor = jar.get(ACTOR_COOKIE)?.value
  if (!token || !isActor(actor)) return null
  return { token, actor, actingFor: jar.get(ACTING_COOKIE)?.value || null }
}

export async function writePortalSession(token: string, actor: PortalActor) {
  const jar = await cookies()
  jar.set(TOKEN_COOKIE, token, BASE)
  jar.set(ACTOR_COOKIE, actor, BASE)
  jar.delete(ACTING_COOKIE)
}

export async function writeActingFor(sellerId: string | null) {
  const jar = await cookies()
  if (sellerId) jar.set(ACTING_COOKIE, sellerId, BASE)
  else jar.delete(ACTING_COOKIE)
}

export async function clearPortalSession() {
  const jar = await cookies()
  for (const name of [TOKEN_COOKIE, ACTOR_COOKIE, ACTING_COOKIE, CHOICE_COOKIE]) {
    jar.delete(name)
  }
}

/**
 * The tokens of each role a login holds, kept for five minutes while the person picks one, so
 * the password is checked once and never typed twice.
 */
export async function writeRoleChoice(tokens: Partial<Record<PortalActor, string>>) {
  const jar = await cookies()
  jar.set(CHOICE_COOKIE, JSON.stringify(tokens), { ...BASE, maxAge: 5 * 60 })
}

/** Takes the chosen role's token out of the choice (and forgets the others). */
export async function takeRoleChoice(actor: PortalActor): Promise<string | null> {
  const jar = await cookies()
  const raw = jar.get(CHOICE_COOKIE)?.value
  jar.delete(CHOICE_COOKIE)
  if (!raw) return null
  try {
    const token = (JSON.parse(raw) as Record<string, unknown>)[actor]
    return typeof token === "string" ? token : null
  } catch {
    return null
  }
}
