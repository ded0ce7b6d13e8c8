// The scaled topology on one machine, with real processes (no Docker engine here): HAProxy in
// front of 2 backend servers, 2 traceability instances and 2 storefronts, one Medusa worker, one
// PostgreSQL, one Redis and an S3-compatible store for uploads. Used by `npm run start:cluster`
// and `npm run test:cluster`.
import { spawnSync } from "node:child_process"
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ROOT } from "./pg.mjs"
import {
  BACKEND,
  BIN,
  prepareBuilds,
  prepareDatabases,
  STOREFRONT,
  TRACEABILITY,
} from "./prepare.mjs"
import { freePort, startService, stopService, waitForHttp } from "./proc.mjs"

const DATA = path.join(ROOT, ".data", "cluster")
const DEV_S3 = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER", bucket: "coop-uploads" }

function findBinary(name, dirs = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]) {
  for (const dir of [...(process.env.PATH ?? "").split(":"), ...dirs]) {
    if (!dir) continue
    const full = path.join(dir, name)
    try {
      accessSync(full, constants.X_OK)
      return full
    } catch {
      // Not here.
    }
  }
  return null
}

/** A Debian package's binary; installed with apt-get when root (like Chromium for the tests). */
export function ensureDebianBinary(binary, pkg, say) {
  const found = findBinary(binary)
  if (found) return found
  if (process.getuid?.() === 0) {
    say(`Installing Debian's ${pkg} (apt-get)...`)
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
    for (const args of [
      ["update", "-qq"],
      ["install", "-y", "-qq", pkg],
    ]) {
      const r = spawnSync("apt-get", args, {
        stdio: ["ignore", process.stderr, process.stderr],
        env,
      })
      if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`)
    }
    const installed = findBinary(binary)
    if (installed) return installed
  }
  throw new Error(
    `${binary} is missing: install Debian's package (sudo apt-get install -y ${pkg}) and run again`,
  )
}

/** HAProxy's configuration for the three pools; `servers` maps a pool to its instances' ports. */
export function haproxyConfig({ listen, servers, statsPort }) {
  const pool = (name, check, ports, { countedGets = false } = {}) =>
    [
      `backend ${name}`,
      "  balance roundrobin",
      `  option httpchk GET ${check}`,
      "  http-check expect status 200",
      // A connection refused is retried on another instance for every method (nothing was sent);
      // a lost answer only for idempotent ones: a POST may have been processed (an order placed).
      // Traceability's GETs are scans, each one counted: a scan whose answer was lost may have
      // been counted already, so there only a refused connection is retried.
      "  retries 2",
      "  option redispatch 1",
      countedGets
        ? "  retry-on conn-failure"
        : "  retry-on conn-failure empty-response response-timeout 502 503 504",
      "  http-request disable-l7-retry if !{ method GET HEAD OPTIONS }",
      // Which instance answered: the tests check that requests alternate.
      "  http-response set-header X-Served-By %s",
      // A busy instance may answer its check slowly: out after 3 failures of 5 s, and what it is
      // answering is left to finish (no shutdown-sessions: a slow instance is not a dead one).
      "  timeout check 5s",
      "  default-server inter 1s fall 3 rise 2",
      ...ports.map((port, i) => `  server ${name}${i + 1} 127.0.0.1:${port} check`),
      "",
    ].join("\n")
  return [
    "global",
    "  maxconn 4096",
    "",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  option http-server-close",
    "  timeout connect 2s",
    "  timeout client 120s",
    "  timeout server 120s",
    "  timeout http-request 30s",
    "",
    `frontend backend_in`,
    `  bind 127.0.0.1:${listen.backend}`,
    "  default_backend backend",
    "",
    `frontend traceability_in`,
    `  bind 127.0.0.1:${listen.traceability}`,
    "  default_backend traceability",
    "",
    `frontend storefront_in`,
    `  bind 127.0.0.1:${listen.storefront}`,
    "  default_backend storefront",
    "",
    pool("backend", "/health", servers.backend),
    pool("traceability", "/health", servers.traceability, { countedGets: true }),
    pool("storefront", "/api/health", servers.storefront),
    "frontend stats",
    `  bind 127.0.0.1:${statsPort}`,
    "  stats enable",
    "  stats uri /stats",
    "  stats refresh 5s",
    "",
  ].join("\n")
}

/**
 * Starts everything and resolves once each pool answers through the load balancer.
 * `ports` are the load balancer's (public) ports; `admin: false` leaves the admin dashboard out
 * (no build: the tests do not use it); `env` is added to every instance's environment (the
 * tests shorten the stamp jobs' lease). Returns handles to every process, `kill(name)` and
 * `restart(name)` for the tests, and `stop()`.
 */
export async function startCluster({
  say,
  ports,
  counts = { backend: 2, traceability: 2, storefront: 2 },
  admin = true,
  env: extraEnv = {},
  onLine,
}) {
  const haproxy = ensureDebianBinary("haproxy", "haproxy", say)
  mkdirSync(DATA, { recursive: true })
  const urls = {
    backend: `http://localhost:${ports.backend}`,
    traceability: `http://localhost:${ports.traceability}`,
    storefront: `http://localhost:${ports.storefront}`,
  }
  const services = new Map()
  const specs = new Map()
  let stopping = false
  const stop = async () => {
    stopping = true
    // The instances first, then what they use (Redis, the S3 store).
    const last = new Set(["redis", "s3"])
    const entries = [...services]
    await Promise.all(entries.filter(([n]) => !last.has(n)).map(([, s]) => stopService(s)))
    await Promise.all(entries.filter(([n]) => last.has(n)).map(([, s]) => stopService(s)))
    await prepared?.pg.stop().catch(() => {})
  }
  const launch = (name) => {
    const spec = specs.get(name)
    const child = startService(name, spec.cmd, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      onLine: onLine ? (line) => onLine(name, line) : undefined,
    })
    services.set(name, child)
    child.on("exit", (code, signal) => {
      if (!stopping && services.get(name) === child) {
        say(`${name} stopped (${signal ?? `exit ${code}`})`)
      }
    })
    return child
  }
  const define = (name, spec) => {
    specs.set(name, spec)
    return launch(name)
  }

  let prepared
  try {
    // Redis: REDIS_URL's, or one started here (no persistence: a development cluster).
    let redisUrl = process.env.REDIS_URL
    if (!redisUrl) {
      const redisServer = ensureDebianBinary("redis-server", "redis-server", say)
      const port = await freePort()
      define("redis", {
        cmd: redisServer,
        args: [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--save",
          "",
          "--appendonly",
          "no",
          "--loglevel",
          "warning",
        ],
        cwd: DATA,
        env: process.env,
      })
      redisUrl = `redis://127.0.0.1:${port}`
      say(`Redis: started on ${redisUrl} (set REDIS_URL to use yours)`)
    } else {
      say(`Redis: ${redisUrl}`)
    }

    // Uploads: the S3 settings given, or the npm S3 stand-in.
    let s3Env
    if (process.env.S3_BUCKET) {
      s3Env = {}
      say(`Uploads: S3 bucket ${process.env.S3_BUCKET} (${process.env.S3_ENDPOINT ?? "AWS"})`)
    } else {
      const port = await freePort()
      define("s3", {
        cmd: process.execPath,
        args: [
          path.join(ROOT, "scripts/lib/s3-server.mjs"),
          String(port),
          path.join(DATA, "s3"),
          DEV_S3.bucket,
        ],
        cwd: ROOT,
        env: process.env,
      })
      s3Env = {
        S3_BUCKET: DEV_S3.bucket,
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: DEV_S3.accessKeyId,
        S3_SECRET_ACCESS_KEY: DEV_S3.secretAccessKey,
        S3_REGION: "us-east-1",
      }
      await waitForHttp(`${s3Env.S3_ENDPOINT}/${DEV_S3.bucket}`, {
        child: services.get("s3"),
        timeoutMs: 30_000,
      }).catch(() => waitForPortOnly(s3Env.S3_ENDPOINT))
      say(`Uploads: S3 stand-in (npm s3rver) on ${s3Env.S3_ENDPOINT}, files in .data/cluster/s3`)
    }

    const internal = {
      backend: await Promise.all(Array.from({ length: counts.backend }, () => freePort())),
      traceability: await Promise.all(
        Array.from({ length: counts.traceability }, () => freePort()),
      ),
      storefront: await Promise.all(Array.from({ length: counts.storefront }, () => freePort())),
    }
    prepared = await prepareDatabases({
      say,
      env: {
        REDIS_URL: redisUrl,
        ...s3Env,
        MEDUSA_BACKEND_URL: urls.backend,
        STOREFRONT_URL: urls.storefront,
        TRACEABILITY_PUBLIC_URL: urls.traceability,
        TRACEABILITY_URL: urls.traceability,
        RATE_LIMIT_ALLOW: process.env.RATE_LIMIT_ALLOW ?? "127.0.0.1,::1",
        // HAProxy adds X-Forwarded-For; the services trust one proxy hop.
        TRUST_PROXY_HOPS: "1",
        INDICATORS_WEBHOOK_URL: `${urls.backend}/webhooks/traceability`,
        // Each storefront keeps its own Next.js cache: every change is posted to every instance,
        // by the backend (catalogue changes) and the traceability service (batch changes) alike.
        STOREFRONT_REVALIDATE_URL: internal.storefront
          .map((p) => `http://127.0.0.1:${p}/api/revalidate`)
          .join(","),
      },
    })
    await prepareBuilds({
      say,
      env: prepared.env,
      backendDb: prepared.backendDb,
      backendUrl: urls.backend,
      admin,
    })

    const env = { ...prepared.env, NODE_ENV: "production", ...extraEnv }
    // One worker (subscribers, scheduled jobs, workflow steps in the background), N servers.
    define("worker", {
      cmd: path.join(BIN, "medusa"),
      args: ["start", "--port", String(await freePort())],
      cwd: BACKEND,
      env: { ...env, MEDUSA_WORKER_MODE: "worker", ADMIN_DISABLED: "true" },
    })
    internal.backend.forEach((port, i) => {
      define(`backend${i + 1}`, {
        cmd: path.join(BIN, "medusa"),
        args: ["start", "--port", String(port)],
        cwd: BACKEND,
        env: { ...env, MEDUSA_WORKER_MODE: "server", ...(admin ? {} : { ADMIN_DISABLED: "true" }) },
      })
    })
    internal.traceability.forEach((port, i) => {
      define(`traceability${i + 1}`, {
        cmd: process.execPath,
        args: ["dist/server.js"],
        cwd: TRACEABILITY,
        env: {
          LOG_LEVEL: "warn",
          ...env,
          TRACEABILITY_PORT: String(port),
          TRACEABILITY_HOST: "127.0.0.1",
        },
      })
    })
    internal.storefront.forEach((port, i) => {
      define(`storefront${i + 1}`, {
        cmd: path.join(BIN, "next"),
        args: ["start", "-p", String(port), "-H", "127.0.0.1"],
        cwd: STOREFRONT,
        env,
      })
    })

    const statsPort = await freePort()
    const cfg = path.join(DATA, "haproxy.cfg")
    writeFileSync(
      cfg,
      haproxyConfig({
        listen: ports,
        servers: internal,
        statsPort,
      }),
    )
    define("haproxy", { cmd: haproxy, args: ["-f", cfg, "-db"], cwd: DATA, env: process.env })

    const direct = {
      backend: internal.backend.map((p) => `http://127.0.0.1:${p}`),
      traceability: internal.traceability.map((p) => `http://127.0.0.1:${p}`),
      storefront: internal.storefront.map((p) => `http://127.0.0.1:${p}`),
    }
    await Promise.all([
      ...direct.backend.map((u, i) =>
        waitForHttp(`${u}/health`, { child: services.get(`backend${i + 1}`), timeoutMs: 240_000 }),
      ),
      ...direct.traceability.map((u, i) =>
        waitForHttp(`${u}/health`, { child: services.get(`traceability${i + 1}`) }),
      ),
      ...direct.storefront.map((u, i) =>
        waitForHttp(`${u}/api/health`, { child: services.get(`storefront${i + 1}`) }),
      ),
    ])
    // Through the load balancer once its health checks have seen the instances.
    await Promise.all([
      waitForHttp(`${urls.backend}/health`, { child: services.get("haproxy") }),
      waitForHttp(`${urls.traceability}/health`, { child: services.get("haproxy") }),
      waitForHttp(`${urls.storefront}/api/health`, { child: services.get("haproxy") }),
    ])
    // Every instance in rotation (health checks passed), not only the first of each pool.
    const statsUrl = `http://127.0.0.1:${statsPort}/stats;csv`
    for (let i = 0; ; i++) {
      const csv = await fetch(statsUrl)
        .then((r) => r.text())
        .catch(() => "")
      const servers = csv
        .split("\n")
        .map((line) => line.split(","))
        .filter((f) => f[1] && !["FRONTEND", "BACKEND", "svname"].includes(f[1]))
      if (servers.length && servers.every((f) => f[17] === "UP")) break
      if (i > 120) throw new Error(`not every instance passes its health check: ${csv}`)
      await new Promise((r) => setTimeout(r, 500))
    }
    return {
      urls,
      direct,
      statsUrl: `http://127.0.0.1:${statsPort}/stats`,
      env,
      secrets: prepared.secrets,
      services,
      /** SIGKILL one process (a crash): nothing it held is written. */
      kill: (name) => {
        const child = services.get(name)
        try {
          process.kill(-child.pid, "SIGKILL")
        } catch {
          // Gone already.
        }
        return new Promise((resolve) =>
          child.exitCode !== null || child.signalCode !== null
            ? resolve()
            : child.once("exit", resolve),
        )
      },
      /** Starts a stopped (or killed) process again with the same command and settings. */
      restart: (name) => launch(name),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function waitForPortOnly(url) {
  const { isPortOpen } = await import("./pg.mjs")
  const { port, hostname } = new URL(url)
  for (let i = 0; i < 60; i++) {
    if (await isPortOpen(Number(port), hostname)) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not open`)
}
