/**
 * The storefront's revalidation webhook as its senders (the backend, the traceability service)
 * call it: `POST <storefront>/api/revalidate` with `{"tags":[...]}`, signed (`X-Coop-Signature`,
 * STOREFRONT_REVALIDATE_SECRET). Every storefront instance keeps its own Next.js cache, so every
 * instance gets the POST: STOREFRONT_REVALIDATE_URL may list several URLs (comma-separated), and
 * with STOREFRONT_REVALIDATE_FANOUT=dns each URL's host name is resolved to all its addresses and
 * each address gets it (docker-compose's `--scale storefront=N` answers one name with N
 * addresses). One attempt per instance, at most `timeoutMs` each, all in parallel, never thrown:
 * a storefront that missed one catches up within its pages' revalidate time (60 s).
 * Servers only (node:dns).
 */
import { lookup } from "node:dns/promises"
import { isIP } from "node:net"
import { postSigned } from "./signature.js"

export const REVALIDATE_TIMEOUT_MS = 3_000

export interface RevalidationConfig {
  /** Every storefront instance's `/api/revalidate` (or names to resolve with `fanoutDns`). */
  urls: string[]
  /** Resolve each URL's host to all its addresses and POST to each address. */
  fanoutDns: boolean
  secret: string
  /** How long one POST may take. */
  timeoutMs: number
}

/** `"a, b,,c"` → `["a", "b", "c"]`: STOREFRONT_REVALIDATE_URL's list. */
export function splitUrlList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean)
}

/**
 * STOREFRONT_REVALIDATE_URL, _SECRET, _FANOUT (`dns`) and _TIMEOUT_MS; null (nothing is sent)
 * unless both a URL and the secret are set.
 */
export function revalidationConfig(
  env: Record<string, string | undefined>,
): RevalidationConfig | null {
  const urls = splitUrlList(env.STOREFRONT_REVALIDATE_URL)
  const secret = env.STOREFRONT_REVALIDATE_SECRET?.trim()
  if (!urls.length || !secret) return null
  const timeoutMs = Number(env.STOREFRONT_REVALIDATE_TIMEOUT_MS)
  return {
    urls,
    fanoutDns: env.STOREFRONT_REVALIDATE_FANOUT === "dns",
    secret,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : REVALIDATE_TIMEOUT_MS,
  }
}

/** The URLs one revalidation goes to: the configured ones, or each of their hosts' addresses. */
export async function revalidationTargets(
  config: Pick<RevalidationConfig, "urls" | "fanoutDns">,
): Promise<string[]> {
  if (!config.fanoutDns) return [...new Set(config.urls)]
  const targets: string[] = []
  for (const url of config.urls) {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "")
    if (isIP(host)) {
      targets.push(url)
      continue
    }
    try {
      for (const { address, family } of await lookup(host, { all: true })) {
        const one = new URL(url)
        one.hostname = family === 6 ? `[${address}]` : address
        targets.push(one.toString())
      }
    } catch {
      // Not resolvable now: the POST to the name itself reports the failure.
      targets.push(url)
    }
  }
  return [...new Set(targets)]
}

/** One signed POST of `tags` to one instance; resolves to what went wrong, or null. */
export function postRevalidation(
  url: string,
  tags: readonly string[],
  config: Pick<RevalidationConfig, "secret" | "timeoutMs">,
): Promise<string | null> {
  return postSigned(url, JSON.stringify({ tags }), config.secret, config.timeoutMs)
}

/**
 * The same signed POST to every instance at once; resolves (never rejects) to one message per
 * instance that did not take it, `<url>: <what went wrong>`. A down or slow instance delays
 * nobody else's.
 */
export async function postRevalidationToAll(
  tags: readonly string[],
  config: RevalidationConfig,
): Promise<string[]> {
  const targets = await revalidationTargets(config)
  const results = await Promise.all(
    targets.map(async (url) => {
      const failure = await postRevalidation(url, tags, config)
      return failure ? `${url}: ${failure}` : null
    }),
  )
  return results.filter((r): r is string => r !== null)
}
