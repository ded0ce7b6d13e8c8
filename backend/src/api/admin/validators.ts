import { z } from "zod"
import { SELLER_STATES } from "../commune/validators"
import { communeCode, Pagination } from "../utils/fields"

export {
  ApproveChanges,
  ApproveSeller,
  RejectChanges,
  SuspendSeller,
} from "../commune/validators"

export const AdminListSellers = Pagination.extend({
  state: z.enum(SELLER_STATES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  commune_code: communeCode.optional(),
})

export const AdminListAudit = Pagination.extend({
  seller_id: z.string().min(1).max(60).optional(),
  commune_code: communeCode.optional(),
  actor_type: z
    .enum(["user", "seller_member", "helper", "commune_officer", "province_officer", "service"])
    .optional(),
})
