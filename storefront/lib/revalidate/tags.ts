import { CACHE_TAGS, type CacheTag } from "../cache-tags"

const KNOWN = new Set<string>(Object.values(CACHE_TAGS))
const MAX_TAGS = 50

export type ParsedTags =
  | { ok: true; tags: CacheTag[]; ignored: string[] }
  | { ok: false; message: string }

/**
 * The tags of a revalidation request, `{ "tags": string[] }`. Only the storefront's own tags are
 * revalidated; others are reported back as ignored rather than refused, so a backend that knows a
 * newer tag than this build still gets its known ones through.
 */
export function parseTags(body: unknown): ParsedTags {
  const tags = (body as { tags?: unknown } | null)?.tags
  if (
    !Array.isArray(tags) ||
    tags.length === 0 ||
    tags.length > MAX_TAGS ||
    !tags.every((t) => typeof t === "string")
  ) {
    return { ok: false, message: `expected {"tags": [...]} with 1 to ${MAX_TAGS} strings` }
  }
  const unique = [...new Set(tags as string[])]
  return {
    ok: true,
    tags: unique.filter((t): t is CacheTag => KNOWN.has(t)),
    ignored: unique.filter((t) => !KNOWN.has(t)),
  }
}
