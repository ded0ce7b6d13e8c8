/** The commune's OCOP registry as both the backend and the commune portal name its values. */

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export const OCOP_GROUPS = [
  "food",
  "beverage",
  "herbal",
  "textile",
  "souvenir_furniture_decoration",
  "rural_tourism_service",
] as const
export type OcopGroup = (typeof OCOP_GROUPS)[number]

/** Who certified the product. */
export const ISSUING_LEVELS = ["commune", "district", "province", "central"] as const
export type IssuingLevel = (typeof ISSUING_LEVELS)[number]

/** A certificate as the registry filters it: valid, expiring within 90 days, or expired. */
export const CERTIFICATE_STATUSES = ["valid", "expiring_soon", "expired"] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

export const OCOP_STARS = [3, 4, 5] as const
export type OcopStars = (typeof OCOP_STARS)[number]
