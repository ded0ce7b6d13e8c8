// Steps a buyer takes through the cart and checkout, shared by the checkout tests.
import type { Page } from "playwright-core"
import { expect } from "vitest"

export const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim()

export const BUYER = {
  name: "Nguyễn Văn An",
  phone: "0912 345 678",
  email: "nguoi.mua.e2e@example.vn",
  line: "Thôn Phú Xuân, nhà số 12",
  /** Gia Phú, the demo commune (backend/src/scripts/demo/data.ts). */
  commune: "02923",
}

/** A seeded seller's owner account (scripts/lib/demo.mjs). */
export async function sellerToken(backendUrl: string, sellerHandle: string): Promise<string> {
  const response = await fetch(`${backendUrl}/auth/seller_member/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `${sellerHandle}@giaphu.example`,
      password: process.env.DEMO_PASSWORD ?? "giaphu-demo",
    }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

type SellerPart = { part_order_id: string; reference: string; amount: number }

/** Acts on the seller's part with this reference through the seller API, as the seller would. */
export async function sellerAct(
  backendUrl: string,
  sellerHandle: string,
  reference: string,
  action: "confirm-payment" | "ship" | "deliver",
) {
  const token = await sellerToken(backendUrl, sellerHandle)
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const list = await fetch(`${backendUrl}/seller/orders?limit=50`, { headers })
  expect(list.status).toBe(200)
  const { orders } = (await list.json()) as { orders: SellerPart[] }
  const part = orders.find((o) => o.reference === reference)
  if (!part) throw new Error(`seller ${sellerHandle} has no part ${reference}`)
  const body = action === "confirm-payment" ? { amount: part.amount } : {}
  const response = await fetch(`${backendUrl}/seller/orders/${part.part_order_id}/${action}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

/** Fills the address step and saves it. */
export async function fillAddress(page: Page, overrides: Partial<typeof BUYER> = {}) {
  const buyer = { ...BUYER, ...overrides }
  await page.fill("#address-full_name", buyer.name)
  await page.fill("#address-phone", buyer.phone)
  await page.fill("#address-email", buyer.email)
  await page.selectOption("#address-province_code", "15")
  await page.selectOption("#address-commune_code", buyer.commune)
  await page.fill("#address-line", buyer.line)
  await page.locator("#address button[type=submit]").click()
}

/** Chooses "pick up at the seller" (free) for every seller part. */
export async function pickUpEverywhere(page: Page) {
  const parts = page.locator("[data-testid=seller-part]")
  for (let i = 0; i < (await parts.count()); i++) {
    await parts.nth(i).locator("label", { hasText: "Nhận tại nơi bán" }).locator("input").check()
  }
}

/** From the cart page to the order page: address, pick-up at each seller, payment. */
export async function checkout(
  page: Page,
  method: "cod" | "vietqr",
  buyer: Partial<typeof BUYER> = {},
) {
  await page.locator("a", { hasText: "Tiến hành đặt hàng" }).click()
  await page.waitForURL(/\/vi\/checkout/)
  await fillAddress(page, buyer)
  await page.locator("#shipping button[type=submit]").waitFor()
  await pickUpEverywhere(page)
  await page.locator("#shipping button[type=submit]").click()
  await page.locator("[data-testid=place-order]").waitFor()
  await page.check(`input[name=payment_method][value=${method}]`)
  await page.locator("[data-testid=place-order]").click()
  await page.waitForURL(/\/vi\/orders\/order_[0-9A-Za-z]+\?placed=1/)
}

/** Adds a product from its page to the cart and lands on the cart. */
export async function addFromProductPage(
  page: Page,
  baseUrl: string,
  handle: string,
  quantity = 1,
) {
  await page.goto(`${baseUrl}/vi/products/${handle}`)
  const form = page.locator("form.add-to-cart").first()
  await form.locator("input[name=quantity]").fill(String(quantity))
  await form.locator("button[type=submit]").click()
  await page.waitForURL(/\/vi\/cart/)
}
