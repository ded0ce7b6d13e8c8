/**
 * The buyer's acceptance of the tolerance of produce sold by weight (docs/checkout.md, "Produce
 * sold by weight"). The storefront's checkout keeps it on the cart, in
 * `metadata.weight_tolerances_accepted`: the variant id of each line sold by weight and the
 * tolerance (percent) the buyer ticked for it. The backend refuses to complete a cart whose
 * weighed lines were not all accepted at their current tolerance.
 */
import { z } from "zod"

export const WEIGHT_ACCEPTANCE_KEY = "weight_tolerances_accepted"

/** The field a refused completion names. */
export const WEIGHT_ACCEPTANCE_FIELD = `metadata.${WEIGHT_ACCEPTANCE_KEY}`

export const weightAcceptanceSchema = z.record(z.string(), z.number().int().min(0).max(50))
export type WeightAcceptance = z.infer<typeof weightAcceptanceSchema>

/** The tolerances accepted on a cart (its metadata), or none when absent or malformed. */
export function acceptanceOf(metadata: unknown): WeightAcceptance {
  const raw = (metadata as Record<string, unknown> | null | undefined)?.[WEIGHT_ACCEPTANCE_KEY]
  const parsed = weightAcceptanceSchema.safeParse(raw)
  return parsed.success ? parsed.data : {}
}
