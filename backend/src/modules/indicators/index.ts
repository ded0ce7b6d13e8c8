import { Module } from "@medusajs/framework/utils"
import IndicatorsModuleService from "./service"

export const INDICATORS_MODULE = "indicators"

export default Module(INDICATORS_MODULE, { service: IndicatorsModuleService })
