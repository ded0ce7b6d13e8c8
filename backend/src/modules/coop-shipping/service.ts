import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceDTO,
  FulfillmentOption,
  ValidateFulfillmentDataContext,
} from "@medusajs/framework/types"
import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import {
  isShippingCode,
  partWeightGrams,
  SHIPPING_CODES,
  type WeightBand,
  weightBandPrice,
} from "./rates"

type OptionData = {
  code?: string
  seller_id?: string
  commune_code?: string
  bands?: WeightBand[]
}

/**
 * The cooperatives' own shipping: pickup at the seller or at the village cultural house, delivery
 * inside the seller's commune (flat fee) or elsewhere (priced by weight band). Each shipping
 * option's data names its seller, so the cart's shipping method tells whose part it ships.
 */
export default class CoopShippingProviderService extends AbstractFulfillmentProviderService {
  static identifier = "coop"

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return SHIPPING_CODES.map((code) => ({ id: code }))
  }

  async validateOption(data: Record<string, unknown>) {
    return isShippingCode(data.code) && typeof data.seller_id === "string"
  }

  async canCalculate() {
    return true
  }

  async validateFulfillmentData(
    optionData: Record<string, unknown>,
    data: Record<string, unknown>,
    context: ValidateFulfillmentDataContext,
  ) {
    const option = optionData as OptionData
    if (!isShippingCode(option.code) || !option.seller_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Unknown shipping option")
    }
    if (option.code.startsWith("delivery")) {
      const address = context.shipping_address
      if (!address?.address_1) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "Delivery needs a shipping address: set the cart's shipping_address first",
        )
      }
      const communeCode = (address.metadata as Record<string, unknown> | null)?.commune_code
      if (option.code === "delivery_commune" && communeCode !== option.commune_code) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Delivery inside the commune serves commune ${option.commune_code} only; the address is in ${communeCode ?? "an unknown commune"} (shipping_address.metadata.commune_code)`,
        )
      }
    }
    return { ...data, code: option.code, seller_id: option.seller_id }
  }

  async calculatePrice(
    optionData: CalculateShippingOptionPriceDTO["optionData"],
    _data: CalculateShippingOptionPriceDTO["data"],
    context: CalculateShippingOptionPriceDTO["context"],
  ): Promise<CalculatedShippingOptionPrice> {
    const option = optionData as OptionData
    // Context items are already narrowed to this option's shipping profile: the seller's part.
    const grams = partWeightGrams((context.items ?? []) as Parameters<typeof partWeightGrams>[0])
    return {
      calculated_amount: weightBandPrice(grams, option.bands),
      is_calculated_price_tax_inclusive: true,
    }
  }

  async createFulfillment(data: Record<string, unknown>) {
    return { data: { code: data.code ?? null }, labels: [] }
  }

  async cancelFulfillment() {
    return {}
  }

  async createReturnFulfillment() {
    return { data: {}, labels: [] }
  }
}
