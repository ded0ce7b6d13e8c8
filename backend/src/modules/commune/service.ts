import { MedusaService } from "@medusajs/framework/utils"
import { OcopEntry } from "./models/ocop-entry"
import { Officer } from "./models/officer"

export default class CommuneModuleService extends MedusaService({ Officer, OcopEntry }) {}
