import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  COMMUNE_DELIVERY_VND,
  DEFAULT_WEIGHT_BANDS,
  EXTRA_PER_5KG_VND,
  type WeightBand,
} from "../../../modules/coop-shipping/rates"
import { COOP_FULFILLMENT_PROVIDER } from "../../../workflows/seller-shipping"

type OptionRow = { id: string; data?: Record<string, unknown> | null }

function isBands(value: unknown): value is WeightBand[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (b) =>
        b &&
        typeof b === "object" &&
        Number.isInteger((b as WeightBand).up_to_grams) &&
        Number.isInteger((b as WeightBand).amount),
    )
  )
}

const sameBands = (a: WeightBand[], b: WeightBand[]) =>
  a.length === b.length &&
  a.every((band, i) => band.up_to_grams === b[i]!.up_to_grams && band.amount === b[i]!.amount)

/**
 * What delivery costs, for search engines and product feeds: the weight bands of "delivery
 * elsewhere" every seller starts with, and the sellers whose own option carries other bands
 * (keyed by seller id). Feeds and structured data read this instead of a copy of the tariff, so
 * the price a search result states is the one checkout charges (docs/channels.md).
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "data"],
    filters: { provider_id: COOP_FULFILLMENT_PROVIDER },
  })
  const seller_bands: Record<string, WeightBand[]> = {}
  for (const option of data as OptionRow[]) {
    const optionData = option.data ?? {}
    if (optionData.code !== "delivery_elsewhere" || typeof optionData.seller_id !== "string") {
      continue
    }
    const bands = isBands(optionData.bands) ? optionData.bands : DEFAULT_WEIGHT_BANDS
    const sorted = [...bands].sort((a, b) => a.up_to_grams - b.up_to_grams)
    if (!sameBands(sorted, DEFAULT_WEIGHT_BANDS)) seller_bands[optionData.seller_id] = sorted
  }
  res.json({
    currency_code: "vnd",
    commune_delivery: COMMUNE_DELIVERY_VND,
    weight_bands: DEFAULT_WEIGHT_BANDS,
    extra_per_5kg: EXTRA_PER_5KG_VND,
    seller_bands,
  })
}
