import { defineLink } from "@medusajs/framework/utils"
import FulfillmentModule from "@medusajs/medusa/fulfillment"
import SellerModule from "../modules/seller"

// Each seller's products have their own shipping profile, so a cart holds one shipping method
// per seller and Medusa itself refuses to complete a cart missing one.
export default defineLink(SellerModule.linkable.seller, FulfillmentModule.linkable.shippingProfile)
