export {
  INDICATOR_CODES,
  INDICATOR_FORMULAS,
  INDICATORS,
  type IndicatorCode,
  MONEY_INDICATORS,
  PUBLIC_INDICATORS,
} from "@coop/contracts/indicators"

/** Facts kept only to derive others: which products have stamps (for TRACEABLE). */
export const STAMPED_PRODUCT = "STAMPED"

/** The codes the backend derives from its own data (reconciliation recomputes these). */
export const DERIVED_CODES = [
  "OCOP_ONLINE",
  "SELLERS_ONLINE",
  "TRACEABLE",
  "ORDERS",
  "GMV",
  "CASHLESS",
  "CASHLESS_VALUE",
] as const

/** The codes fed by the traceability service's events. */
export const TRACE_CODES = ["STAMPS", "SCANS", "SCANNED", "COUNTERFEIT", STAMPED_PRODUCT] as const

/** "Now" is the period of state indicators. */
export const NOW = "now"
