// The commune portal's view of the backend's /commune answers (backend/src/api/commune and
// docs/indicators.md). Only the fields the pages read are named; the indicators themselves are
// the contract's (@coop/contracts/indicators).
import type { IndicatorCode, IndicatorValue } from "@coop/contracts/indicators"
import type { IssuingLevel, OcopGroup, OcopStars } from "@coop/contracts/ocop"

export const SELLER_STATES = ["pending", "approved", "suspended"] as const
export type SellerState = (typeof SELLER_STATES)[number]

/** The fields a change of which waits for the commune (backend/src/lib/seller-review.ts). */
export const REVIEWED_FIELDS = [
  "name",
  "address",
  "phone",
  "bank_bin",
  "bank_account_number",
  "bank_account_name",
] as const
export type ReviewedField = (typeof REVIEWED_FIELDS)[number]

export type CommuneSeller = {
  id: string
  handle: string
  name: string
  kind: "cooperative" | "household"
  address: string | null
  phone: string | null
  email: string | null
  tax_code: string | null
  bank_bin: string | null
  bank_account_number: string | null
  bank_account_name: string | null
  /** The owner's changes awaiting the commune's review, by field; null when none. */
  pending_changes: Partial<Record<ReviewedField, string | null>> | null
  pending_changes_at: string | null
  payee_confirmed_at: string | null
  accepts_vietqr: boolean
  state: SellerState
  state_reason: string | null
  state_changed_at: string | null
  created_at: string
  commune: { code: string; name: string | null }
  village: { code: string; name: string | null } | null
  product_count: number
  published_product_count: number
}

export type SellerProduct = {
  id: string
  title: string | null
  handle: string | null
  status: string | null
}

export type SellerDetail = CommuneSeller & { products: SellerProduct[] }

export type Page<T> = { items: T[]; count: number; limit: number; offset: number }

export type { CertificateStatus } from "@coop/contracts/ocop"
export { CERTIFICATE_STATUSES, ISSUING_LEVELS, OCOP_GROUPS } from "@coop/contracts/ocop"

export type OcopEntry = {
  id: string
  commune_code: string
  seller_id: string
  seller: { id: string; handle: string; name: string } | null
  product_name: string
  group: OcopGroup
  stars: OcopStars
  certificate_number: string
  decision_number: string | null
  issuing_level: IssuingLevel
  issued_on: string
  expires_on: string
  product_id: string | null
  listing: { id: string; handle: string | null; title: string | null; status: string | null } | null
  online: boolean
  offline_reasons: string[]
  expired: boolean
  expiring_soon: boolean
}

export type { IndicatorCode, IndicatorValue } from "@coop/contracts/indicators"
export { INDICATOR_CODES, MONEY_INDICATORS } from "@coop/contracts/indicators"

export type IndicatorValues = Record<IndicatorCode, IndicatorValue | null>

export type IndicatorsRead = {
  commune?: { code: string; name: string }
  province: { code: string; name: string | null }
  quarter: string
  closed: { closed_at: string; closed_by: string } | null
  indicators: IndicatorValues
  previous_quarter: string
  previous: IndicatorValues
}

export type HistoryQuarter = { quarter: string; closed: boolean; indicators: IndicatorValues }

export type { CountedItem, CountedOrder } from "@coop/contracts/indicators"
export { CASHLESS_REASONS } from "@coop/contracts/indicators"

/** A stamp behind COUNTERFEIT (traceability's /stats/counterfeit-stamps). */
export type CounterfeitStamp = {
  serial: string
  seller_id: string
  seller_name: string
  product_title: string
  lot_code: string
  state: "issued" | "voided"
  signalled_at: string
}
