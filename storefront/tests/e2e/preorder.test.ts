// A harvest pre-order end to end on a 360 px phone: the seller opens a pre-order for a coming
// taro harvest on a batch planned in its traceability records (product, variant and batch picked
// from the portal's lists), a buyer sees it on the product page and orders 4, the seller records
// a short harvest in the batch's diary (2 bags) and then on the portal (shared pro rata), and the
// buyer's order then shows 2 and the smaller amount to pay on delivery. Runs on the Phú Thịnh
// taro, which the files after this one do not use. Then the demo's own pre-order (`npm start`'s
// new-season rice of Phú Lâm), opened twice as `npm start` would on a restart: one window, on a
// planned batch with no harvest yet.
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
// The demo's pre-order, as `npm start` opens it.
import { DEMO_PREORDER, ensureDemoPreorder } from "@coop/scripts/demo-preorder"
import type { Browser, BrowserContextOptions, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import {
  addFromProductPage,
  checkout,
  fillAddress,
  normalise,
  pickUpEverywhere,
  sellerToken,
} from "./checkout-flow"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const PHONE: BrowserContextOptions = {
  locale: "vi-VN",
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
}
const SELLER = "htx-rau-qua-sach-phu-thinh"
const TARO = { handle: "khoai-so-phu-thinh-3kg", title: "Khoai sọ Phú Thịnh (túi 3 kg)" }
/** The coming taro harvest, planned in the seller's traceability records before any window. */
const TARO_BATCH = { lot_code: "PT-KS-MUAMOI", quantity: 40, unit: "túi" }

const url = inject("storefrontUrl")
const backendUrl = inject("backendUrl")
const traceabilityUrl = inject("traceabilityUrl")
const text = async (page: Page, selector: string) =>
  normalise(await page.locator(selector).first().textContent())
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS, `preorder-${name}.png`), fullPage: true })

let browser: Browser
/** The seller's own headers, for its traceability records. */
let sellerHeaders: Record<string, string>
let taroBatchId: string

async function phone() {
  return (await browser.newContext(PHONE)).newPage()
}

/** Clicks and waits for the page the action redirects to; says what the page showed if not. */
async function submitTo(page: Page, click: () => Promise<void>, arrived: (u: URL) => boolean) {
  try {
    await Promise.all([page.waitForURL(arrived, { timeout: 30_000 }), click()])
  } catch (error) {
    const shown = await page.locator(".notice-error").allTextContents()
    throw new Error(`${(error as Error).message}\nthe page said: ${shown.join(" | ")}`)
  }
}

/**
 * The seller records the harvest: first the quantity picked, as a harvest event in the batch's
 * diary (the traceability service, with the seller's own token, as the portal's diary form
 * does), then on the pre-orders page, which reads that quantity, how a short harvest is shared.
 */
async function recordHarvest(
  seller: Page,
  batchId: string,
  quantity: number,
  allocation: "pro_rata" | "first_come",
) {
  const recorded = await fetch(`${traceabilityUrl}/batches/${batchId}/events`, {
    method: "POST",
    headers: sellerHeaders,
    body: JSON.stringify({
      type: "harvest",
      occurred_at: new Date().toISOString(),
      quantity: { amount: quantity, unit: TARO_BATCH.unit },
    }),
  })
  expect(recorded.status, await recorded.clone().text()).toBe(201)
  const harvest = seller.locator("[data-testid=preorder-harvest]").first()
  // The quantity is the diary's: the portal no longer asks for it.
  expect(await harvest.locator("input[name=harvested_quantity]").count()).toBe(0)
  await harvest.locator("select[name=allocation]").selectOption(allocation)
  await submitTo(
    seller,
    () => harvest.locator("button[type=submit]").click(),
    (u) => u.searchParams.get("status") === "harvest",
  )
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
  // The taro's stock on hand is sold out first: a pre-order never mixes with it.
  const token = await sellerToken(backendUrl, SELLER)
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  sellerHeaders = headers
  const list = await fetch(`${backendUrl}/seller/products?limit=50`, { headers })
  const { products } = (await list.json()) as {
    products: { id: string; handle: string; variants: { id: string }[] }[]
  }
  const taro = products.find((p) => p.handle === TARO.handle)!
  const zero = await fetch(
    `${backendUrl}/seller/products/${taro.id}/variants/${taro.variants[0]!.id}/stock`,
    { method: "POST", headers, body: JSON.stringify({ quantity: 0 }) },
  )
  expect(zero.status).toBe(200)
  // The coming harvest, planned in the seller's traceability records: no harvest event yet.
  const planned = await fetch(`${traceabilityUrl}/batches`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      product_id: taro.id,
      ...TARO_BATCH,
      dates: { started_on: "2026-06-10" },
    }),
  })
  expect(planned.status, await planned.clone().text()).toBe(201)
  taroBatchId = ((await planned.json()) as { id: string }).id
})

afterAll(async () => {
  await browser?.close()
})

describe("a harvest pre-order", () => {
  it("seller opens it, buyer orders, seller records a short harvest, buyer sees the final amount", async () => {
    const seller = await phone()
    await seller.goto(`${url}/vi/seller/preorders`)
    expect(new URL(seller.url()).pathname).toBe("/vi/seller/sign-in")
    await seller.fill("#portal-email", `${SELLER}@giaphu.example`)
    await seller.fill("#portal-password", process.env.DEMO_PASSWORD ?? "giaphu-demo")
    await submitTo(
      seller,
      () => seller.click("button[type=submit]"),
      (u) => u.pathname === "/vi/seller/preorders",
    )
    expect(await text(seller, "h1")).toBe("Đặt trước mùa mới")
    // The product first: its variants and its planned batches are then offered to pick from.
    const product = seller.locator("[data-testid=preorder-product]")
    await product.locator("select[name=product]").selectOption({ label: TARO.title })
    await submitTo(
      seller,
      () => product.locator("button[type=submit]").click(),
      (u) => u.searchParams.has("product"),
    )
    const form = seller.locator("[data-testid=preorder-open]")
    await form.locator("select[name=variant]").selectOption({ label: `${TARO.title} · túi 3 kg` })
    const batches = form.locator("select[name=batch_id] option")
    const batchLabel = `Lô ${TARO_BATCH.lot_code} · dự kiến 40 túi`
    expect(await batches.allTextContents()).toEqual([batchLabel])
    await form.locator("select[name=batch_id]").selectOption({ label: batchLabel })
    await form.locator("input[name=planned_quantity]").fill("10")
    await form.locator("input[name=expected_harvest_on]").fill("2026-10-15")
    await form.locator("input[name=delivery_from]").fill("2026-10-20")
    expect(await seller.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(seller, "seller-form")
    await submitTo(
      seller,
      () => form.locator("button[type=submit]").click(),
      (u) => u.searchParams.get("status") === "opened",
    )
    expect(await text(seller, "[data-testid=seller-preorder]")).toContain("còn 10 trên 10")
    expect(await text(seller, "[data-testid=seller-preorder]")).toContain(taroBatchId)
    expect(await seller.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(seller, "seller-opened")

    const buyer = await phone()
    await buyer.goto(`${url}/vi/products/${TARO.handle}`)
    expect(await text(buyer, "[data-testid=preorder]")).toContain(
      "Đặt trước mùa mới · dự kiến thu hoạch 15/10 · giao từ 20/10",
    )
    expect(await text(buyer, "[data-testid=preorder-left]")).toContain("Còn 10 trên 10 dự kiến")
    await shot(buyer, "product")
    await addFromProductPage(buyer, url, TARO.handle, 4)
    await checkout(buyer, "cod")
    const orderUrl = buyer.url().replace(/\?.*$/, "")
    expect(await text(buyer, "[data-testid=order-part]")).toContain("300.000 ₫")

    await seller.goto(`${url}/vi/seller/preorders`)
    expect(await text(seller, "[data-testid=seller-preorder]")).toContain("còn 6 trên 10")
    await recordHarvest(seller, taroBatchId, 2, "pro_rata")
    expect(await text(seller, "[data-testid=seller-preorder]")).toContain("Đã thu hoạch: 2")
    await shot(seller, "seller-harvested")

    await buyer.goto(orderUrl)
    const part = await text(buyer, "[data-testid=order-part]")
    expect(part).toContain("2 ×")
    expect(part).toContain("150.000 ₫")
    expect(part).not.toContain("300.000 ₫")
    // Cash on delivery: nothing to refund, the buyer simply owes less, and is told so.
    expect(await text(buyer, "[data-testid=part-preorder-note]")).toContain(
      "Mùa thu hoạch thiếu: bạn nhận 2 trên 4 đã đặt; đơn giảm 150.000 ₫",
    )
    await shot(buyer, "order-after-harvest")
    // Two phones, a checkout and a harvest's order edits: minutes on a busy test machine.
  }, 600_000)

  it("a window asking a 30 % deposit: the box says so, cash is not offered, the QR asks the deposit first", async () => {
    // The taro's first window is harvested (above): a new planned batch takes a new window.
    const list = await fetch(`${backendUrl}/seller/products?limit=50`, { headers: sellerHeaders })
    const { products } = (await list.json()) as {
      products: { id: string; handle: string; variants: { id: string }[] }[]
    }
    const taro = products.find((p) => p.handle === TARO.handle)!
    const planned = await fetch(`${traceabilityUrl}/batches`, {
      method: "POST",
      headers: sellerHeaders,
      body: JSON.stringify({
        product_id: taro.id,
        ...TARO_BATCH,
        lot_code: "PT-KS-DATCOC",
        dates: { started_on: "2026-06-12" },
      }),
    })
    expect(planned.status, await planned.clone().text()).toBe(201)
    const batchId = ((await planned.json()) as { id: string }).id
    const opened = await fetch(`${backendUrl}/seller/preorders`, {
      method: "POST",
      headers: sellerHeaders,
      body: JSON.stringify({
        product_id: taro.id,
        variant_id: taro.variants[0]!.id,
        batch_id: batchId,
        planned_quantity: 6,
        expected_harvest_on: "2026-11-15",
        delivery_from: "2026-11-20",
        deposit_percent: 30,
      }),
    })
    expect(opened.status, await opened.clone().text()).toBe(201)

    const buyer = await phone()
    // The product page is cached for a minute (and the window list for 15 s), and opening a
    // window revalidates nothing: the page shows the new window once its cache has expired.
    const productUrl = `${url}/vi/products/${TARO.handle}`
    for (let tries = 0; ; tries++) {
      await buyer.goto(productUrl)
      if ((await buyer.locator("[data-testid=preorder-deposit]").count()) > 0) break
      if (tries >= 30) throw new Error("the new window's deposit never showed on the product page")
      await buyer.waitForTimeout(5_000)
    }
    expect(await text(buyer, "[data-testid=preorder-deposit]")).toBe(
      "Đặt cọc 30% khi đặt (chuyển khoản VietQR hoặc thẻ), phần còn lại sau thu hoạch",
    )
    await addFromProductPage(buyer, url, TARO.handle, 2)
    await buyer.locator("a", { hasText: "Tiến hành đặt hàng" }).click()
    await buyer.waitForURL(/\/vi\/checkout/)
    await fillAddress(buyer)
    await buyer.locator("#shipping button[type=submit]").waitFor()
    await pickUpEverywhere(buyer)
    await buyer.locator("#shipping button[type=submit]").click()
    await buyer.locator("[data-testid=place-order]").waitFor()
    // Cash on delivery is not offered, and the payment step says why.
    expect(await buyer.locator("input[name=payment_method][value=cod]").count()).toBe(0)
    expect(await text(buyer, "[data-testid=deposit-required]")).toContain(
      "Đợt đặt trước này cần đặt cọc 30%: hãy trả bằng VietQR hoặc thẻ",
    )
    expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(buyer, "deposit-checkout")
    await buyer.check("input[name=payment_method][value=vietqr]")
    await buyer.locator("[data-testid=place-order]").click()
    await buyer.waitForURL(/\/vi\/orders\/order_[0-9A-Za-z]+\?placed=1/)
    // 2 × 75.000 ₫ = 150.000 ₫: the QR asks 30 %, 45.000 ₫, first.
    expect(await text(buyer, "[data-testid=part-deposit]")).toBe(
      "Đặt cọc trước: 45.000 ₫ · phần còn lại trả sau thu hoạch",
    )
    expect(await text(buyer, "[data-testid=vietqr-amount]")).toBe("45.000 ₫")
    expect(await text(buyer, "[data-testid=vietqr-reference]")).toMatch(/^Dat coc DH\d+$/)
    expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(buyer, "deposit-order")
  }, 600_000)

  it("npm start's demo opens the new-season rice once, on a batch not harvested yet", async () => {
    const first = await ensureDemoPreorder({ backendUrl, traceabilityUrl })
    // `npm start` again (a restart): the same batch and window, nothing added.
    const again = await ensureDemoPreorder({ backendUrl, traceabilityUrl })
    expect(again).toEqual(first)
    expect(first.status).toBe("open")

    const token = await sellerToken(backendUrl, DEMO_PREORDER.seller)
    const headers = { authorization: `Bearer ${token}` }
    const { preorders } = (await (
      await fetch(`${backendUrl}/seller/preorders`, { headers })
    ).json()) as { preorders: { id: string; product_id: string; batch_id: string; left: number }[] }
    const windows = preorders.filter((p) => p.product_id === first.productId)
    expect(windows.map((w) => w.id)).toEqual([first.windowId])
    expect(windows[0]).toMatchObject({
      batch_id: first.batchId,
      left: DEMO_PREORDER.planned_quantity,
    })
    // The batch is the seller's, planned: its diary has the planting and no harvest.
    const events = (await (
      await fetch(`${traceabilityUrl}/batches/${first.batchId}/events`, { headers })
    ).json()) as { events: { type: string }[] }
    expect(events.events.map((e) => e.type)).toEqual(["planting", "input_applied"])

    const buyer = await phone()
    await buyer.goto(`${url}/vi/products/${DEMO_PREORDER.handle}`)
    expect(await text(buyer, "h1")).toBe("Gạo mới vụ mùa Phú Lâm (túi 5 kg)")
    expect(await text(buyer, "[data-testid=preorder]")).toMatch(
      /^Đặt trước mùa mới · dự kiến thu hoạch \d{1,2}\/\d{1,2} · giao từ \d{1,2}\/\d{1,2}/,
    )
    expect(await text(buyer, "[data-testid=preorder-left]")).toBe(
      "Còn 200 trên 200 dự kiến · mỗi người tối đa 10",
    )
    expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(buyer, "demo-rice")
  }, 240_000)
})
