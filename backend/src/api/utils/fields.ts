import { z } from "zod"

/** Fields several API areas accept, validated and worded the same way everywhere. */

export const communeCode = z
  .string()
  .regex(/^[0-9]{5}$/, "Mã xã gồm 5 chữ số|A commune code has 5 digits")

export const phone = z
  .string()
  .regex(/^\+?[0-9 .-]{8,15}$/, "Số điện thoại không hợp lệ|Not a valid phone number")

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
