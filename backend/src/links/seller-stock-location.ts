import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import SellerModule from "../modules/seller"

// Each seller ships from its own stock location.
export default defineLink(SellerModule.linkable.seller, StockLocationModule.linkable.stockLocation)
