import { COMMUNE_ACTORS, type PortalActor, SELLER_ACTORS } from "./session"

// One sign-in page for every portal role. The person types an e-mail and a password; this server
// checks the password ONCE (a login as the role they chose, else the portal's first role), reads
// from that login's token which roles the e-mail has, and only asks when there are several.
//
// Why this and not trying each role's login in turn: the backend counts failed passwords per
// e-mail across every role (10 in 15 minutes, issue 14). A wrong password tried once per role
// would burn two to four of those per attempt and lock a person out after three typos. Here a
// wrong password is one failure, exactly as before; a right one is one success (which clears the
// count), plus, when the role differs from the one first tried, one more success for it.
//
// Why the token can be read without verifying it: it is Medusa's own, received by this server
// directly from the backend in answer to the password check, like any other answer body; Medusa
// copies the login's app_metadata into it, where every role is bound as `<actor type>_id` (the
// sign-up workflows and the seed write them). Nothing a browser sent is read this way.

const ALL_ACTORS: PortalActor[] = [...SELLER_ACTORS, ...COMMUNE_ACTORS]

export const portalOf = (actor: PortalActor): "seller" | "commune" =>
  SELLER_ACTORS.includes(actor) ? "seller" : "commune"

/** The portal roles a login holds, from the app_metadata Medusa puts in its token. */
export function rolesOfToken(token: string): PortalActor[] {
  const payload = token.split(".")[1]
  if (!payload) return []
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      app_metadata?: Record<string, unknown>
    }
    const meta = claims.app_metadata ?? {}
    return ALL_ACTORS.filter((actor) => {
      const id = meta[`${actor}_id`]
      return typeof id === "string" && id.length > 0
    })
  } catch {
    return []
  }
}

export type SignInPlan =
  | { kind: "use"; actor: PortalActor }
  | { kind: "ask"; roles: PortalActor[] }
  | { kind: "none" }

/**
 * Which role to sign in as: the one chosen, if the login has it; else the login's only role in
 * this portal; else, with none here, its only role in the other portal (the person came to the
 * wrong door); otherwise ask among the candidates.
 */
export function planSignIn(
  portal: "seller" | "commune",
  roles: PortalActor[],
  chosen: PortalActor | null,
): SignInPlan {
  if (chosen && roles.includes(chosen)) return { kind: "use", actor: chosen }
  if (!roles.length) return { kind: "none" }
  const here = roles.filter((r) => portalOf(r) === portal)
  const candidates = here.length ? here : roles
  if (candidates.length === 1) return { kind: "use", actor: candidates[0]! }
  return { kind: "ask", roles: candidates }
}

export const isPortalActor = (value: unknown): value is PortalActor =>
  ALL_ACTORS.includes(value as PortalActor)
