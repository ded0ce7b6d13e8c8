import type { FastifyInstance } from "fastify"
import type { ScanService } from "../scans/scan-service.js"
import type { RouteContext } from "./context.js"
import { productProvenanceRoutes } from "./routes/product-provenance.js"
import { resolverRoutes } from "./routes/resolver.js"
import { scanRoutes } from "./routes/scans.js"
import { wellKnownRoutes } from "./routes/well-known.js"

declare module "fastify" {
  interface FastifyInstance {
    /** The resolver's caches, scan counts and scan log (tests flush it). */
    scanService: ScanService
  }
}

const READS = new Set(["GET", "HEAD", "OPTIONS"])

/**
 * The public side of the service: the resolver, the storefront's scan routes and the resolver
 * description, with their shared scan service (rate limits: see rate-limit.ts).
 */
export function registerResolver(
  app: FastifyInstance,
  context: RouteContext,
  service: ScanService,
): void {
  app.decorate("scanService", service)
  // Fastify runs onClose hooks last-registered first, so this writes pending scans before
  // buildApp's own hook ends the pool (test/scans.test.ts checks it).
  app.addHook("onClose", () => service.close())
  app.addHook("onReady", () => service.ready())

  // A write to a batch (details, events, state, voided stamps) drops its cached provenance here
  // and on other instances, before the writer sees the answer.
  // Callback style: every scan passes this hook, and reads leave it without a promise.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (READS.has(request.method) || reply.statusCode >= 400) return done(null, payload)
    const id = (request.params as { id?: string } | undefined)?.id
    if (!id || !request.routeOptions.url?.startsWith("/batches/:id")) return done(null, payload)
    service.batchChanged(id).then(
      () => done(null, payload),
      (error) => done(error),
    )
  })

  resolverRoutes(app, context, service)
  scanRoutes(app, context)
  productProvenanceRoutes(app, context)
  wellKnownRoutes(app, context)
}
