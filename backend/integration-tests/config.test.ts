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
  it("uses Redis for events, workflows, cache and locking when REDIS_URL is set", () => {
    const config = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" })
    const names = resolves(config)
    for (const name of [
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/cache-redis",
    ]) {
      expect(names).toContain(name)
    }
    const modules = Array.isArray(config.modules) ? config.modules : Object.values(config.modules)
    const locking = modules.find((m) => m.resolve === "@medusajs/medusa/locking")
    expect(JSON.stringify(locking?.options)).toContain("@medusajs/medusa/locking-redis")
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
  })
})
