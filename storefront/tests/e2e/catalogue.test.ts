import type { ChildProcess } from "node:child_process"
import { mkdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import pg from "pg"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { RICE, TRACE_LOT } from "./fixtures"
import { freePort, startGroup, stopGroup, waitForHttp } from "./processes"

// The buyer's catalogue on a 360 px phone against the seeded backend and the real traceability
// service: home, categories, search, seller and commune pages, the product page with its OCOP
// certificate, origin timeline and structured data, and the language switch keeping each page.

const STOREFRONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const RESULTS = path.join(STOREFRONT, "test-results")
const url = inject("storefrontUrl")

/** The seed's categories (backend/src/scripts/demo), in their rank order. */
const CATEGORIES = {
  vi: ["Gạo", "Rau, củ, quả", "Sản phẩm chăn nuôi", "Đặc sản chế biến"],
  en: ["Rice", "Vegetables and fruit", "Livestock products", "Processed specialties"],
}
// Four since the seed lists Phú Lâm's new-season rice, sold only by pre-order (stock 0 until a
// window opens): a listing all the same, in the rice category and in a search for rice.
const RICE_HANDLES = [
  "gao-lut-phu-lam-2kg",
  "gao-moi-vu-mua-phu-lam-5kg",
  "gao-nep-nuong-gia-phu-2kg",
  RICE.handle,
]
const SELLER = { handle: "htx-nong-nghiep-gia-phu", name: "HTX Nông nghiệp Gia Phú" }
/** A seeded product without OCOP entry nor batch, made out of stock by this file. */
const BAMBOO = { handle: "mang-kho-coc-300g", title: "Măng khô thôn Cóc (gói 300 g)" }

/** Intl puts a non-breaking space before ₫; compare text with plain spaces. */
const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim()
const text = async (page: Page, selector: string) =>
  normalise(await page.locator(selector).first().textContent())
const cardHandles = (page: Page, scope = "main") =>
  page
    .locator(`${scope} .product-card`)
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-handle")))

let browser: Browser
let page: Page
let db: pg.Client
let bambooStock: string
let traceDown: { child: ChildProcess; url: string } | undefined

/** Medusa reads stock from the raw (big number) column: both are set, as its service would. */
async function setBambooStock(quantity: string) {
  await db.query(
    `UPDATE inventory_level
     SET stocked_quantity = $2, raw_stocked_quantity = jsonb_build_object('value', $3::text, 'precision', 20)
     WHERE deleted_at IS NULL AND inventory_item_id IN (
       SELECT pvii.inventory_item_id FROM product_variant_inventory_item pvii
       JOIN product_variant pv ON pv.id = pvii.variant_id
       JOIN product p ON p.id = pv.product_id
       WHERE p.handle = $1 AND pvii.deleted_at IS NULL)`,
    [BAMBOO.handle, Number(quantity), quantity],
  )
}

/** The same build against the seeded shop with the traceability service gone. */
async function startWithoutTraceability() {
  const { rows } = await db.query(
    "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL",
  )
  const port = await freePort()
  const child = startGroup(
    `storefront-no-trace:${port}`,
    process.execPath,
    [createRequire(import.meta.url).resolve("next/dist/bin/next"), "start", "-p", `${port}`],
    {
      cwd: STOREFRONT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-test",
        MEDUSA_BACKEND_URL: inject("backendUrl"),
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: rows[0].token,
        TRACEABILITY_URL: `http://127.0.0.1:${await freePort()}`,
      },
      log: (line) => {
        if (process.env.E2E_VERBOSE) console.log(line)
      },
    },
  )
  const started = { child, url: `http://localhost:${port}` }
  await waitForHttp(`${started.url}/vi`, child)
  return started
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  db = new pg.Client({ connectionString: inject("backendDatabaseUrl") })
  await db.connect()
  // Out of stock before any page reads it (product reads are cached for a minute).
  const { rows } = await db.query(
    `SELECT il.stocked_quantity FROM inventory_level il
     JOIN product_variant_inventory_item pvii ON pvii.inventory_item_id = il.inventory_item_id
     JOIN product_variant pv ON pv.id = pvii.variant_id
     JOIN product p ON p.id = pv.product_id WHERE p.handle = $1`,
    [BAMBOO.handle],
  )
  bambooStock = rows[0].stocked_quantity
  await setBambooStock("0")
  browser = await launchChromium()
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  })
  page = await context.newPage()
}, 120_000)

afterAll(async () => {
  await stopGroup(traceDown?.child)
  if (bambooStock) await setBambooStock(bambooStock)
  await db?.end()
  await browser?.close()
})

describe("home", () => {
  it("shows the categories and the featured OCOP products, each product once", async () => {
    await page.goto(`${url}/vi`)
    const tiles = page.locator("main .category-tiles a")
    expect((await tiles.allTextContents()).map(normalise)).toEqual(CATEGORIES.vi)
    expect(await tiles.first().getAttribute("href")).toBe("/vi/categories/gao")
    const featured = page.locator("#featured + .product-grid .product-card")
    expect(await featured.count()).toBeGreaterThan(0)
    for (const card of await featured.all()) {
      expect(normalise(await card.locator(".ocop-badge").textContent())).toBe("★★★ OCOP 3 sao")
    }
    const handles = await cardHandles(page)
    expect(handles).toContain(RICE.handle)
    expect(new Set(handles).size).toBe(handles.length)
    expect(await page.locator("header .category-nav a").count()).toBe(4)
    expect(await page.locator("a[data-testid=cart-link]").getAttribute("href")).toBe("/vi/cart")
    await page.screenshot({ path: path.join(RESULTS, "catalogue-home-vi.png"), fullPage: true })
  })

  it("names the categories in English on the English home page", async () => {
    await page.goto(`${url}/vi`)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL(/\/en$/)
    expect((await page.locator("main .category-tiles a").allTextContents()).map(normalise)).toEqual(
      CATEGORIES.en,
    )
  })
})

describe("categories", () => {
  it("lists only the category's products, reached from the header", async () => {
    await page.goto(`${url}/vi`)
    await page.locator("header .category-nav a", { hasText: "Gạo" }).click()
    await page.waitForURL("**/vi/categories/gao")
    expect(await text(page, "h1")).toBe("Gạo")
    expect((await cardHandles(page)).sort()).toEqual(RICE_HANDLES)
    expect(await page.locator("main .category-tiles a[aria-current=page]").textContent()).toBe(
      "Gạo",
    )
    await page.goto(`${url}/vi/categories/rau-cu-qua`)
    const vegetables = await cardHandles(page)
    expect(vegetables.length).toBeGreaterThan(0)
    expect(vegetables.filter((handle) => RICE_HANDLES.includes(handle ?? ""))).toEqual([])
  })

  it("keeps the category when switching language", async () => {
    await page.goto(`${url}/vi/categories/gao`)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL("**/en/categories/gao")
    expect(await text(page, "h1")).toBe("Rice")
  })

  it("answers an unknown category with the not-found page", async () => {
    const response = await page.goto(`${url}/vi/categories/khong-co`)
    expect(response?.status()).toBe(404)
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Không tìm thấy trang")
  })
})

describe("search", () => {
  it("finds the rice from the header's search box", async () => {
    await page.goto(`${url}/vi`)
    await page.locator("header input[name=q]").fill("Séng Cù")
    await page.locator("header input[name=q]").press("Enter")
    await page.waitForURL(/\/vi\/search\?q=/)
    expect(new URL(page.url()).searchParams.get("q")).toBe("Séng Cù")
    expect(await text(page, "h1")).toBe("Kết quả cho “Séng Cù”")
    expect(await cardHandles(page)).toEqual([RICE.handle])
    expect(await text(page, "[data-testid=search-count]")).toBe("Tìm thấy 1 sản phẩm.")
    expect(await page.locator("header input[name=q]").inputValue()).toBe("Séng Cù")
  })

  it("says so when nothing matches, and offers the categories", async () => {
    await page.goto(`${url}/vi/search?q=${encodeURIComponent("xoài cát")}`)
    const empty = page.locator("[data-testid=search-empty]")
    expect(normalise(await empty.locator(".notice-title").textContent())).toBe(
      "Không tìm thấy sản phẩm nào cho “xoài cát”.",
    )
    expect(await empty.locator(".category-tiles a").count()).toBe(4)
    expect(await page.locator("main .product-card").count()).toBe(0)
    await page.screenshot({ path: path.join(RESULTS, "catalogue-search-empty.png") })
  })

  it("keeps the query when switching language", async () => {
    await page.goto(`${url}/vi/search?q=${encodeURIComponent("gạo")}`)
    expect((await cardHandles(page)).sort()).toEqual(RICE_HANDLES)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL(/\/en\/search\?q=/)
    expect(new URL(page.url()).searchParams.get("q")).toBe("gạo")
    expect(await text(page, "h1")).toBe("Results for “gạo”")
    expect(await text(page, "[data-testid=search-count]")).toBe("4 products found.")
  })

  it("asks what to look for when the box was empty", async () => {
    await page.goto(`${url}/vi/search?q=++`)
    expect(await text(page, "h1")).toBe("Tìm sản phẩm")
    expect(await page.locator("main .product-card").count()).toBe(0)
  })
})

describe("the product page", () => {
  const productUrl = `${url}/vi/products/${RICE.handle}`

  it("shows price, OCOP certificate, seller, commune and a working cart form", async () => {
    await page.goto(productUrl)
    expect(await text(page, "h1")).toBe(RICE.title)
    expect(await text(page, ".price-large")).toBe(RICE.price)
    expect(await text(page, "[data-testid=ocop] h2")).toBe("★★★ Sản phẩm OCOP 3 sao")
    expect(await text(page, "[data-testid=ocop-certificate]")).toBe("OCOP-GP-2024-01")
    expect(await text(page, "[data-testid=ocop] time")).toMatch(/^\d{1,2} tháng \d{1,2}, \d{4}$/)
    expect(await text(page, "[data-testid=product-seller]")).toBe(SELLER.name)
    expect(await text(page, "[data-testid=product-commune]")).toBe("Xã Gia Phú, Tỉnh Lào Cai")
    const form = page.locator("[data-testid=purchase] form.add-to-cart")
    expect(await form.count()).toBe(1)
    expect(await form.locator("input[name=variant_id]").getAttribute("value")).toMatch(/^variant_/)
    expect(await form.locator("button").isEnabled()).toBe(true)
    await page.screenshot({ path: path.join(RESULTS, "catalogue-product-vi.png"), fullPage: true })
  })

  it("shows the latest batch's origin and its timeline in Vietnam's days", async () => {
    await page.goto(productUrl)
    const origin = page.locator("[data-testid=origin]")
    expect(await text(page, "[data-testid=origin-lot]")).toBe(TRACE_LOT)
    const facts = normalise(await origin.locator(".origin-facts").textContent())
    expect(facts).toContain("Cánh đồng Phú Xuân, thửa 12, Thôn Phú Xuân")
    expect(facts).toContain("5 tháng 10, 2026")
    const events = origin.locator("[data-testid=trace-timeline] > li")
    expect(await events.evaluateAll((items) => items.map((li) => li.dataset.eventType))).toEqual([
      "planting",
      "input_applied",
      "harvest",
      "inspection",
      "packing",
    ])
    // Recorded at 05:30 in Vietnam, still the 8th in UTC: the page shows Vietnam's day.
    expect(normalise(await events.nth(3).locator("time").textContent())).toBe("9 tháng 10, 2026")
  })

  it("carries schema.org Product data a search engine can parse", async () => {
    await page.goto(productUrl)
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
    expect(scripts).toHaveLength(1)
    const data = JSON.parse(scripts[0])
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: RICE.title,
      sku: expect.any(String),
      brand: { "@type": "Brand", name: SELLER.name },
      offers: {
        "@type": "Offer",
        price: 185000,
        priceCurrency: "VND",
        availability: "https://schema.org/InStock",
        seller: { name: SELLER.name },
      },
    })
    expect(data.image[0]).toMatch(/^https?:\/\/.+\/static\//)
    expect(data.description.length).toBeGreaterThan(10)
  })

  it("keeps the product when switching language, origin included", async () => {
    await page.goto(productUrl)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL(`**/en/products/${RICE.handle}`)
    expect(await text(page, "[data-testid=origin] h2")).toBe("Origin")
    expect(await text(page, "[data-testid=ocop] h2")).toBe("★★★ 3-star OCOP product")
    expect(await text(page, "h1")).toBe(RICE.titleEn)
    expect(await text(page, ".price-large")).toBe(RICE.priceEn)
  })

  it("disables the cart for a product out of stock and says what to do", async () => {
    await page.goto(`${url}/vi/products/${BAMBOO.handle}`)
    expect(await text(page, "h1")).toBe(BAMBOO.title)
    const button = page.locator("[data-testid=purchase] button")
    expect(await button.isDisabled()).toBe(true)
    expect(normalise(await button.textContent())).toBe("Hết hàng")
    expect(await page.locator("[data-testid=purchase] .stock-help a").getAttribute("href")).toMatch(
      /^\/vi\/sellers\//,
    )
    const data = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? "",
    )
    expect(data.offers.availability).toBe("https://schema.org/OutOfStock")
    expect(await page.locator("[data-testid=ocop]").count()).toBe(0)
    expect(await text(page, "[data-testid=origin]")).toContain(
      "Người bán chưa ghi thông tin lô hàng cho sản phẩm này.",
    )
  })

  it("still sells when the traceability service is down, saying the origin could not load", async () => {
    traceDown = await startWithoutTraceability()
    await page.goto(`${traceDown.url}/vi/products/${RICE.handle}`)
    expect(await text(page, ".price-large")).toBe(RICE.price)
    expect(await page.locator("[data-testid=purchase] button").isEnabled()).toBe(true)
    const notice = page.locator("[data-testid=origin-unavailable]")
    expect(normalise(await notice.textContent())).toContain(
      "Chưa tải được thông tin nguồn gốc lúc này.",
    )
    expect(await notice.locator("a").getAttribute("href")).toBe(`/vi/products/${RICE.handle}`)
    expect(await page.content()).not.toMatch(/fetch failed|at async|ECONNREFUSED/)
  }, 90_000)
})

describe("seller pages", () => {
  it("opens the seller from the product page, with its products and phone", async () => {
    await page.goto(`${url}/vi/products/${RICE.handle}`)
    await page.locator("[data-testid=product-seller] a").click()
    await page.waitForURL(`**/vi/sellers/${SELLER.handle}`)
    expect(await text(page, "h1")).toBe(SELLER.name)
    expect(await cardHandles(page)).toContain(RICE.handle)
    const facts = page.locator("[data-testid=seller-facts]")
    expect(await facts.locator("a[href^='tel:']").getAttribute("href")).toMatch(/^tel:\d+$/)
    expect(await facts.locator("a[href='/vi/communes/02923']").textContent()).toBe("Xã Gia Phú")
    await page.screenshot({ path: path.join(RESULTS, "catalogue-seller-vi.png"), fullPage: true })
  })

  it("keeps the seller when switching language, and 404s for an unknown one", async () => {
    await page.goto(`${url}/vi/sellers/${SELLER.handle}`)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL(`**/en/sellers/${SELLER.handle}`)
    expect(await text(page, "h2#seller-products")).toBe("Products on sale")
    const response = await page.goto(`${url}/en/sellers/khong-co`)
    expect(response?.status()).toBe(404)
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Page not found")
  })
})

describe("commune pages", () => {
  it("shows the commune's public indicators: 9/9 OCOP products online", async () => {
    await page.goto(`${url}/vi/communes/02923`)
    expect(await text(page, "h1")).toBe("Xã Gia Phú")
    expect(await text(page, "[data-indicator=OCOP_ONLINE] p")).toBe("9/9 sản phẩm OCOP đã lên sàn")
    expect(await text(page, "[data-indicator=SELLERS_ONLINE] p")).toBe(
      "9/9 người bán đang bán trên sàn",
    )
    expect(await page.locator("[data-testid=seller-list] > li").count()).toBe(9)
    await page.screenshot({ path: path.join(RESULTS, "catalogue-commune-vi.png"), fullPage: true })
  })

  it("keeps the commune when switching language", async () => {
    await page.goto(`${url}/vi/communes/02923`)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL("**/en/communes/02923")
    expect(await text(page, "[data-indicator=OCOP_ONLINE] p")).toBe(
      "9/9 OCOP products on sale online",
    )
  })

  it("answers unknown and malformed commune codes with the not-found page", async () => {
    for (const code of ["99999", "gia-phu"]) {
      const response = await page.goto(`${url}/vi/communes/${code}`)
      expect(response?.status(), code).toBe(404)
    }
  })
})

describe("catalogue pages with the backend down", () => {
  const offline = inject("offlineStorefrontUrl")

  it("say so with a retry link to the same page, without a stack trace", async () => {
    for (const pathname of [
      "/vi/categories/gao",
      `/vi/search?q=${encodeURIComponent("gạo")}`,
      `/vi/sellers/${SELLER.handle}`,
      "/vi/communes/02923",
    ]) {
      const response = await page.goto(`${offline}${pathname}`)
      expect(response?.status(), pathname).toBe(200)
      expect(await text(page, "h1"), pathname).toBe("Cửa hàng tạm thời chưa mở được")
      expect(await page.locator("main a.button").getAttribute("href"), pathname).toBe(pathname)
      expect(await page.content(), pathname).not.toMatch(/fetch failed|at async|Error:/)
    }
  })
})
