import { fold } from "@coop/contracts/text"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Product search as a buyer types on a phone: without diacritics ("gao nep" finds "Gạo nếp") and in
 * either language ("rice" finds the product whose seller gave it the English title "… rice"). Medusa's
 * own `q` is a case-insensitive substring of the Vietnamese columns only, so the store's product
 * list swaps `q` for the ids found here (src/api/store/routes.ts).
 */

/**
 * The same fold in SQL, as arguments of PostgreSQL's `translate()`: every precomposed Latin letter
 * with a mark maps to its base letter, and combining marks (text stored decomposed) are dropped.
 * PostgreSQL's `lower()` is then left only ASCII to lower, which it does in any collation.
 */
function sqlFoldTable(): { from: string; to: string } {
  let from = ""
  let to = ""
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ]
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code++) {
      const char = String.fromCodePoint(code)
      const base = fold(char)
      if (/^[a-z]$/.test(base) && base !== char) {
        from += char
        to += base
      }
    }
  }
  for (let code = 0x0300; code <= 0x036f; code++) from += String.fromCodePoint(code)
  return { from, to }
}

const FOLD = sqlFoldTable()

/** Most ids one search returns; a commune's catalogue is far smaller. */
export const MAX_SEARCH_RESULTS = 500

// The texts a search looks in: Medusa's product columns and the seller's English texts.
const SEARCHED = `concat_ws(' ', title, subtitle, description, handle,
  metadata->'i18n'->'en'->>'title', metadata->'i18n'->'en'->>'description')`

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Ids of the products (not deleted, any status: the store's own filters still apply) whose texts
 * hold every word of `query`, folded; none for a query with no words.
 */
export async function findProductIdsByText(
  container: MedusaContainer,
  query: string,
): Promise<string[]> {
  const words = fold(query).split(" ").filter(Boolean)
  if (!words.length) return []
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const conditions = words.map(() => `lower(translate(${SEARCHED}, ?, ?)) LIKE ? ESCAPE '\\'`)
  const bindings = words.flatMap((w) => [FOLD.from, FOLD.to, `%${escapeLike(w)}%`])
  const { rows } = (await pg.raw(
    `SELECT id FROM product
      WHERE deleted_at IS NULL AND ${conditions.join(" AND ")}
      ORDER BY created_at LIMIT ${MAX_SEARCH_RESULTS}`,
    bindings,
  )) as { rows: { id: string }[] }
  return rows.map((r) => r.id)
}
