// The traceability demo `npm start` sets up once: for every OCOP product of the demo commune, a
// batch with a season of events and a run of stamps, created through the service's own API as the
// operator (operator token + the product's seller from the backend's admin product lookup), so
// there are stamps to try. Idempotent: what exists (per .data/demo-trace.json, or found again by
// lot code) is reused, missing events are appended, and stamps are issued with an Idempotency-Key.
import { createHmac } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { SEASONS } from "./demo-seasons.mjs"
import { ROOT } from "./pg.mjs"

const STATE = path.join(ROOT, ".data", "demo-trace.json")
const STAMPS_PER_BATCH = 24
// The second demo stamp has been scanned this often by buyers; the third is voided.
const DEMO_SCANS = 3
const DAY_MS = 24 * 60 * 60 * 1000
const FIRST_PRODUCT = "gao-seng-cu-gia-phu-5kg"

const b64url = (value) => Buffer.from(value).toString("base64url")

/** An HS256 token like the backend's for `claims` (actor_id, actor_type, app_metadata, …). */
export function signedToken(secret, claims, ttlSeconds = 600) {
  const now = Math.floor(Date.now() / 1000)
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))
  const payload = b64url(
    JSON.stringify({
      auth_identity_id: "",
      app_metadata: {},
      ...claims,
      iat: now,
      exp: now + ttlSeconds,
    }),
  )
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url")
  return `${header}.${payload}.${signature}`
}

/** The operator's token (actor type "user"). */
export function operatorToken(secret, actorId = "npm-start-demo") {
  return signedToken(secret, { actor_id: actorId, actor_type: "user" })
}

/** A JSON call to a service; an error names the method, the URL and the answer. */
export async function call(url, init) {
  const res = await fetch(url, init)
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${res.status} ${JSON.stringify(body)}`)
  }
  return body
}

/** Vietnam's local calendar day and time, `days` from `anchor`: what a farmer's phone records. */
export function localTime(anchor, days, hour = 7) {
  const local = new Date(anchor.getTime() + days * DAY_MS + 7 * 60 * 60 * 1000)
  const date = local.toISOString().slice(0, 10)
  return { date, time: `${date}T${String(hour).padStart(2, "0")}:30:00+07:00` }
}

/** The POST /batches body of a product's season, created on `anchor`. */
export function batchBody(product, sellerId, season, anchor) {
  const day = (n) => (n === undefined ? undefined : localTime(anchor, n).date)
  const dates = Object.fromEntries(Object.entries(season.dates).map(([k, n]) => [k, day(n)]))
  const certifications = {
    ...(product.metadata?.ocop_stars ? { ocop_stars: Number(product.metadata.ocop_stars) } : {}),
    ...(season.vietgap
      ? {
          vietgap: {
            number: `VietGAP-TT-DEMO-${season.lot}`,
            valid_from: day(-400),
            valid_until: day(700),
          },
        }
      : {}),
  }
  return {
    product_id: product.id,
    seller_id: sellerId,
    lot_code: `${season.lot}-${dates.packed_on.replaceAll("-", "").slice(2)}`,
    quantity: season.quantity,
    unit: season.unit,
    area: season.area,
    dates,
    certifications,
  }
}

const FIELD_WORK = new Set(["planting", "input_applied", "harvest"])

/** The POST /batches/:id/events bodies of a season, in order. */
export function eventBodies(season, anchor) {
  return season.events.map(({ day, place, ...fields }, i) => {
    const atField = FIELD_WORK.has(fields.type) && season.area.lat !== undefined
    return {
      ...fields,
      occurred_at: localTime(anchor, day, 6 + (i % 10)).time,
      ...(place
        ? {
            place: atField
              ? { name: place, lat: season.area.lat, lng: season.area.lng }
              : { name: place },
          }
        : {}),
    }
  })
}

/**
 * Makes sure every OCOP demo product has its batch, events and stamps; returns a stamp URL to try.
 * @param {{ backendUrl: string, traceabilityUrl: string, publishableKey: string, jwtSecret: string, statePath?: string }} options
 */
export async function ensureDemoTrace({
  backendUrl,
  traceabilityUrl,
  publishableKey,
  jwtSecret,
  statePath = STATE,
}) {
  const auth = {
    authorization: `Bearer ${operatorToken(jwtSecret)}`,
    "content-type": "application/json",
  }
  const saved = existsSync(statePath) ? JSON.parse(readFileSync(statePath, "utf8")) : {}
  // The first version kept one { batchId }; its batch is simply left alone.
  const state = { batches: saved.batches ?? {} }
  const save = () => {
    mkdirSync(path.dirname(statePath), { recursive: true })
    writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`)
  }

  const { products } = await call(
    `${backendUrl}/store/products?fields=id,handle,title,metadata&limit=100`,
    { headers: { "x-publishable-api-key": publishableKey } },
  )
  const ocop = products.filter((p) => p.metadata?.ocop_stars && SEASONS[p.handle])
  if (ocop.length === 0) throw new Error("the backend lists no OCOP demo products")

  const results = []
  for (const product of ocop) {
    const season = SEASONS[product.handle]
    const batch = await ensureBatch(product, season)
    state.batches[product.handle] = { batchId: batch.id, lotCode: batch.lot_code }
    save()
    await ensureEvents(batch, season)
    // The season is over: seal the lot. Sealing twice is harmless.
    if (batch.state === "open") {
      await call(`${traceabilityUrl}/batches/${batch.id}/seal`, {
        method: "POST",
        headers: auth,
        body: "{}",
      })
    }
    const { stamps } = await call(`${traceabilityUrl}/batches/${batch.id}/stamps`, {
      method: "POST",
      headers: { ...auth, "idempotency-key": `npm-start-demo-${batch.id}` },
      body: JSON.stringify({ count: STAMPS_PER_BATCH }),
    })
    results.push({ handle: product.handle, batchId: batch.id, stamps })
  }

  const first = results.find((r) => r.handle === FIRST_PRODUCT) ?? results[0]
  // A stamp buyers have already scanned a few times, and one from a roll reported lost.
  const [, scanned, voided] = first.stamps
  const { scans } = await call(`${traceabilityUrl}/stamps/${scanned.serial}/provenance`, {})
  for (let i = scans?.count ?? 0; i < DEMO_SCANS; i++) {
    await call(scanned.uri, { headers: { accept: "application/json", "user-agent": "demo-seed" } })
  }
  await call(`${traceabilityUrl}/batches/${first.batchId}/stamps/void`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ serials: [voided.serial], reason: "Cuộn tem bị rách (dữ liệu mẫu)" }),
  })
  return {
    batchId: first.batchId,
    stampUrl: first.stamps[0].uri,
    scannedStampUrl: scanned.uri,
    voidedStampUrl: voided.uri,
    qrUrl: `${traceabilityUrl}/stamps/${first.stamps[0].serial}.svg`,
    batches: results.map((r) => ({
      handle: r.handle,
      batchId: r.batchId,
      stamps: r.stamps.length,
    })),
  }

  async function ensureBatch(product, season) {
    const known = state.batches[product.handle]?.batchId
    if (known) {
      const res = await fetch(`${traceabilityUrl}/batches/${known}`, { headers: auth })
      if (res.ok) return res.json()
    }
    // The operator path: the backend's admin lookup names the product's seller.
    const { product: full } = await call(`${backendUrl}/admin/seller-products/${product.id}`, {
      headers: auth,
    })
    if (!full.seller?.id) throw new Error(`the demo product ${product.handle} has no seller`)
    // Made by an earlier run whose state file is gone (maybe on another day, so under another
    // lot code): any batch of this product with the season's lot prefix is the demo's.
    const { batches } = await call(
      `${traceabilityUrl}/batches?seller_id=${encodeURIComponent(full.seller.id)}&product_id=${encodeURIComponent(product.id)}&limit=100`,
      { headers: auth },
    )
    const earlier = batches.find((b) => b.lot_code.startsWith(`${season.lot}-`))
    if (earlier) return earlier
    return call(`${traceabilityUrl}/batches`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(batchBody(product, full.seller.id, season, new Date())),
    })
  }

  async function ensureEvents(batch, season) {
    // Events are append-only and ordered: those already recorded are the season's first ones.
    const { events } = await call(`${traceabilityUrl}/batches/${batch.id}/events`, {
      headers: auth,
    })
    if (batch.state !== "open") return
    const anchor = new Date(batch.created_at)
    for (const body of eventBodies(season, anchor).slice(events.length)) {
      await call(`${traceabilityUrl}/batches/${batch.id}/events`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify(body),
      })
    }
  }
}
