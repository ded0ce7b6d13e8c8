import { CACHE_TAGS } from "../cache-tags"
import { medusa } from "./client"
import { callStore, findInStore } from "./errors"
import {
  type ApiCommune,
  type ApiCommuneIndicators,
  reshapeCommune,
  reshapeCommuneIndicators,
} from "./reshape-sellers"
import type { Commune, CommuneIndicators } from "./types"

// Indicators move with every order and scan, but a public page needs no second-by-second count:
// five minutes, or at once when the "indicators" tag is revalidated.
const INDICATORS_CACHE = { revalidate: 300, tags: [CACHE_TAGS.indicators] }
const COMMUNES_CACHE = { revalidate: 300, tags: [CACHE_TAGS.sellers] }

/** A commune code is five digits (the national administrative code). */
export function isCommuneCode(code: string): boolean {
  return /^\d{5}$/.test(code)
}

/** The communes that have approved sellers. */
export async function listSellerCommunes(): Promise<Commune[]> {
  const { communes } = await callStore("list communes", () =>
    medusa().client.fetch<{ communes: ApiCommune[] }>("/store/communes", {
      next: COMMUNES_CACHE,
    }),
  )
  return communes.map(reshapeCommune)
}

/** A commune's public indicators for the current quarter; null for an unknown commune code. */
export async function getCommuneIndicators(code: string): Promise<CommuneIndicators | null> {
  // Not a code at all: no need to ask the backend (which would answer 404 too).
  if (!isCommuneCode(code)) return null
  const found = await findInStore(`get indicators of commune ${code}`, () =>
    medusa().client.fetch<ApiCommuneIndicators>(`/store/communes/${code}/indicators`, {
      next: INDICATORS_CACHE,
    }),
  )
  return found ? reshapeCommuneIndicators(found) : null
}
