// The traceability demo `npm start` sets up once: a batch of the demo rice with a run of stamps,
// created through the service's own API as the operator, so there is a stamp URL to try.
import { createHmac } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ROOT } from "./pg.mjs"

const STATE = path.join(ROOT, ".data", "demo-trace.json")
const PRODUCT_HANDLE = "gao-seng-cu-gia-phu-5kg"
const LOT_CODE = "GP-2026-MUA10"
const STAMPS = 12

const b64url = (value) => Buffer.from(value).toString("base64url")

/** An HS256 token like the backend's, for the operator (actor type "user"). */
export function operatorToken(secret, actorId = "npm-start-demo") {
  const now = Math.floor(Date.now() / 1000)
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))
  const payload = b64url(
    JSON.stringify({
      actor_id: actorId,
      actor_type: "user",
      auth_identity_id: "",
      app_metadata: {},
      iat: now,
      exp: now + 600,
    }),
  )
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url")
  return `${header}.${payload}.${signature}`
}

async function call(url, init) {
  const res = await fetch(url, init)
  const body = await res.json().catch(() => ({}))
  if (!res.ok)
    throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${res.status} ${JSON.stringify(body)}`)
  return body
}

/**
 * Makes sure the demo batch and its stamps exist; returns a stamp URL to try.
 * @param {{ backendUrl: string, traceabilityUrl: string, publishableKey: string, jwtSecret: string }} options
 */
export async function ensureDemoTrace({ backendUrl, traceabilityUrl, publishableKey, jwtSecret }) {
  const auth = {
    authorization: `Bearer ${operatorToken(jwtSecret)}`,
    "content-type": "application/json",
  }
  const saved = existsSync(STATE) ? JSON.parse(readFileSync(STATE, "utf8")) : null
  let batchId = saved?.batchId
  if (batchId) {
    const res = await fetch(`${traceabilityUrl}/batches/${batchId}`, { headers: auth })
    if (!res.ok) batchId = undefined
  }
  if (!batchId) {
    const { products } = await call(
      `${backendUrl}/store/products?handle=${PRODUCT_HANDLE}&fields=id,title,metadata`,
      {
        headers: { "x-publishable-api-key": publishableKey },
      },
    )
    const product = products[0]
    if (!product) throw new Error(`the demo product ${PRODUCT_HANDLE} is missing`)
    const batch = await call(`${traceabilityUrl}/batches`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        product_id: product.id,
        product_title: product.title,
        lot_code: LOT_CODE,
        quantity: 600,
        unit: "kg",
        seller_id: product.metadata?.seller_handle ?? "htx-nong-nghiep-gia-phu",
      }),
    })
    batchId = batch.id
  }
  // The idempotency key makes a rerun return the same stamps, never a second set.
  const { stamps } = await call(`${traceabilityUrl}/batches/${batchId}/stamps`, {
    method: "POST",
    headers: { ...auth, "idempotency-key": `npm-start-demo-${batchId}` },
    body: JSON.stringify({ count: STAMPS }),
  })
  writeFileSync(STATE, `${JSON.stringify({ batchId }, null, 2)}\n`)
  return {
    batchId,
    stampUrl: stamps[0].uri,
    qrUrl: `${traceabilityUrl}/stamps/${stamps[0].serial}.svg`,
  }
}
