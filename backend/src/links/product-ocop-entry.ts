import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import CommuneModule from "../modules/commune"

// The inverse of ocop-entry-product: a product's registry entry, for badges in product responses.
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...CommuneModule.linkable.ocopEntry.id, primaryKey: "product_id" },
  { readOnly: true },
)
