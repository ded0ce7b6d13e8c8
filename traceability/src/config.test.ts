import { availableParallelism } from "node:os"
import { describe, expect, it } from "vitest"
import { ConfigError, loadConfig } from "./config.js"

const required = {
  TRACEABILITY_DATABASE_URL: "postgres://postgres@127.0.0.1:5432/traceability",
  STAMP_SIGNING_SECRET: "s".repeat(32),
  JWT_SECRET: "supersecret",
}

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error("expected loadConfig to reject the environment")
}

describe("loadConfig", () => {
  it("applies the defaults when only the required variables are set", () => {
    expect(loadConfig(required)).toEqual({
      databaseUrl: required.TRACEABILITY_DATABASE_URL,
      port: 9100,
      host: "0.0.0.0",
      publicUrl: "http://localhost:9100",
      backendUrl: "http://localhost:9000",
      storefrontUrl: "http://localhost:8000",
      stampSigningSecret: required.STAMP_SIGNING_SECRET,
      jwtSecret: "supersecret",
      logLevel: "info",
      redisUrl: undefined,
      resolver: {
        rateLimitPerMinute: 600,
        renderRateLimitPerMinute: 120,
        rateLimitAllow: [],
        suspiciousNetworks: 10,
        repeatWindowMinutes: 60,
        travelKm: 200,
        travelMinutes: 60,
        flushIntervalMs: 1000,
        flushMaxRows: 500,
        cacheTtlMs: 30000,
        redisKeyPrefix: "trace:",
      },
      trustProxyHops: 0,
      stampSheetThreads: Math.max(0, availableParallelism() - 1),
      indicators: { webhook: null, batchSize: 500, intervalMs: 1000 },
      storefrontRevalidate: null,
      trust: { stampDailyQuota: 20_000, sellerStateSecret: null },
      stampJobs: { chunkSize: 1000, leaseMs: 30_000, pollMs: 5_000 },
    })
  })

  it("reads the storefront's revalidation endpoints, used only with their secret", () => {
    const url = "http://localhost:8000/api/revalidate"
    expect(loadConfig({ ...required, STOREFRONT_REVALIDATE_URL: url }).storefrontRevalidate).toBe(
      null,
    )
    expect(
      loadConfig({ ...required, STOREFRONT_REVALIDATE_URL: url, STOREFRONT_REVALIDATE_SECRET: "s" })
        .storefrontRevalidate,
    ).toEqual({ urls: [url], fanoutDns: false, secret: "s", timeoutMs: 3_000 })
    // Every instance, as the backend reads it: a list, or one name and the dns fan-out.
    expect(
      loadConfig({
        ...required,
        STOREFRONT_REVALIDATE_URL: `${url}, http://127.0.0.1:8001/api/revalidate`,
        STOREFRONT_REVALIDATE_SECRET: "s",
        STOREFRONT_REVALIDATE_FANOUT: "dns",
        STOREFRONT_REVALIDATE_TIMEOUT_MS: "500",
      }).storefrontRevalidate,
    ).toEqual({
      urls: [url, "http://127.0.0.1:8001/api/revalidate"],
      fanoutDns: true,
      secret: "s",
      timeoutMs: 500,
    })
    expect(() =>
      loadConfig({
        ...required,
        STOREFRONT_REVALIDATE_URL: `${url},ftp://x/y`,
        STOREFRONT_REVALIDATE_FANOUT: "all",
      }),
    ).toThrow(
      /STOREFRONT_REVALIDATE_URL\.1: must be a http:\/\/ or https:\/\/ URL[\s\S]*STOREFRONT_REVALIDATE_FANOUT/,
    )
  })

  it("reads the indicator webhook, whose secret is required once its URL is set", () => {
    const url = "http://localhost:9000/webhooks/traceability"
    expect(
      loadConfig({
        ...required,
        INDICATORS_WEBHOOK_URL: url,
        INDICATORS_WEBHOOK_SECRET: "w".repeat(16),
        OUTBOX_BATCH_SIZE: "100",
        OUTBOX_INTERVAL_MS: "250",
      }).indicators,
    ).toEqual({
      webhook: { url, secret: "w".repeat(16) },
      batchSize: 100,
      intervalMs: 250,
    })
    // A secret alone sends nothing.
    expect(
      loadConfig({ ...required, INDICATORS_WEBHOOK_SECRET: "w".repeat(16) }).indicators.webhook,
    ).toBeNull()
    expect(problemsOf({ ...required, INDICATORS_WEBHOOK_URL: url })).toEqual([
      "INDICATORS_WEBHOOK_SECRET: required when INDICATORS_WEBHOOK_URL is set (the secret the backend verifies signatures with, at least 16 characters)",
    ])
    expect(
      problemsOf({
        ...required,
        INDICATORS_WEBHOOK_URL: "ftp://backend/hook",
        INDICATORS_WEBHOOK_SECRET: "short",
        OUTBOX_BATCH_SIZE: "0",
        OUTBOX_INTERVAL_MS: "often",
      }).map((p) => p.split(":")[0]),
    ).toEqual([
      "INDICATORS_WEBHOOK_URL",
      "INDICATORS_WEBHOOK_SECRET",
      "OUTBOX_BATCH_SIZE",
      "OUTBOX_INTERVAL_MS",
    ])
    // Reported together with the other variables' problems.
    expect(problemsOf({ INDICATORS_WEBHOOK_URL: url }).map((p) => p.split(":")[0])).toEqual([
      "TRACEABILITY_DATABASE_URL",
      "STAMP_SIGNING_SECRET",
      "JWT_SECRET",
      "INDICATORS_WEBHOOK_SECRET",
    ])
  })

  it("reads the PDF sheet's QR threads, 0 meaning none", () => {
    expect(loadConfig({ ...required, STAMP_SHEET_THREADS: "0" }).stampSheetThreads).toBe(0)
    expect(loadConfig({ ...required, STAMP_SHEET_THREADS: "3" }).stampSheetThreads).toBe(3)
    expect(() => loadConfig({ ...required, STAMP_SHEET_THREADS: "-1" })).toThrow(
      /STAMP_SHEET_THREADS: must be a whole number from 0 to 64/,
    )
  })

  it("reads the stamp worker's chunk size, lease and polling, for the service's own worker too", () => {
    const env = {
      STAMP_JOB_CHUNK_SIZE: "100",
      STAMP_JOB_LEASE_MS: "5000",
      STAMP_JOB_POLL_MS: "1000",
    }
    expect(loadConfig({ ...required, ...env }).stampJobs).toEqual({
      chunkSize: 100,
      leaseMs: 5_000,
      pollMs: 1_000,
    })
    expect(() => loadConfig({ ...required, STAMP_JOB_LEASE_MS: "500" })).toThrow(
      /STAMP_JOB_LEASE_MS: must be a whole number from 1000 to 3600000/,
    )
  })

  it("reads the resolver's tunables, with 0 turning the rate limit off", () => {
    const config = loadConfig({
      ...required,
      RESOLVER_RATE_LIMIT: "0",
      RENDER_RATE_LIMIT: "30",
      RATE_LIMIT_ALLOW: "10.0.0.5, 2001:db8::/48",
      SCAN_SUSPICIOUS_NETWORKS: "5",
      SCAN_REPEAT_WINDOW_MINUTES: "15",
      SCAN_TRAVEL_KM: "150",
      SCAN_TRAVEL_MINUTES: "30",
      SCAN_FLUSH_INTERVAL_MS: "200",
      SCAN_FLUSH_MAX_ROWS: "1000",
      PROVENANCE_CACHE_TTL_MS: "5000",
      REDIS_KEY_PREFIX: "tem:",
      TRUST_PROXY_HOPS: "1",
    })
    expect(config.resolver).toEqual({
      rateLimitPerMinute: 0,
      renderRateLimitPerMinute: 30,
      rateLimitAllow: ["10.0.0.5", "2001:db8::/48"],
      suspiciousNetworks: 5,
      repeatWindowMinutes: 15,
      travelKm: 150,
      travelMinutes: 30,
      flushIntervalMs: 200,
      flushMaxRows: 1000,
      cacheTtlMs: 5000,
      redisKeyPrefix: "tem:",
    })
    expect(config.trustProxyHops).toBe(1)
    expect(
      problemsOf({
        ...required,
        RESOLVER_RATE_LIMIT: "-1",
        RATE_LIMIT_ALLOW: "the storefront",
        SCAN_FLUSH_INTERVAL_MS: "5",
        SCAN_SUSPICIOUS_NETWORKS: "many",
        TRUST_PROXY_HOPS: "true",
      }).map((p) => p.split(":")[0]),
    ).toEqual([
      "RESOLVER_RATE_LIMIT",
      "RATE_LIMIT_ALLOW",
      "SCAN_SUSPICIOUS_NETWORKS",
      "SCAN_FLUSH_INTERVAL_MS",
      "TRUST_PROXY_HOPS",
    ])
  })

  it("refuses the variables that were replaced, naming their replacement", () => {
    // Trusting every proxy let any client name its own address in X-Forwarded-For.
    expect(problemsOf({ ...required, TRUST_PROXY: "true" })).toEqual([
      expect.stringMatching(/^TRUST_PROXY: replaced by TRUST_PROXY_HOPS/),
    ])
    expect(problemsOf({ ...required, SCAN_SUSPICIOUS_AFTER: "20" })).toEqual([
      expect.stringMatching(/^SCAN_SUSPICIOUS_AFTER: replaced by SCAN_SUSPICIOUS_NETWORKS/),
    ])
  })

  it("reads every variable and drops trailing slashes from base URLs", () => {
    const config = loadConfig({
      ...required,
      TRACEABILITY_PORT: "8080",
      TRACEABILITY_HOST: "127.0.0.1",
      TRACEABILITY_PUBLIC_URL: "https://tem.example.vn/",
      STOREFRONT_URL: "https://cho.example.vn//",
      MEDUSA_BACKEND_URL: "https://api.cho.example.vn/",
      LOG_LEVEL: "debug",
      REDIS_URL: "redis://localhost:6379",
    })
    expect(config).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      publicUrl: "https://tem.example.vn",
      storefrontUrl: "https://cho.example.vn",
      backendUrl: "https://api.cho.example.vn",
      logLevel: "debug",
      redisUrl: "redis://localhost:6379",
    })
  })

  it("reports every missing required variable on its own line", () => {
    const problems = problemsOf({})
    expect(problems).toHaveLength(3)
    expect(problems[0]).toMatch(/^TRACEABILITY_DATABASE_URL: required/)
    expect(problems[1]).toMatch(/^STAMP_SIGNING_SECRET: required/)
    expect(problems[2]).toMatch(/^JWT_SECRET: required/)
  })

  it("treats an empty variable as unset", () => {
    expect(problemsOf({ ...required, JWT_SECRET: "" })).toEqual([
      "JWT_SECRET: required (the Medusa backend's JWT_SECRET)",
    ])
    expect(loadConfig({ ...required, TRACEABILITY_PORT: "" }).port).toBe(9100)
  })

  it("rejects malformed values, naming each variable", () => {
    const problems = problemsOf({
      TRACEABILITY_DATABASE_URL: "mysql://localhost/db",
      STAMP_SIGNING_SECRET: "too-short",
      JWT_SECRET: "x",
      TRACEABILITY_PORT: "99999",
      TRACEABILITY_PUBLIC_URL: "not a url",
      LOG_LEVEL: "loud",
      REDIS_URL: "http://localhost:6379",
    })
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "LOG_LEVEL",
      "REDIS_URL",
      "STAMP_SIGNING_SECRET",
      "TRACEABILITY_DATABASE_URL",
      "TRACEABILITY_PORT",
      "TRACEABILITY_PUBLIC_URL",
    ])
    expect(problems).toContain("STAMP_SIGNING_SECRET: must be at least 32 characters long")
  })

  it("rejects a port that is not a number", () => {
    expect(problemsOf({ ...required, TRACEABILITY_PORT: "http" })).toEqual([
      "TRACEABILITY_PORT: must be a port number (0-65535)",
    ])
  })

  it("accepts postgresql:// URLs too", () => {
    const url = "postgresql://u:p@db:5432/trace"
    expect(loadConfig({ ...required, TRACEABILITY_DATABASE_URL: url }).databaseUrl).toBe(url)
  })
})
