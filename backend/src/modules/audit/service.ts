import { MedusaService } from "@medusajs/framework/utils"
import { AuditEntry } from "./models/audit-entry"

export default class AuditModuleService extends MedusaService({ AuditEntry }) {}
