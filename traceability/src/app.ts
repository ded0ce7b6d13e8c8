import Fastify, { type FastifyInstance } from "fastify"
import type pg from "pg"
import type { Config } from "./config.js"
import { registerErrorHandler } from "./http/errors.js"
import { batchRoutes } from "./http/routes/batches.js"
import { healthRoutes } from "./http/routes/health.js"
import { resolverRoutes } from "./http/routes/resolver.js"
import { stampRoutes } from "./http/routes/stamps.js"
import { createPool } from "./store/db.js"

export interface AppDeps {
  /** A pool to use instead of one made from config.databaseUrl; the caller then closes it. */
  pool?: pg.Pool
}

/** The service with its routes, not yet listening. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.authorization"] },
    routerOptions: { ignoreTrailingSlash: true },
  })
  const pool =
    deps.pool ??
    createPool(config.databaseUrl, {
      onIdleError: (error) => app.log.error({ err: error }, "idle database client"),
    })
  if (!deps.pool) app.addHook("onClose", () => pool.end())

  const context = { config, pool, jwtKey: new TextEncoder().encode(config.jwtSecret) }
  registerErrorHandler(app)
  healthRoutes(app, context)
  batchRoutes(app, context)
  stampRoutes(app, context)
  resolverRoutes(app, context)
  await app.ready()
  return app
}
