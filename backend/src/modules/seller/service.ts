import { MedusaService } from "@medusajs/framework/utils"
import { Helper } from "./models/helper"
import { HelperGrant } from "./models/helper-grant"
import { Seller } from "./models/seller"
import { SellerInvite } from "./models/seller-invite"
import { SellerMember } from "./models/seller-member"

export default class SellerModuleService extends MedusaService({
  Seller,
  SellerMember,
  SellerInvite,
  Helper,
  HelperGrant,
}) {}
