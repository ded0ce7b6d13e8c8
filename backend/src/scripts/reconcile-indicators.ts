import type { ExecArgs } from "@medusajs/framework/types"
import { reconcileIndicators } from "../lib/indicators/reconcile"

/** `npm run indicators:reconcile`: recomputes every indicator from the sources now. */
export default async function reconcile({ container }: ExecArgs) {
  const { facts, ms } = await reconcileIndicators(container)
  console.log(`Indicators reconciled: ${facts} facts in ${ms} ms`)
}
