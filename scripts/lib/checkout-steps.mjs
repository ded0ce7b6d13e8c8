// A buyer's way to a completable cart through the store API, shared by the checkout bench
// (scripts/bench/checkout.mjs), the cluster bench (scripts/bench/cluster.mjs) and the cluster
// test (scripts/cluster-test/cluster.test.mjs): items, the buyer's address, pickup at every
// seller, a cash-on-delivery payment session. Plain JavaScript on fetch, so it runs against any
// backend (a single one, or HAProxy in front of several).

/** A buyer in Gia Phú (the demo commune), as the storefront's checkout form sends the address. */
export const BUYER_ADDRESS = {
  first_name: "Nguyễn",
  last_name: "Văn An",
  address_1: "Thôn Phú Xuân",
  city: "Xã Gia Phú",
  province: "Tỉnh Lào Cai",
  country_code: "vn",
  phone: "0912 000 111",
  metadata: { commune_code: "02923", province_code: "15" },
}

/**
 * A store API caller: `api(method, pathname, body)` answers the parsed JSON and throws with the
 * answer's body on a non-2xx; `api.headers` are the headers it sends (publishable key, JSON).
 */
export function storeApi(base, publishableKey) {
  const headers = { "x-publishable-api-key": publishableKey, "content-type": "application/json" }
  const api = async (method, pathname, body) => {
    const response = await fetch(`${base}${pathname}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`)
    return JSON.parse(text)
  }
  api.headers = headers
  return api
}

/**
 * Creates a cart and makes it ready to complete: `items` ({ variant_id, quantity }), the buyer's
 * address, the pickup_seller option of every seller part, a cash-on-delivery session. With
 * `sellers`, the cart must have that many seller parts. `api` is a store API caller as above.
 * Returns the cart's id.
 */
export async function prepareCart(api, { regionId, email, items, sellers }) {
  const { cart } = await api("POST", "/store/carts", { region_id: regionId, email })
  for (const item of items) await api("POST", `/store/carts/${cart.id}/line-items`, item)
  await api("POST", `/store/carts/${cart.id}`, {
    shipping_address: BUYER_ADDRESS,
    billing_address: BUYER_ADDRESS,
  })
  const { parts } = await api("GET", `/store/carts/${cart.id}/seller-shipping-options`)
  if (sellers !== undefined && parts.length !== sellers) {
    throw new Error(`cart ${cart.id} has ${parts.length} seller parts, not ${sellers}`)
  }
  for (const part of parts) {
    const option = part.options.find((o) => o.code === "pickup_seller")
    if (!option) throw new Error(`${part.seller.handle} offers no pickup_seller option`)
    await api("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
  }
  const { payment_collection } = await api("POST", "/store/payment-collections", {
    cart_id: cart.id,
  })
  await api("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_cod_cod",
  })
  return cart.id
}

/** `fn(item, index)` over `items`, at most `limit` at a time; the results in the items' order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
