import { MedusaService } from "@medusajs/framework/utils"
import { OrderPart } from "./models/order-part"
import { PaymentNotification } from "./models/payment-notification"

export default class CheckoutModuleService extends MedusaService({
  OrderPart,
  PaymentNotification,
}) {}
