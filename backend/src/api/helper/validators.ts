import { z } from "zod"
import { communeCode, phone } from "../utils/fields"

export const SignUpHelper = z.strictObject({
  name: z.string().trim().min(2).max(120),
  phone: phone.optional(),
  commune_code: communeCode.optional(),
})

export const AcceptHelperGrant = z.strictObject({ token: z.string().min(20).max(200) })
