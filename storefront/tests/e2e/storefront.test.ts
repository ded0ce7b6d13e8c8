import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { RICE } from "./fixtures"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")

/** Intl puts a non-breaking space before ₫; compare text with plain spaces. */
const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim()

async function text(page: Page, selector: string) {
  return normalise(await page.locator(selector).textContent())
}

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
  // A Vietnamese phone: without an explicit locale Chromium asks for en-US.
  context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe("storefront with the seeded backend", () => {
  const url = inject("storefrontUrl")

  it("sends / to the Vietnamese shop", async () => {
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe("/vi")
  })

  it("lists the seeded products with their prices in dong", async () => {
    await page.goto(`${url}/vi`)
    expect(await page.locator("html").getAttribute("lang")).toBe("vi")
    expect(await text(page, "h1")).toBe("Sản phẩm OCOP của xã Gia Phú")
    const card = page.locator(".product-card", { hasText: RICE.title })
    expect(normalise(await card.textContent())).toContain(RICE.price)
    expect(await card.locator("a").getAttribute("href")).toBe(`/vi/products/${RICE.handle}`)
    await page.screenshot({ path: path.join(RESULTS, "home-vi.png"), fullPage: true })
  })

  it("opens a product's page from the list", async () => {
    await page.goto(`${url}/vi`)
    await page.locator(".product-card", { hasText: RICE.title }).locator("a").click()
    await page.waitForURL(`**/vi/products/${RICE.handle}`)
    expect(await text(page, "h1")).toBe(RICE.title)
    expect(await text(page, ".price-large")).toBe(RICE.price)
    expect(await page.locator(".gallery img").count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(RESULTS, "product-vi.png"), fullPage: true })
  })

  it("switches to English on the same page, with the price still in dong", async () => {
    await page.goto(`${url}/vi/products/${RICE.handle}`)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL(`**/en/products/${RICE.handle}`)
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    expect(await text(page, ".back-link")).toBe("← All products")
    expect(await text(page, "h1")).toBe(RICE.titleEn)
    expect(await text(page, ".price-large")).toBe(RICE.priceEn)
  })

  it("shows the English home page", async () => {
    await page.goto(`${url}/en`)
    expect(await text(page, "h1")).toBe("OCOP products of Gia Phú commune")
    const card = page.locator(".product-card", { hasText: RICE.titleEn })
    expect(normalise(await card.textContent())).toContain(RICE.priceEn)
    await page.screenshot({ path: path.join(RESULTS, "home-en.png"), fullPage: true })
  })

  it("answers an unknown product with a 404 page in the page's language", async () => {
    const response = await page.goto(`${url}/vi/products/khong-co-san-pham-nay`)
    expect(response?.status()).toBe(404)
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Không tìm thấy trang")
  })
})

describe("storefront whose backend is down", () => {
  const url = inject("offlineStorefrontUrl")

  it("says so in Vietnamese with a retry link, without a stack trace", async () => {
    await page.goto(`${url}/vi`)
    expect(await text(page, "h1")).toBe("Cửa hàng tạm thời chưa mở được")
    expect(await page.locator("a.button").getAttribute("href")).toBe("/vi")
    expect(await page.content()).not.toMatch(/fetch failed|at async|Error:/)
    await page.screenshot({ path: path.join(RESULTS, "offline-vi.png"), fullPage: true })
  })

  it("says so in English on a product page, retrying that page", async () => {
    await page.goto(`${url}/en/products/${RICE.handle}`)
    expect(await text(page, "h1")).toBe("The shop cannot open right now")
    expect(await page.locator("a.button").getAttribute("href")).toBe(`/en/products/${RICE.handle}`)
  })
})
