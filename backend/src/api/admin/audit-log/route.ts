import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import { parseInput } from "../../utils/validate"
import { AdminListAudit } from "../validators"

/** Every recorded write, newest first: who, on behalf of which seller, what and when. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, ...filters } = parseInput(AdminListAudit, req.query)
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE)
  const [entries, count] = await audit.listAndCountAuditEntries(
    Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } },
  )
  res.json({ entries, count, limit, offset })
}
