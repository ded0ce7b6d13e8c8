import {
  type Commune,
  type CommuneIndicators,
  type Indicator,
  type IndicatorCode,
  PUBLIC_INDICATORS,
  type Seller,
} from "./types"

// The backend's own store routes (backend/src/api/store/sellers, communes): not Medusa types.

type Area = { code: string; name: string }

export type ApiSeller = {
  id: string
  handle: string
  name: string
  kind?: string | null
  description?: string | null
  address?: string | null
  phone?: string | null
  logo_url?: string | null
  commune?: Area | null
  province?: Area | null
  village?: Area | null
  product_count?: number
}

export type ApiCommune = { code: string; name: string; province: Area; sellers: number }

type ApiIndicator = { numerator?: unknown; denominator?: unknown; ratio?: unknown }

export type ApiCommuneIndicators = {
  commune: { code: string; name: string; province: Area }
  quarter: string
  closed_at: string | null
  indicators: Record<string, ApiIndicator | undefined>
}

const area = (value: Area | null | undefined) =>
  value?.code && value.name ? { code: value.code, name: value.name } : null

export function reshapeSeller(seller: ApiSeller): Seller {
  return {
    id: seller.id,
    handle: seller.handle,
    name: seller.name,
    kind: seller.kind === "cooperative" || seller.kind === "household" ? seller.kind : null,
    description: seller.description || null,
    address: seller.address || null,
    phone: seller.phone || null,
    logoUrl: seller.logo_url || null,
    commune: area(seller.commune),
    province: area(seller.province),
    village: area(seller.village),
    productCount: seller.product_count ?? 0,
  }
}

export function reshapeCommune(commune: ApiCommune): Commune {
  return {
    code: commune.code,
    name: commune.name,
    province: { code: commune.province.code, name: commune.province.name },
    sellers: commune.sellers,
  }
}

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0)

function reshapeIndicator(value: ApiIndicator | undefined): Indicator | undefined {
  if (!value) return undefined
  return {
    numerator: count(value.numerator),
    denominator: count(value.denominator),
    ratio: typeof value.ratio === "number" && Number.isFinite(value.ratio) ? value.ratio : null,
  }
}

/** Keeps the public indicators the page knows, in their order; unknown codes are left out. */
export function reshapeCommuneIndicators(api: ApiCommuneIndicators): CommuneIndicators {
  const indicators: Partial<Record<IndicatorCode, Indicator>> = {}
  for (const code of PUBLIC_INDICATORS) {
    const indicator = reshapeIndicator(api.indicators[code])
    if (indicator) indicators[code] = indicator
  }
  const closed = api.closed_at ? new Date(api.closed_at) : null
  return {
    commune: {
      code: api.commune.code,
      name: api.commune.name,
      province: { code: api.commune.province.code, name: api.commune.province.name },
    },
    quarter: api.quarter,
    closedAt: closed && !Number.isNaN(closed.getTime()) ? closed : null,
    indicators,
  }
}
