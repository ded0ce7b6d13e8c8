import { Module } from "@medusajs/framework/utils"
import SellerNotifyModuleService from "./service"

export const SELLER_NOTIFY_MODULE = "sellerNotify"

export default Module(SELLER_NOTIFY_MODULE, { service: SellerNotifyModuleService })
