import { z } from "zod"
import { Pagination, SELLER_STATES } from "../commune/validators"

export { ApproveSeller, SuspendSeller } from "../commune/validators"

export const AdminListSellers = Pagination.extend({
  state: z.enum(SELLER_STATES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  commune_code: z
    .string()
    .regex(/^[0-9]{5}$/, "Mã xã gồm 5 chữ số|A commune code has 5 digits")
    .optional(),
})

export const AdminListAudit = Pagination.extend({
  seller_id: z.string().min(1).max(60).optional(),
  commune_code: z
    .string()
    .regex(/^[0-9]{5}$/, "Mã xã gồm 5 chữ số|A commune code has 5 digits")
    .optional(),
  actor_type: z
    .enum(["user", "seller_member", "helper", "commune_officer", "province_officer", "service"])
    .optional(),
})
