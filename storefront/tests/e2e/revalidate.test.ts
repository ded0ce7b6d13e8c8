import { signPayload } from "@coop/contracts/signature"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { RICE } from "./fixtures"

// Product pages read Medusa through Next's data cache (revalidate 60 s). The backend posts the
// changed tags to /api/revalidate, so a seller's new price shows within seconds, not a minute.

const SELLER_EMAIL = "htx-nong-nghiep-gia-phu@giaphu.example"
const SEEDED_PRICE = 185000
/** Well inside the cache's 60 s: a page that only caught up on its own would fail. */
const WAIT_MS = 15_000

const url = inject("storefrontUrl")
const backendUrl = inject("backendUrl")
const productUrl = `${url}/vi/products/${RICE.handle}`

/** "187.654 ₫" as the page prints it (vi-VN groups thousands with dots). */
const shown = (amount: number) => amount.toLocaleString("de-DE")

async function pageHtml() {
  const response = await fetch(productUrl)
  expect(response.status).toBe(200)
  return response.text()
}

/** Polls the product page until it shows `amount`; returns how long that took. */
async function waitForPrice(amount: number) {
  const started = Date.now()
  while (Date.now() - started < WAIT_MS) {
    if ((await pageHtml()).includes(shown(amount))) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${productUrl} did not show ${shown(amount)} within ${WAIT_MS} ms`)
}

let token: string
let productId: string
let variantId: string
let restorePhone: (() => Promise<void>) | undefined

async function setPriceAsSeller(amount: number) {
  const response = await fetch(`${backendUrl}/seller/products/${productId}/variants/${variantId}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ price: amount }),
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

const SELLER_PAGE = `${url}/vi/sellers/htx-nong-nghiep-gia-phu`
const CHANGED_PHONE = "0214 3999 999"

async function sellerPageHtml() {
  const response = await fetch(SELLER_PAGE)
  expect(response.status).toBe(200)
  return response.text()
}

/**
 * Changes the seller's phone in the database itself: no workflow, no event, so no revalidation.
 * The seller, not a price: the backend's Caching Module keeps product reads (prices and stock
 * included) until an event drops them, while the seller's page is read from the database.
 * Returns what puts the phone back.
 */
async function changePhoneBehindTheBackend(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: inject("backendDatabaseUrl") })
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT id, phone FROM seller WHERE handle = 'htx-nong-nghiep-gia-phu'",
    )
    expect(rows.length).toBe(1)
    await client.query("UPDATE seller SET phone = $2 WHERE id = $1", [rows[0].id, CHANGED_PHONE])
    return async () => {
      const restore = new pg.Client({ connectionString: inject("backendDatabaseUrl") })
      await restore.connect()
      try {
        await restore.query("UPDATE seller SET phone = $2 WHERE id = $1", [
          rows[0].id,
          rows[0].phone,
        ])
      } finally {
        await restore.end()
      }
      await postRevalidate(["sellers"], inject("revalidateSecret"))
    }
  } finally {
    await client.end()
  }
}

function postRevalidate(tags: string[], secret: string) {
  const body = JSON.stringify({ tags })
  return fetch(`${url}/api/revalidate`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-coop-signature": signPayload(body, secret) },
    body,
  })
}

beforeAll(async () => {
  const login = await fetch(`${backendUrl}/auth/seller_member/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: SELLER_EMAIL,
      password: process.env.DEMO_PASSWORD ?? "giaphu-demo",
    }),
  })
  expect(login.status).toBe(200)
  token = ((await login.json()) as { token: string }).token
  const list = await fetch(`${backendUrl}/seller/products?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const { products } = (await list.json()) as {
    products: { id: string; handle: string; variants: { id: string }[] }[]
  }
  const rice = products.find((p) => p.handle === RICE.handle)
  if (!rice?.variants[0]) throw new Error(`the seller has no ${RICE.handle}`)
  productId = rice.id
  variantId = rice.variants[0].id
})

// Other test files expect the seeded price: put it back and wait until the page shows it.
afterAll(async () => {
  await restorePhone?.()
  if (!variantId) return
  await setPriceAsSeller(SEEDED_PRICE)
  await waitForPrice(SEEDED_PRICE)
})

describe("cache revalidation", () => {
  it("shows a seller's new price on the product page within seconds", async () => {
    expect(await pageHtml()).toContain(shown(SEEDED_PRICE)) // cached now
    await setPriceAsSeller(187654)
    const took = await waitForPrice(187654)
    console.log(`new price on the product page after ${took} ms`)
    expect(await pageHtml()).not.toContain(shown(SEEDED_PRICE))
  })

  it("refuses a request without the right signature and revalidates nothing", async () => {
    await waitForPrice(187654)
    expect(await sellerPageHtml()).not.toContain(CHANGED_PHONE)
    restorePhone = await changePhoneBehindTheBackend()
    // Unsigned, signed with another secret, and signed but changed on the way.
    const unsigned = await fetch(`${url}/api/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tags: ["sellers"] }),
    })
    expect(unsigned.status).toBe(401)
    expect((await postRevalidate(["sellers"], "not-the-secret")).status).toBe(401)
    const body = JSON.stringify({ tags: ["regions"] })
    const tampered = await fetch(`${url}/api/revalidate`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-coop-signature": signPayload(body, inject("revalidateSecret")),
      },
      body: JSON.stringify({ tags: ["sellers"] }),
    })
    expect(tampered.status).toBe(401)
    // The cached page stays: none of those dropped the cache.
    for (let i = 0; i < 3; i++) expect(await sellerPageHtml()).not.toContain(CHANGED_PHONE)

    const accepted = await postRevalidate(["sellers", "carts"], inject("revalidateSecret"))
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toEqual({ revalidated: ["sellers"], ignored: ["carts"] })
    expect(await sellerPageHtml()).toContain(CHANGED_PHONE)
    await restorePhone?.()
    restorePhone = undefined
  })

  it("answers a malformed request with 400 and a huge one with 413", async () => {
    const secret = inject("revalidateSecret")
    expect((await postRevalidate([], secret)).status).toBe(400)
    const body = "tags=products"
    const notJson = await fetch(`${url}/api/revalidate`, {
      method: "POST",
      headers: { "x-coop-signature": signPayload(body, secret) },
      body,
    })
    expect(notJson.status).toBe(400)
    const huge = await postRevalidate(
      Array.from({ length: 40 }, () => "x".repeat(500)),
      secret,
    )
    expect(huge.status).toBe(413)
  })
})
