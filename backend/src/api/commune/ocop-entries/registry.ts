import type { CertificateStatus } from "@coop/contracts/ocop"
import type { MedusaRequest } from "@medusajs/framework/http"
import type { InferTypeOf } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addDays, dateOnlyToStored, storedToDateOnly, vietnamToday } from "../../../lib/dates"
import { certificateState, EXPIRING_SOON_DAYS } from "../../../lib/ocop-certificate"
import { listingStates, missingListing } from "../../../lib/ocop-online"
import { COMMUNE_MODULE } from "../../../modules/commune"
import type { OcopEntry } from "../../../modules/commune/models/ocop-entry"
import type CommuneModuleService from "../../../modules/commune/service"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { communeAccess } from "../../utils/access"
import { badRequest, conflict, DomainError } from "../../utils/errors"

type Entry = InferTypeOf<typeof OcopEntry>

/** The fields whose combination the registry checks against the database before a write. */
export interface EntryDraft {
  seller_id: string
  product_id: string | null
  certificate_number: string
  issued_on: string
  expires_on: string
}

/**
 * Checks a new or changed entry against the officer's commune: the seller is one of its sellers,
 * the listing is one of that seller's products and not already registered, the certificate
 * number is not used twice in the commune, and the certificate expires after it was issued.
 */
export async function checkEntry(req: MedusaRequest, draft: EntryDraft, currentId?: string) {
  const communeCode = communeAccess(req).communeCode!
  if (draft.expires_on <= draft.issued_on) {
    throw badRequest("expires_on", {
      vi: `"expires_on" phải sau ngày cấp (${draft.issued_on})`,
      en: `"expires_on" must be after the issue date (${draft.issued_on})`,
    })
  }
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [seller] = await sellers.listSellers(
    { id: draft.seller_id, commune_code: communeCode },
    { select: ["id"] },
  )
  // Same answer for a seller of another commune as for no seller at all.
  if (!seller) {
    throw badRequest("seller_id", {
      vi: "Không tìm thấy người bán này trong xã",
      en: "No such seller in this commune",
    })
  }
  const communes = req.scope.resolve<CommuneModuleService>(COMMUNE_MODULE)
  if (draft.product_id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "seller.id"],
      filters: { id: draft.product_id },
    })
    const owner = (data[0] as { seller?: { id: string } | null } | undefined)?.seller?.id
    if (owner !== draft.seller_id) {
      throw badRequest("product_id", {
        vi: "Sản phẩm này không thuộc người bán đã chọn",
        en: "This product is not one of the chosen seller's products",
      })
    }
    const [taken] = await communes.listOcopEntries({ product_id: draft.product_id })
    if (taken && taken.id !== currentId) {
      throw productTaken()
    }
  }
  const [same] = await communes.listOcopEntries({
    commune_code: communeCode,
    certificate_number: draft.certificate_number,
  })
  if (same && same.id !== currentId) throw certificateTaken()
}

const productTaken = () =>
  conflict(
    {
      vi: "Sản phẩm này đã có trong danh mục OCOP",
      en: "This product already has an OCOP registry entry",
    },
    "product_id",
  )

const certificateTaken = () =>
  conflict(
    {
      vi: "Số giấy chứng nhận này đã có trong danh mục của xã",
      en: "This certificate number is already in the commune's registry",
    },
    "certificate_number",
  )

/**
 * Two officers registering the same product at once both pass checkEntry; the unique indexes
 * stop the second, and this turns the database's complaint into the same 409. Medusa's
 * dbErrorMapper reports a unique violation as "<Entity> with <columns>: <values>, already exists."
 */
export function asConflict(error: unknown): unknown {
  if (error instanceof DomainError || !error || typeof error !== "object") return error
  const { type, message = "" } = error as { type?: string; message?: string }
  const types: string[] = [MedusaError.Types.DUPLICATE_ERROR, MedusaError.Types.INVALID_DATA]
  if (!type || !types.includes(type) || !message.includes("already exists")) return error
  if (message.includes("certificate_number")) return certificateTaken()
  if (!message.includes("product_id")) return error
  return productTaken()
}

/** Filters on the expiry date for a certificate status, relative to today in Vietnam. */
export function statusFilter(status: CertificateStatus | undefined) {
  const today = vietnamToday()
  switch (status) {
    case "expired":
      return { expires_on: { $lt: dateOnlyToStored(today) } }
    case "valid":
      return { expires_on: { $gte: dateOnlyToStored(today) } }
    case "expiring_soon":
      return {
        expires_on: {
          $gte: dateOnlyToStored(today),
          $lte: dateOnlyToStored(addDays(today, EXPIRING_SOON_DAYS)),
        },
      }
    default:
      return {}
  }
}

/** Entries as the registry shows them: seller, listing, online and certificate flags. */
export async function entryViews(req: MedusaRequest, entries: Entry[]) {
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const sellerIds = [...new Set(entries.map((e) => e.seller_id))]
  const [sellerRows, listings] = await Promise.all([
    sellerIds.length
      ? sellers.listSellers({ id: sellerIds }, { select: ["id", "handle", "name"] })
      : Promise.resolve([]),
    listingStates(
      req.scope,
      entries.flatMap((e) => (e.product_id ? [e.product_id] : [])),
    ),
  ])
  const sellerById = new Map(sellerRows.map((s) => [s.id, s]))
  const today = vietnamToday()
  return entries.map((entry) => {
    const listing = entry.product_id ? listings.get(entry.product_id)! : missingListing("")
    const expiresOn = storedToDateOnly(entry.expires_on)
    return {
      id: entry.id,
      commune_code: entry.commune_code,
      seller_id: entry.seller_id,
      seller: sellerById.get(entry.seller_id) ?? null,
      product_name: entry.product_name,
      group: entry.group,
      stars: entry.stars,
      certificate_number: entry.certificate_number,
      decision_number: entry.decision_number,
      issuing_level: entry.issuing_level,
      issued_on: storedToDateOnly(entry.issued_on),
      expires_on: expiresOn,
      product_id: entry.product_id,
      listing: entry.product_id
        ? {
            id: entry.product_id,
            handle: listing.handle,
            title: listing.title,
            status: listing.status,
          }
        : null,
      online: listing.online,
      offline_reasons: listing.offline_reasons,
      ...certificateState(expiresOn, today),
      created_at: entry.created_at,
      updated_at: entry.updated_at,
    }
  })
}
