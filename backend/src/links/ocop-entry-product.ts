import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import CommuneModule from "../modules/commune"

// A registry entry points at the listing that sells it; read-only link over ocop_entry.product_id.
export default defineLink(
  { linkable: CommuneModule.linkable.ocopEntry, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true },
)
