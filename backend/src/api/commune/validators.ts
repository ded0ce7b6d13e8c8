import { CERTIFICATE_STATUSES, ISSUING_LEVELS, OCOP_GROUPS } from "@coop/contracts/ocop"
import { z } from "zod"
import { isCalendarDate, vietnamToday } from "../../lib/dates"
import { Pagination } from "../utils/fields"

export { Pagination } from "../utils/fields"

export const SELLER_STATES = ["pending", "approved", "suspended"] as const

export const ListSellers = Pagination.extend({
  state: z.enum(SELLER_STATES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
})

export const ApproveSeller = z.strictObject({
  reason: z.string().trim().max(500).optional(),
})

export const SuspendSeller = z.strictObject({
  reason: z.string().trim().min(3).max(500),
})

/** Approving a seller's pending changes; an optional note for the audit log and the owner. */
export const ApproveChanges = ApproveSeller

/** Rejecting them needs a reason: the owner is told what to correct. */
export const RejectChanges = SuspendSeller

/** valid: not yet expired; expiring_soon: valid but within 90 days of expiry; expired. */

export const ListOcopEntries = Pagination.extend({
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  seller_id: z.string().min(1).max(60).optional(),
})

const calendarDate = z
  .string()
  .refine(isCalendarDate, "phải là ngày dạng YYYY-MM-DD|must be a date as YYYY-MM-DD")

const issuedOn = calendarDate.refine(
  (value) => value <= vietnamToday(),
  "không được sau ngày hôm nay|cannot be in the future",
)

const entryFields = {
  seller_id: z.string().min(1).max(60),
  product_id: z.string().min(1).max(60).nullable().optional(),
  product_name: z.string().trim().min(2).max(200),
  group: z.enum(OCOP_GROUPS),
  // zod's own message for this ("expected one of 3|4|5") contains the bar our messages split on.
  stars: z.literal([3, 4, 5], { error: "phải là 3, 4 hoặc 5 sao|must be 3, 4 or 5 stars" }),
  certificate_number: z.string().trim().min(1).max(60),
  decision_number: z.string().trim().min(1).max(60).nullable().optional(),
  issuing_level: z.enum(ISSUING_LEVELS),
  issued_on: issuedOn,
  // Defaults to 36 months after issued_on; the order of the two dates is checked with both known.
  expires_on: calendarDate.optional(),
}

export const CreateOcopEntry = z.strictObject(entryFields)

export const UpdateOcopEntry = z
  .strictObject(entryFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, {
    message: "Không có gì để sửa|Nothing to change",
    path: ["body"],
  })

export type CreateOcopEntryBody = z.output<typeof CreateOcopEntry>
export type UpdateOcopEntryBody = z.output<typeof UpdateOcopEntry>
