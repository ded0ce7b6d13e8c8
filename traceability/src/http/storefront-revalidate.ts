import { postRevalidationToAll, type RevalidationConfig } from "@coop/contracts/revalidation"
import type { FastifyInstance } from "fastify"

/**
 * The storefront caches what it reads about batches (a product's origin section) for up to a
 * minute. A write to a batch (created, edited, sealed, recalled, an event, an EPCIS capture,
 * stamps issued or voided) posts `{"tags":["batches"]}` to its /api/revalidate, signed like the
 * indicator events (X-Coop-Signature, STOREFRONT_REVALIDATE_SECRET), so a recall shows at once.
 * Every storefront instance keeps its own cache, so every one gets the POST, exactly as the
 * backend's revalidations do (`@coop/contracts/revalidation`: the URL list or the DNS fan-out, one
 * attempt per instance within the timeout). Best effort: an instance that is down only means its
 * pages catch up within their own revalidate time.
 */
export type StorefrontRevalidateConfig = RevalidationConfig

const READS = new Set(["GET", "HEAD", "OPTIONS"])
/** Writes within this window (an event burst, a seeded season) go out as one POST. */
const COALESCE_MS = 200

export function registerStorefrontRevalidation(
  app: FastifyInstance,
  config: StorefrontRevalidateConfig | null,
): void {
  if (!config) return
  let timer: NodeJS.Timeout | null = null
  const send = async () => {
    timer = null
    for (const failure of await postRevalidationToAll(["batches"], config)) {
      app.log.warn({ failure }, "storefront revalidation not delivered")
    }
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
