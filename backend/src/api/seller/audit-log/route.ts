import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import { sellerAccess } from "../../utils/access"
import { parseInput } from "../../utils/validate"
import { Pagination } from "../validators"

/** Every write made for this seller, newest first, including those made by helpers for it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = parseInput(Pagination, req.query)
  const { sellerId } = sellerAccess(req)
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE)
  const [entries, count] = await audit.listAndCountAuditEntries(
    { seller_id: sellerId },
    { take: limit, skip: offset, order: { created_at: "DESC" } },
  )
  res.json({ entries, count, limit, offset })
}
