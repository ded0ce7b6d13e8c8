import { z } from "zod"

export const SignUpHelper = z.strictObject({
  name: z.string().trim().min(2).max(120),
  phone: z
    .string()
    .regex(/^\+?[0-9 .-]{8,15}$/, "Số điện thoại không hợp lệ|Not a valid phone number")
    .optional(),
  commune_code: z
    .string()
    .regex(/^[0-9]{5}$/, "Mã xã gồm 5 chữ số|A commune code has 5 digits")
    .optional(),
})
