import { createRequire } from "node:module"
import path from "node:path"

const require = createRequire(path.join(process.cwd(), "package.json"))
const CONFIG = path.join(process.cwd(), "medusa-config.ts")

type ModuleEntry = { resolve?: string; options?: Record<string, unknown> }

/** Loads medusa-config.ts afresh under the given environment. */
function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
  try {
    delete require.cache[require.resolve(CONFIG)]
    return require(CONFIG) as {
      projectConfig: { workerMode: string; redisUrl?: string; databaseUrl?: string }
      admin: { disable: boolean; path: string }
      modules: Record<string, ModuleEntry> | ModuleEntry[]
    }
  } finally {
    process.env = saved
  }
}

function resolves(config: ReturnType<typeof loadConfig>): string[] {
  const modules = Array.isArray(config.modules) ? config.modules : Object.values(config.modules)
  return modules.map((m) => m.resolve ?? "")
}

describe("medusa-config", () => {
  it("uses Redis for events, workflows, caching and locking when REDIS_URL is set", () => {
    const config = loadConfig({
      REDIS_URL: "redis://127.0.0.1:6379",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/shop_a",
    })
    const names = resolves(config)
    for (const name of [
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
    ]) {
      expect(names).toContain(name)
    }
    // The deprecated Cache Module on Redis is replaced by the Caching Module's Redis provider.
    expect(names).not.toContain("@medusajs/medusa/cache-redis")
    const modules = Array.isArray(config.modules) ? config.modules : Object.values(config.modules)
    const locking = modules.find((m) => m.resolve === "@medusajs/medusa/locking")
    expect(JSON.stringify(locking?.options)).toContain("@medusajs/medusa/locking-redis")
    const caching = modules.find((m) => m.resolve === "@medusajs/medusa/caching")
    expect(caching?.options).toEqual({
      providers: [
        {
          resolve: "@medusajs/medusa/caching-redis",
          id: "caching-redis",
          is_default: true,
          // Two shops (or two test backends) on one Redis never read each other's entries.
          options: { redisUrl: "redis://127.0.0.1:6379", prefix: "mc:shop_a:" },
        },
      ],
    })
  })

  it("turns the Caching Module on, in memory without Redis, and off with MEDUSA_FF_CACHING=false", () => {
    const config = loadConfig({ REDIS_URL: undefined }) as ReturnType<typeof loadConfig> & {
      featureFlags: Record<string, boolean>
    }
    const modules = Array.isArray(config.modules) ? config.modules : Object.values(config.modules)
    const caching = modules.find((m) => m.resolve === "@medusajs/medusa/caching")
    expect(caching?.options).toEqual({ in_memory: { enable: true } })
    expect(config.featureFlags.caching).toBe(true)
    const off = loadConfig({ MEDUSA_FF_CACHING: "false" }) as typeof config
    expect(off.featureFlags.caching).toBe(false)
  })

  it("keeps the in-memory modules without REDIS_URL", () => {
    const names = resolves(loadConfig({ REDIS_URL: undefined }))
    expect(names.filter((n) => n.includes("redis"))).toEqual([])
    for (const name of [
      "@medusajs/medusa/event-bus-local",
      "@medusajs/medusa/workflow-engine-inmemory",
      "@medusajs/medusa/cache-inmemory",
    ]) {
      expect(names).toContain(name)
    }
  })

  it("honours MEDUSA_WORKER_MODE and turns the admin off in a worker", () => {
    expect(loadConfig({ MEDUSA_WORKER_MODE: "server" }).projectConfig.workerMode).toBe("server")
    const worker = loadConfig({ MEDUSA_WORKER_MODE: "worker" })
    expect(worker.projectConfig.workerMode).toBe("worker")
    expect(worker.admin.disable).toBe(true)
    const shared = loadConfig({ MEDUSA_WORKER_MODE: undefined })
    expect(shared.projectConfig.workerMode).toBe("shared")
    expect(shared.admin.path).toBe("/app")
  })

  it("refuses to start in production without its secrets", () => {
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: undefined })).toThrow(
      /JWT_SECRET must be set/,
    )
    // The development flag never applies to production.
    expect(() =>
      loadConfig({
        NODE_ENV: "production",
        COOKIE_SECRET: undefined,
        ALLOW_INSECURE_DEV_SECRETS: "true",
      }),
    ).toThrow(/COOKIE_SECRET must be set in production/)
  })

  it("uses no made-up secret outside production unless the development flag is set", () => {
    for (const NODE_ENV of ["development", "test", undefined]) {
      expect(() =>
        loadConfig({ NODE_ENV, JWT_SECRET: undefined, ALLOW_INSECURE_DEV_SECRETS: undefined }),
      ).toThrow(/JWT_SECRET must be set .*ALLOW_INSECURE_DEV_SECRETS=true/)
    }
    const flagged = loadConfig({
      NODE_ENV: "development",
      JWT_SECRET: undefined,
      ALLOW_INSECURE_DEV_SECRETS: "true",
    }) as unknown as { projectConfig: { http: { jwtSecret: string } } }
    expect(flagged.projectConfig.http.jwtSecret).toBe("insecure-development-jwt_secret")
  })

  it("with Stripe on, refuses a production start without a webhook secret", () => {
    const stripe = { NODE_ENV: "production", STRIPE_API_KEY: "sk_test_x" }
    expect(() => loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: undefined })).toThrow(
      /STRIPE_WEBHOOK_SECRET must be set in production/,
    )
    expect(() => loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: "" })).toThrow(
      /STRIPE_WEBHOOK_SECRET/,
    )
    expect(resolves(loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: "whsec_x" }))).toBeDefined()
    // Development starts (its webhook route answers 503 instead).
    expect(() =>
      loadConfig({ ...stripe, NODE_ENV: "development", STRIPE_WEBHOOK_SECRET: undefined }),
    ).not.toThrow()
  })
})
