import { MedusaService } from "@medusajs/framework/utils"
import { NotificationDelivery } from "./models/notification-delivery"
import { NotificationSetting } from "./models/notification-setting"

export default class SellerNotifyModuleService extends MedusaService({
  NotificationSetting,
  NotificationDelivery,
}) {}
