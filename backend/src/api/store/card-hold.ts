import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { cardHoldOf, STRIPE_PROVIDER_ID } from "../../lib/card-hold"

type Body = { provider_id?: unknown; data?: Record<string, unknown> }

/**
 * A card payment session: the platform decides how the card is charged, never the browser. A
 * cart with produce sold by weight is held (manual capture) for its total plus the lines'
 * tolerances; any other cart is charged at once (src/lib/card-hold.ts). For a hold above the
 * total this replicates Medusa's route (create the session, then raise its amount before the
 * buyer confirms the card), as Medusa's session is otherwise always the cart's total.
 */
export async function holdCardForWeighing(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const body = req.body as Body | undefined
  if (body?.provider_id !== STRIPE_PROVIDER_ID) return next()
  const collectionId = req.params.id!
  const hold = await cardHoldOf(req.scope, collectionId)
  body.data = { ...(body.data ?? {}), capture_method: hold?.weighed ? "manual" : "automatic" }
  if (!hold?.weighed || hold.headroom <= 0) return next()

  await createPaymentSessionsWorkflow(req.scope).run({
    input: {
      payment_collection_id: collectionId,
      provider_id: STRIPE_PROVIDER_ID,
      customer_id: (req as { auth_context?: { actor_id?: string } }).auth_context?.actor_id,
      data: body.data,
    },
  })
  const payments = req.scope.resolve(Modules.PAYMENT)
  const collection = await payments.retrievePaymentCollection(collectionId, {
    relations: ["payment_sessions"],
  })
  const session = collection.payment_sessions?.find((s) => s.provider_id === STRIPE_PROVIDER_ID)
  if (!session) throw new Error(`No card payment session on ${collectionId}`)
  await payments.updatePaymentSession({
    id: session.id,
    amount: Number(collection.amount) + hold.headroom,
    currency_code: collection.currency_code,
    data: session.data,
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: req.queryConfig?.fields ?? ["*", "payment_sessions.*"],
    filters: { id: collectionId },
  })
  res.status(200).json({ payment_collection: data[0] })
}
