import { createHash } from "node:crypto"
import { z } from "zod"
import { LruCache } from "../cache/lru.js"
import { CatalogUnavailableError } from "./product-catalog.js"

/**
 * Which commune or province an officer keeps, as the backend's database says: officers' tokens
 * name the officer (`commune_officer_id`), not the area, and an officer moved or removed must
 * lose the old area. Asked with the officer's own token (`GET /commune/me`), remembered a minute.
 */

export interface OfficerArea {
  communeCode: string | null
  provinceCode: string
}

export interface OfficerDirectory {
  /** The officer's area, or null when the backend knows no such officer (or refuses the token). */
  findArea(authorization: string): Promise<OfficerArea | null>
}

const meResponse = z.object({
  officer: z.object({
    level: z.enum(["commune", "province"]),
    commune_code: z.string().nullish(),
    province_code: z.string().min(1),
  }),
})

export class HttpOfficerDirectory implements OfficerDirectory {
  private readonly cache = new LruCache<string, OfficerArea | null>(10_000, 60_000)

  constructor(
    private readonly backendUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async findArea(authorization: string): Promise<OfficerArea | null> {
    // Keyed by a hash: the cache never holds a usable token.
    const key = createHash("sha256").update(authorization).digest("base64url")
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    let response: Response
    try {
      response = await fetch(`${this.backendUrl}/commune/me`, {
        headers: { authorization, accept: "application/json" },
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw new CatalogUnavailableError(`The backend did not answer: ${(error as Error).message}`, {
        cause: error,
      })
    }
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      await response.body?.cancel()
      this.cache.set(key, null)
      return null
    }
    if (!response.ok)
      throw new CatalogUnavailableError(`The backend answered HTTP ${response.status}`)
    const parsed = meResponse.safeParse(await response.json().catch(() => null))
    if (!parsed.success) throw new CatalogUnavailableError("The backend's officer is malformed")
    const { officer } = parsed.data
    const area = {
      communeCode: officer.level === "commune" ? (officer.commune_code ?? null) : null,
      provinceCode: officer.province_code,
    }
    this.cache.set(key, area)
    return area
  }
}
