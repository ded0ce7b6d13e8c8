import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelUnpaidDeposits } from "../lib/unpaid-deposits"

/**
 * Every hour, pre-orders whose deposit is overdue (the window's `deposit_due_days` after the
 * order) are cancelled and their quantity goes back to the window (src/lib/unpaid-deposits.ts).
 */
export default async function unpaidDepositsJob(container: MedusaContainer) {
  await cancelUnpaidDeposits(container)
}

export const config = { name: "unpaid-deposits", schedule: "0 * * * *" }
