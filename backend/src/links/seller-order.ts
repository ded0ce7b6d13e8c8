import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SellerModule from "../modules/seller"

// The orders (per-seller parts) a seller fulfils.
export default defineLink(
  { linkable: SellerModule.linkable.seller, isList: true },
  OrderModule.linkable.order,
)
