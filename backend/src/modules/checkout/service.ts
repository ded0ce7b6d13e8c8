import { MedusaService } from "@medusajs/framework/utils"
import { OrderPart } from "./models/order-part"
import { PaymentNotification } from "./models/payment-notification"
import { SellerInvoice } from "./models/seller-invoice"

export default class CheckoutModuleService extends MedusaService({
  OrderPart,
  PaymentNotification,
  SellerInvoice,
}) {}
