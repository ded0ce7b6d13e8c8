/**
 * Who acts, for whom and over which area: resolved by the API from the database (never from the
 * client's say-so, api/utils/access.ts) and handed to the rules here and in workflows.
 */

/** Who acts on the seller portal's API, and for which seller. */
export interface SellerAccess {
  actorType: "seller_member" | "helper"
  actorId: string
  sellerId: string
  sellerState: "pending" | "approved" | "suspended"
  communeCode: string
  provinceCode: string
  /** owner and staff are members; a helper acts only with the seller's grant. */
  role: "owner" | "staff" | "helper"
  /** The seller a helper acts for (recorded in the audit log); null for the seller's own members. */
  onBehalfOf: string | null
}

/** Who acts on the commune portal's API, over which area. */
export interface CommuneAccess {
  actorType: "commune_officer" | "province_officer"
  actorId: string
  /** Set for commune officers; province officers read every commune of their province. */
  communeCode: string | null
  provinceCode: string
  readOnly: boolean
}

/** Whether an officer's area covers a seller's commune. */
export function coversCommune(
  access: CommuneAccess,
  commune: { code: string; province_code: string },
) {
  return access.communeCode
    ? access.communeCode === commune.code
    : access.provinceCode === commune.province_code
}
