import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * A GTIN (a variant's ean, upc or barcode) belongs to one seller: the traceability resolver
 * serves `/01/{gtin}` from its batches only. One GTIN has several spellings (GTIN-8/12/13 are
 * GTIN-14 with leading zeros dropped), so "already used" is checked on all of them.
 */

/** Every spelling of the code's GTIN-14 (14, 13, 12 and 8 digits, as far as zeros allow). */
export function gtinSpellings(code: string): string[] {
  const digits = code.trim()
  if (!/^[0-9]{8,14}$/.test(digits)) return []
  const gtin = digits.padStart(14, "0")
  return [14, 13, 12, 8]
    .filter((n) => /^0*$/.test(gtin.slice(0, 14 - n)))
    .map((n) => gtin.slice(14 - n))
}

/** The first code another seller's product (or a product of no seller) already carries. */
export async function gtinTakenByOtherSeller(
  container: MedusaContainer,
  sellerId: string,
  codes: (string | null | undefined)[],
): Promise<{ code: string; index: number } | null> {
  const spellings = codes.map((code) => (code ? gtinSpellings(code) : []))
  const all = [...new Set(spellings.flat())]
  if (!all.length) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "ean", "upc", "barcode", "product.seller.id"],
    filters: { $or: [{ ean: all }, { upc: all }, { barcode: all }] },
  })
  const foreign = (
    data as {
      ean?: string
      upc?: string
      barcode?: string
      product?: { seller?: { id?: string } }
    }[]
  )
    .filter((v) => v.product?.seller?.id !== sellerId)
    .flatMap((v) => [v.ean, v.upc, v.barcode].filter((c): c is string => !!c))
    .flatMap(gtinSpellings)
  const index = spellings.findIndex((forms) => forms.some((form) => foreign.includes(form)))
  return index < 0 ? null : { code: codes[index]!, index }
}
