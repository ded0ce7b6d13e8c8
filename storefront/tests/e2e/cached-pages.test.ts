import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContext } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { addFromProductPage, normalise } from "./checkout-flow"
import { RICE } from "./fixtures"

// The catalogue's pages are HTML in Next's cache, the same for every buyer (storefront/README.md,
// "Caching"): what is per buyer, the header's cart count and a failed add's notice, is filled in
// by the browser and never stored in the shared HTML.

const url = inject("storefrontUrl")
const productUrl = `${url}/vi/products/${RICE.handle}`

let browser: Browser
const contexts: BrowserContext[] = []

async function newBuyer() {
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
  })
  contexts.push(context)
  return context.newPage()
}

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe("cached catalogue pages", () => {
  it("serve the home, category, product, seller and commune pages from Next's cache", async () => {
    for (const path of [
      "/vi",
      "/vi/categories/gao",
      `/vi/products/${RICE.handle}`,
      "/en/sellers/htx-nong-nghiep-gia-phu",
      "/vi/communes/02923",
    ]) {
      await (await fetch(`${url}${path}`)).text()
      const again = await fetch(`${url}${path}`)
      expect(again.status, path).toBe(200)
      // HIT, or STALE when its minute ran out meanwhile (served, then refreshed behind it).
      expect(["HIT", "STALE"], path).toContain(again.headers.get("x-nextjs-cache"))
    }
    // Pages that read the buyer's cookies still render per request.
    const cart = await fetch(`${url}/vi/cart`)
    expect(cart.headers.get("x-nextjs-cache")).toBeNull()
    expect(cart.headers.get("cache-control")).toContain("no-store")
  })

  it("show a buyer's own cart count, asked for by the browser, and nobody else's", async () => {
    const buyer = await newBuyer()
    await addFromProductPage(buyer, url, RICE.handle, 2)
    await buyer.goto(productUrl)
    const count = buyer.locator("[data-testid=cart-count]")
    await count.waitFor()
    expect(normalise(await count.textContent())).toBe("2")
    expect(normalise(await buyer.locator("[data-testid=cart-link]").textContent())).toBe(
      "Giỏ hàng2 (2 sản phẩm)",
    )
    // The same cached HTML, fetched with this buyer's cookies, holds no count.
    const cookies = await buyer.context().cookies()
    const html = await (
      await fetch(productUrl, {
        headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
      })
    ).text()
    expect(html).not.toContain('data-testid="cart-count"')
    // Another buyer on the same page sees no count, and their browser asks for none.
    const other = await newBuyer()
    const asked: string[] = []
    other.on("request", (request) => {
      if (request.url().includes("/api/cart/count")) asked.push(request.url())
    })
    await other.goto(productUrl)
    await other.waitForLoadState("networkidle")
    expect(await other.locator("[data-testid=cart-count]").count()).toBe(0)
    expect(asked).toEqual([])
  })

  it("explains a failed add on the cached product page", async () => {
    const buyer = await newBuyer()
    await buyer.goto(`${productUrl}?cart_error=out_of_stock`)
    const notice = buyer.locator("[data-testid=cart-error]")
    await notice.waitFor()
    expect(normalise(await notice.textContent())).toContain("vừa hết hàng")
    await buyer.goto(productUrl)
    expect(await buyer.locator("[data-testid=cart-error]").count()).toBe(0)
  })
})
