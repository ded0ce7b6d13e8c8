import type { Locale } from "@/i18n/routing"
import { type ApiResult, backend, traceability } from "./api"
import type {
  CertificateStatus,
  CommuneSeller,
  CountedItem,
  CounterfeitStamp,
  HistoryQuarter,
  IndicatorCode,
  IndicatorsRead,
  OcopEntry,
  Page,
  SellerDetail,
  SellerState,
} from "./commune-types"

// What the commune portal's pages read, as the signed-in officer (never cached: lib/portal/api).

/** Ten cards fill about three screens of a 360 px phone. */
export const PAGE_SIZE = 10

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ""
}

function paged<T>(
  result: ApiResult<Record<string, unknown> & { count: number; limit: number; offset: number }>,
  key: string,
): ApiResult<Page<T>> {
  if (!result.ok) return result
  const { count, limit, offset } = result.data
  return {
    ok: true,
    status: result.status,
    data: { items: (result.data[key] as T[]) ?? [], count, limit, offset },
  }
}

type RawPage = Record<string, unknown> & { count: number; limit: number; offset: number }

export async function listSellers(
  locale: Locale,
  filters: { state?: SellerState; q?: string; page: number },
): Promise<ApiResult<Page<CommuneSeller>>> {
  const path = `/commune/sellers${query({
    state: filters.state,
    q: filters.q,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  })}`
  return paged<CommuneSeller>(await backend<RawPage>(path, { locale }), "sellers")
}

/** Every seller of the commune, for the registry form's seller list (pages of 100). */
export async function allSellers(locale: Locale): Promise<ApiResult<CommuneSeller[]>> {
  const sellers: CommuneSeller[] = []
  for (let offset = 0; offset < 2000; offset += 100) {
    const result = await backend<RawPage>(`/commune/sellers${query({ limit: 100, offset })}`, {
      locale,
    })
    if (!result.ok) return result
    const rows = (result.data.sellers as CommuneSeller[]) ?? []
    sellers.push(...rows)
    if (rows.length < 100 || sellers.length >= result.data.count) break
  }
  sellers.sort((a, b) => a.name.localeCompare(b.name, "vi"))
  return { ok: true, status: 200, data: sellers }
}

export async function getSeller(locale: Locale, id: string): Promise<ApiResult<SellerDetail>> {
  const result = await backend<{ seller: SellerDetail }>(
    `/commune/sellers/${encodeURIComponent(id)}`,
    { locale },
  )
  return result.ok ? { ...result, data: result.data.seller } : result
}

/**
 * A page of the registry. The backend filters by certificate status; "offline only" is not one
 * of its filters, so for it the whole (small: one commune's certified products) registry is read
 * and filtered and paged here.
 */
export async function listEntries(
  locale: Locale,
  filters: { status?: CertificateStatus; offline: boolean; page: number },
): Promise<ApiResult<Page<OcopEntry>>> {
  const offset = (filters.page - 1) * PAGE_SIZE
  if (!filters.offline) {
    const path = `/commune/ocop-entries${query({ status: filters.status, limit: PAGE_SIZE, offset })}`
    return paged<OcopEntry>(await backend<RawPage>(path, { locale }), "ocop_entries")
  }
  const all: OcopEntry[] = []
  for (let at = 0; at < 5000; at += 100) {
    const path = `/commune/ocop-entries${query({ status: filters.status, limit: 100, offset: at })}`
    const result = await backend<RawPage>(path, { locale })
    if (!result.ok) return result
    const rows = (result.data.ocop_entries as OcopEntry[]) ?? []
    all.push(...rows)
    if (rows.length < 100 || all.length >= result.data.count) break
  }
  const offline = all.filter((entry) => !entry.online)
  return {
    ok: true,
    status: 200,
    data: {
      items: offline.slice(offset, offset + PAGE_SIZE),
      count: offline.length,
      limit: PAGE_SIZE,
      offset,
    },
  }
}

export async function getEntry(locale: Locale, id: string): Promise<ApiResult<OcopEntry>> {
  const result = await backend<{ ocop_entry: OcopEntry }>(
    `/commune/ocop-entries/${encodeURIComponent(id)}`,
    { locale },
  )
  return result.ok ? { ...result, data: result.data.ocop_entry } : result
}

export function readIndicators(locale: Locale, quarter: string, communeCode?: string) {
  return backend<IndicatorsRead>(
    `/commune/indicators${query({ quarter, commune_code: communeCode })}`,
    { locale },
  )
}

/** The quarters from `from` to `to` (oldest first), for the charts. */
export async function readHistory(
  locale: Locale,
  from: string,
  to: string,
  communeCode?: string,
): Promise<ApiResult<HistoryQuarter[]>> {
  const result = await backend<{ quarters: HistoryQuarter[] }>(
    `/commune/indicators/history${query({ from, to, commune_code: communeCode })}`,
    { locale },
  )
  return result.ok ? { ...result, data: result.data.quarters } : result
}

export async function readCounted(
  locale: Locale,
  code: IndicatorCode,
  quarter: string,
  communeCode?: string,
): Promise<ApiResult<CountedItem[]>> {
  const result = await backend<{ items: CountedItem[] }>(
    `/commune/indicators/counted${query({ code, quarter, commune_code: communeCode })}`,
    { locale },
  )
  return result.ok ? { ...result, data: result.data.items } : result
}

/** The stamps behind COUNTERFEIT, from the traceability service (it scopes the officer too). */
export async function readCounterfeitStamps(
  locale: Locale,
  quarter: string,
  communeCode?: string,
): Promise<ApiResult<CounterfeitStamp[]>> {
  const result = await traceability<{ stamps: CounterfeitStamp[] }>(
    `/stats/counterfeit-stamps${query({ quarter, commune_code: communeCode })}`,
    { locale },
  )
  return result.ok ? { ...result, data: result.data.stamps } : result
}
