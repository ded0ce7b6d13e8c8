import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { fileProvider } from "./src/lib/file-storage"
import { notificationProviders } from "./src/lib/notification-config"
import { uploadDir } from "./src/lib/upload-dir"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL
const workerMode = (process.env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server"
const storefrontUrl = process.env.STOREFRONT_URL ?? "http://localhost:8000"
const backendUrl = process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"

const production = process.env.NODE_ENV === "production"

/**
 * Set to "true" on a developer's machine to run without secrets: made-up, publicly known
 * secrets are used instead. Ignored in production. Without it a missing secret stops the start.
 */
const insecureDevSecrets = process.env.ALLOW_INSECURE_DEV_SECRETS === "true" && !production

function requiredSecret(name: string): string {
  const value = process.env[name]
  if (value) return value
  if (insecureDevSecrets) return `insecure-development-${name.toLowerCase()}`
  throw new Error(
    production
      ? `${name} must be set in production (see the configuration table in README.md)`
      : `${name} must be set (\`npm start\` generates it), or ALLOW_INSECURE_DEV_SECRETS=true for a throwaway development start`,
  )
}

/**
 * Medusa's Caching Module (which replaces the deprecated Cache Module, `cache-redis`): Query's
 * reads that ask for it (the store's product list and product routes among them) are kept until
 * an event about an entity in them (a product, price, seller, ...) drops them. On Redis with
 * REDIS_URL, so every server process shares one cache and one invalidation; otherwise in the
 * process's memory. Keys are prefixed with the database's name, so backends on one Redis (tests,
 * several shops) never read each other's entries. Turned on by the `caching` feature flag below;
 * MEDUSA_FF_CACHING=false turns it off.
 */
function cachingModule() {
  const database = databaseName(process.env.DATABASE_URL)
  return {
    resolve: "@medusajs/medusa/caching",
    options: redisUrl
      ? {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl, prefix: `mc:${database}:` },
            },
          ],
        }
      : { in_memory: { enable: true } },
  }
}

/** The database's name in a PostgreSQL URL ("medusa" when none is given). */
function databaseName(url: string | undefined): string {
  if (!url) return "medusa"
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || "medusa"
  } catch {
    return "medusa"
  }
}

/**
 * With REDIS_URL the event bus, workflow engine and locking run on Redis, so several server and
 * worker processes share them; without it, the in-memory modules of one process.
 */
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// Without a webhook secret no Stripe notice can be verified: development answers them 503
// (src/api/hooks/routes.ts); production must not start at all.
if (production && process.env.STRIPE_API_KEY && !process.env.STRIPE_WEBHOOK_SECRET) {
  throw new Error(
    "STRIPE_WEBHOOK_SECRET must be set in production when STRIPE_API_KEY is (Stripe signs its webhooks with it)",
  )
}

/**
 * Card payments through Medusa's Stripe provider, only when a Stripe secret key is configured.
 * STRIPE_API_URL points it at another Stripe-compatible server (stripe-mock in docker-compose, the
 * repository's own stateful server in tests).
 */
const stripeProvider = process.env.STRIPE_API_KEY
  ? [
      {
        resolve: "./src/modules/stripe-card",
        id: "stripe",
        options: {
          apiKey: process.env.STRIPE_API_KEY,
          webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
          apiHost: process.env.STRIPE_API_URL,
          // Card payments are charged when the order is placed; cancelled parts are refunded.
          capture: true,
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions:
      process.env.DATABASE_SSL === "true" ? undefined : { connection: { ssl: false } },
    redisUrl,
    workerMode,
    // Medusa marks the session cookie Secure in production; browsers drop such a cookie over plain
    // http, so the admin could not sign in at http://localhost:9000/app. Follow the public URL.
    cookieOptions: { secure: backendUrl.startsWith("https://") },
    http: {
      storeCors: process.env.STORE_CORS ?? storefrontUrl,
      adminCors: process.env.ADMIN_CORS ?? backendUrl,
      authCors: process.env.AUTH_CORS ?? `${storefrontUrl},${backendUrl}`,
      jwtSecret: requiredSecret("JWT_SECRET"),
      cookieSecret: requiredSecret("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true" || workerMode === "worker",
    backendUrl,
    path: "/app",
  },
  featureFlags: { caching: process.env.MEDUSA_FF_CACHING !== "false" },
  modules: [
    ...redisModules,
    cachingModule(),
    { resolve: "./src/modules/seller" },
    { resolve: "./src/modules/commune" },
    { resolve: "./src/modules/audit" },
    { resolve: "./src/modules/admin-unit" },
    { resolve: "./src/modules/checkout" },
    { resolve: "./src/modules/preorder" },
    { resolve: "./src/modules/indicators" },
    { resolve: "./src/modules/seller-notify" },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Medusa holds a payment webhook this long before processing it (a race guard).
        webhook_delay: Number(process.env.PAYMENT_WEBHOOK_DELAY_MS ?? 5000),
        providers: [
          { resolve: "./src/modules/cod", id: "cod" },
          { resolve: "./src/modules/vietqr", id: "vietqr" },
          ...stripeProvider,
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          // file-local by default; file-s3 when S3_BUCKET is set (src/lib/file-storage.ts).
          fileProvider(backendUrl, uploadDir()),
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      // E-mail (SMTP, or the development outbox), SMS (eSMS.vn), Zalo (ZNS): src/lib/notification-config.ts
      options: { providers: notificationProviders() },
    },
    {
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/fulfillment-manual",
            id: "manual",
          },
          { resolve: "./src/modules/coop-shipping", id: "coop" },
        ],
      },
    },
  ],
})
