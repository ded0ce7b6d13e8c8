import { z } from "zod"
import { communeCode, Pagination } from "../utils/fields"

const page = Pagination.shape

export const ListStoreSellers = z.object({
  ...page,
  q: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(["cooperative", "household"]).optional(),
  commune_code: communeCode.optional(),
})

export const StoreSellerProducts = z.object({
  ...page,
  limit: page.limit.default(50),
  region_id: z.string().min(1).max(60).optional(),
})
