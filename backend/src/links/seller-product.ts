import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SellerModule from "../modules/seller"

// A seller has many products; each product belongs to one seller (enforced by the workflows).
export default defineLink(
  { linkable: SellerModule.linkable.seller, isList: true },
  ProductModule.linkable.product,
)
