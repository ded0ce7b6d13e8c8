import type { AdminUnit } from "./cart-types"
import { medusa } from "./client"
import { callStore, findInStore } from "./errors"

// The two-tier units (province, then commune) change by decree, not by the minute: a day.
const UNITS_CACHE = { revalidate: 86_400, tags: ["admin-units"] }

type UnitRow = { code: string; name: string }

const byCode = (rows: UnitRow[]): AdminUnit[] => rows.map(({ code, name }) => ({ code, name }))

export async function listProvinces(): Promise<AdminUnit[]> {
  const { provinces } = await callStore("list provinces", () =>
    medusa().client.fetch<{ provinces: UnitRow[] }>("/store/admin-units/provinces", {
      next: UNITS_CACHE,
    }),
  )
  return byCode(provinces)
}

/** The communes of a province; empty for an unknown province. */
export async function listCommunes(provinceCode: string): Promise<AdminUnit[]> {
  if (!/^\d{2}$/.test(provinceCode)) return []
  const found = await findInStore(`list communes of ${provinceCode}`, () =>
    medusa().client.fetch<{ communes: UnitRow[] }>(
      `/store/admin-units/provinces/${provinceCode}/communes`,
      { next: UNITS_CACHE },
    ),
  )
  return found ? byCode(found.communes) : []
}
