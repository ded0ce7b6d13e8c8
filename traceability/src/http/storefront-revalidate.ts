import { postSigned } from "@coop/contracts/signature"
import type { FastifyInstance } from "fastify"

/**
 * The storefront caches what it reads about batches (a product's origin section) for up to a
 * minute. A write to a batch (created, edited, sealed, recalled, an event, an EPCIS capture,
 * stamps issued or voided) posts `{"tags":["batches"]}` to its /api/revalidate, signed like the
 * indicator events (X-Coop-Signature, STOREFRONT_REVALIDATE_SECRET), so a recall shows at once. Best effort: a
 * storefront that is down only means its pages catch up within their own revalidate time.
 */
export interface StorefrontRevalidateConfig {
  url: string
  secret: string
}

const READS = new Set(["GET", "HEAD", "OPTIONS"])
/** Writes within this window (an event burst, a seeded season) go out as one POST. */
const COALESCE_MS = 200
const TIMEOUT_MS = 3_000

export function registerStorefrontRevalidation(
  app: FastifyInstance,
  config: StorefrontRevalidateConfig | null,
): void {
  if (!config) return
  let timer: NodeJS.Timeout | null = null
  const send = async () => {
    timer = null
    const body = JSON.stringify({ tags: ["batches"] })
    const failure = await postSigned(config.url, body, config.secret, TIMEOUT_MS)
    if (failure) app.log.warn({ failure }, "storefront revalidation not delivered")
  }
  // Callback style: every request passes this hook; it never waits for the storefront.
  app.addHook("onSend", (request, reply, payload, done) => {
    const route = request.routeOptions.url ?? ""
    // POST /capture appends EPCIS-captured events to batches.
    const writesBatches = route.startsWith("/batches") || route === "/capture"
    if (!READS.has(request.method) && reply.statusCode < 400 && writesBatches) {
      timer ??= setTimeout(send, COALESCE_MS)
      timer.unref()
    }
    done(null, payload)
  })
}
