// The demo's harvest pre-order, which `npm start` opens once: HTX Lúa gạo Phú Lâm sells its coming
// main-season rice before the harvest. As the cooperative itself would, signed in as its owner:
// it records a planned batch in the traceability service (the planting and the first field work,
// no harvest yet), then opens a pre-order window for "Gạo mới vụ mùa Phú Lâm" on that batch
// through the seller API, so every rule of a real window applies (stock 0 before, the planned
// quantity after). Idempotent: the product's batch with the lot prefix is reused and its missing
// events appended; a window of the variant, whatever its status (a demo user may have harvested
// or cancelled it), is left as it is.

import { call, localTime } from "./demo-trace.mjs"

export const DEMO_PREORDER = {
  handle: "gao-moi-vu-mua-phu-lam-5kg",
  seller: "htx-lua-gao-phu-lam",
  lot: "PL-VM",
  /** Bags of 5 kg (1 000 kg of rice), which the batch counts too. */
  planned_quantity: 200,
  per_buyer_cap: 10,
}

const DAY_MS = 24 * 60 * 60 * 1000
const PLOT = "Ruộng bậc thang Nà Lâm"
const WHERE = { lat: 22.392, lng: 104.071 }

/**
 * The planned batch's POST /batches body: started, not harvested. Counted in the bags the window
 * sells, as the harvest the window reads from the batch's diary is taken in the window's units.
 */
export function plannedBatchBody(productId, anchor) {
  const started = localTime(anchor, -45).date
  return {
    product_id: productId,
    lot_code: `${DEMO_PREORDER.lot}-${localTime(anchor, 0).date.replaceAll("-", "").slice(2)}`,
    quantity: DEMO_PREORDER.planned_quantity,
    unit: "túi",
    area: { village: "Thôn Phú Lâm", plot: PLOT, ...WHERE },
    dates: { started_on: started },
  }
}

/** The season so far, in order; the harvest is what the pre-order waits for. */
export function plannedEvents(anchor) {
  const place = { name: PLOT, ...WHERE }
  return [
    {
      type: "planting",
      occurred_at: localTime(anchor, -45, 6).time,
      crop: "lúa",
      variety: "Bắc thơm số 7",
      area_m2: 25_000,
      seed_source: "Giống xác nhận của HTX",
      place,
      actor: "Tổ sản xuất thôn Phú Lâm",
    },
    {
      type: "input_applied",
      occurred_at: localTime(anchor, -35, 7).time,
      product: "Phân hữu cơ vi sinh",
      input_kind: "fertiliser",
      dose: { amount: 800, unit: "kg/ha" },
      pre_harvest_interval_days: 0,
      place,
    },
  ]
}

/** The window's POST /seller/preorders body, dated from `anchor` (Vietnam's days). */
export function windowBody(productId, variantId, batchId, anchor) {
  return {
    product_id: productId,
    variant_id: variantId,
    batch_id: batchId,
    planned_quantity: DEMO_PREORDER.planned_quantity,
    expected_harvest_on: localTime(anchor, 30).date,
    delivery_from: localTime(anchor, 33).date,
    delivery_to: localTime(anchor, 60).date,
    closes_at: `${localTime(anchor, 25).date}T20:00:00+07:00`,
    per_buyer_cap: DEMO_PREORDER.per_buyer_cap,
  }
}

/**
 * Makes sure the new-season rice has its planned batch and its pre-order window.
 * @param {{ backendUrl: string, traceabilityUrl: string, password?: string, now?: Date }} options
 */
export async function ensureDemoPreorder({
  backendUrl,
  traceabilityUrl,
  password = process.env.DEMO_PASSWORD ?? "giaphu-demo",
  now = new Date(),
}) {
  const { token } = await call(`${backendUrl}/auth/seller_member/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `${DEMO_PREORDER.seller}@giaphu.example`, password }),
  })
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }

  const { products } = await call(`${backendUrl}/seller/products?limit=100`, { headers })
  const product = products.find((p) => p.handle === DEMO_PREORDER.handle)
  if (!product?.variants?.[0])
    throw new Error(`the demo product ${DEMO_PREORDER.handle} is missing`)
  const variantId = product.variants[0].id

  // The seller's token scopes the list to its own batches.
  const { batches } = await call(
    `${traceabilityUrl}/batches?product_id=${encodeURIComponent(product.id)}&limit=100`,
    { headers },
  )
  const batch =
    batches.find((b) => b.lot_code.startsWith(`${DEMO_PREORDER.lot}-`)) ??
    (await call(`${traceabilityUrl}/batches`, {
      method: "POST",
      headers,
      body: JSON.stringify(plannedBatchBody(product.id, now)),
    }))
  // Events are append-only and ordered: those already recorded are the season's first ones.
  const { events } = await call(`${traceabilityUrl}/batches/${batch.id}/events`, { headers })
  // The events are dated from the day the batch was made, whichever day this runs on.
  const started = batch.dates?.started_on
  const anchor = started ? new Date(Date.parse(`${started}T12:00:00+07:00`) + 45 * DAY_MS) : now
  for (const event of plannedEvents(anchor).slice(events.length)) {
    await call(`${traceabilityUrl}/batches/${batch.id}/events`, {
      method: "POST",
      headers,
      body: JSON.stringify(event),
    })
  }

  const { preorders } = await call(`${backendUrl}/seller/preorders`, { headers })
  const window =
    preorders.find((w) => w.variant_id === variantId) ??
    (
      await call(`${backendUrl}/seller/preorders`, {
        method: "POST",
        headers,
        body: JSON.stringify(windowBody(product.id, variantId, batch.id, now)),
      })
    ).preorder
  return {
    handle: DEMO_PREORDER.handle,
    productId: product.id,
    batchId: batch.id,
    windowId: window.id,
    status: window.status,
  }
}
