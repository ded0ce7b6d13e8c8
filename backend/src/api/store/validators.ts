import { z } from "zod"

const page = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}

export const ListStoreSellers = z.object({
  ...page,
  q: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(["cooperative", "household"]).optional(),
  commune_code: z
    .string()
    .regex(/^[0-9]{5}$/, "Mã xã gồm 5 chữ số|A commune code has 5 digits")
    .optional(),
})

export const StoreSellerProducts = z.object({
  ...page,
  limit: page.limit.default(50),
  region_id: z.string().min(1).max(60).optional(),
})
