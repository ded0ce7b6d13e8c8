import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SellerModule from "../modules/seller"

// The orders (per-seller parts) a seller fulfils; each order belongs to one seller.
export default defineLink(SellerModule.linkable.seller, {
  linkable: OrderModule.linkable.order,
  isList: true,
})
