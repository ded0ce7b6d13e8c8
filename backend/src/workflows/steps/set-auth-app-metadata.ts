import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export interface SetAuthAppMetadataInput {
  auth_identity_id: string
  /** Keys to set on the identity's app_metadata; null removes a key. */
  values: Record<string, string | null>
}

export const setAuthAppMetadataStepId = "set-auth-app-metadata"

/**
 * Binds an auth identity to its actor. Medusa copies app_metadata into every token it issues, so
 * the keys set here (e.g. seller_id) are what the traceability service reads from a token.
 */
export const setAuthAppMetadataStep = createStep(
  setAuthAppMetadataStepId,
  async (input: SetAuthAppMetadataInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id)
    const previous = { ...(identity.app_metadata ?? {}) }
    const next: Record<string, unknown> = { ...previous }
    for (const [key, value] of Object.entries(input.values)) {
      if (value === null) delete next[key]
      else next[key] = value
    }
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: next })
    return new StepResponse(next, { id: identity.id, app_metadata: previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve(Modules.AUTH).updateAuthIdentities(previous)
  },
)
