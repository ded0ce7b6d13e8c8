import { Module } from "@medusajs/framework/utils"
import AdminUnitModuleService from "./service"

export const ADMIN_UNIT_MODULE = "adminUnit"

export default Module(ADMIN_UNIT_MODULE, { service: AdminUnitModuleService })
