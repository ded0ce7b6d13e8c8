import {
  createServer,
  type IncomingMessage,
  type ServerOptions,
  type ServerResponse,
} from "node:http"
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify"
import type pg from "pg"
import { HttpOfficerDirectory, type OfficerDirectory } from "./catalog/officer-directory.js"
import { HttpProductCatalog, type ProductCatalog } from "./catalog/product-catalog.js"
import type { Config } from "./config.js"
import { fastifyTrustProxy } from "./config.js"
import { registerErrorHandler } from "./http/errors.js"
import { createFastLane } from "./http/fast-lane.js"
import { registerInputGuard } from "./http/input-guard.js"
import { registerOpenApi } from "./http/openapi.js"
import { registerRateLimits } from "./http/rate-limit.js"
import { registerResolver } from "./http/resolver-setup.js"
import { batchRoutes } from "./http/routes/batches.js"
import { epcisRoutes } from "./http/routes/epcis.js"
import { eventRoutes } from "./http/routes/events.js"
import { gtinRoutes } from "./http/routes/gtins.js"
import { healthRoutes } from "./http/routes/health.js"
import { sellerStateRoutes } from "./http/routes/seller-states.js"
import { stampRoutes } from "./http/routes/stamps.js"
import { statsRoutes } from "./http/routes/stats.js"
import { registerStorefrontRevalidation } from "./http/storefront-revalidate.js"
import { StampWorker, type StampWorkerOptions } from "./jobs/stamp-worker.js"
import { ScanService } from "./scans/scan-service.js"
import { createServices } from "./services/index.js"
import { createPool } from "./store/db.js"

export interface AppDeps {
  /** A pool to use instead of one made from config.databaseUrl; the caller then closes it. */
  pool?: pg.Pool
  /** Where product lookups go instead of the backend at config.backendUrl (tests). */
  catalog?: ProductCatalog
  /** Where officers' areas are asked instead of the backend at config.backendUrl (tests). */
  officers?: OfficerDirectory
  /** Options of the in-service stamp worker, or false for none (another process runs them). */
  stampWorker?: Partial<StampWorkerOptions> | false
}

/** The service with its routes, not yet listening. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  type Handler = (request: IncomingMessage, response: ServerResponse) => void
  // The raw server hands requests to the resolver's fast lane once it exists (fast-lane.ts),
  // which passes everything it does not answer itself to Fastify.
  let fastify: Handler | null = null
  let handle: Handler | null = null
  const serverFactory = (handler: Handler, options: FastifyServerOptions) => {
    fastify = handler
    const server = createServer(
      (options as { http?: ServerOptions }).http ?? {},
      (request, response) => (handle ?? handler)(request, response),
    )
    // What Fastify sets on the server it makes itself.
    server.keepAliveTimeout = options.keepAliveTimeout!
    server.requestTimeout = options.requestTimeout!
    server.setTimeout(options.connectionTimeout!)
    if (options.maxRequestsPerSocket! > 0)
      server.maxRequestsPerSocket = options.maxRequestsPerSocket!
    return server
  }
  const app = Fastify({
    serverFactory,
    logger: { level: config.logLevel, redact: ["req.headers.authorization"] },
    routerOptions: { ignoreTrailingSlash: true },
    // Behind proxies, request.ip (rate limits, scans' network) comes from X-Forwarded-For, read
    // through TRUST_PROXY_HOPS proxies only: a client cannot name itself by sending the header.
    trustProxy: fastifyTrustProxy(config.trustProxyHops),
  })
  const pool =
    deps.pool ??
    createPool(config.databaseUrl, {
      onIdleError: (error) => app.log.error({ err: error }, "idle database client"),
    })
  if (!deps.pool) app.addHook("onClose", () => pool.end())

  registerErrorHandler(app)
  registerInputGuard(app)
  // The resolver's hot path (caches, counts, scan log) and the Redis the limits share.
  const scanService = new ScanService(pool, config, app.log)
  const catalog = deps.catalog ?? new HttpProductCatalog(config.backendUrl)
  const stampWorker =
    deps.stampWorker === false
      ? null
      : new StampWorker(pool, config, app.log, { ...config.stampJobs, ...deps.stampWorker })
  const services = createServices(
    {
      config,
      pool,
      catalog,
      // The seller-state facts a lookup brought drop the resolver's cached copies.
      sellersChanged: (ids) => scanService.sellersChanged(ids),
      batchChanged: (id) => scanService.batchChanged(id),
    },
    { kick: () => stampWorker?.kick() },
    scanService,
  )
  const context = {
    config,
    pool,
    jwtKey: new TextEncoder().encode(config.jwtSecret),
    catalog,
    officers: deps.officers ?? new HttpOfficerDirectory(config.backendUrl),
    services,
  }
  // Before any route: limits and the OpenAPI document are attached to routes as they are added.
  const publicLimit = await registerRateLimits(app, config, scanService.sharedRedis)
  await registerOpenApi(app, config)
  healthRoutes(app, context)
  registerStorefrontRevalidation(app, config.storefrontRevalidate)
  batchRoutes(app, context)
  eventRoutes(app, context)
  if (stampWorker) {
    app.addHook("onReady", async () => stampWorker.start())
    // Added after the pool's onClose hook, so it runs before it (Fastify runs them last first).
    app.addHook("onClose", () => stampWorker.stop())
  }
  stampRoutes(app, context)
  registerResolver(app, context, scanService)
  statsRoutes(app, context)
  gtinRoutes(app, context)
  // Its own JSON parser keeps the raw body for the signature: encapsulated in a plugin.
  await app.register(async (child) => sellerStateRoutes(child, context))
  // Its own parser of application/ld+json (EPCIS documents): encapsulated too.
  await app.register(async (child) => epcisRoutes(child, context))
  // Closing: Fastify answers what still arrives (503 on kept-alive connections), and the scan
  // log, closed with the app, takes no more scans.
  app.addHook("preClose", (done) => {
    handle = null
    done()
  })
  await app.ready()
  handle = createFastLane(
    {
      service: scanService,
      stampSigningSecret: config.stampSigningSecret,
      trustProxyHops: config.trustProxyHops,
      limit: publicLimit,
      log: app.log,
    },
    fastify!,
  )
  return app
}
