// Issue 15, items 6 and 9, walked on a 360 px phone in Vietnamese: every portal tab and shop
// category in sight (they wrap), long product names clamped with the whole name kept, payment
// radios as big as shipping ones, the batch form's labels over their fields, the helper's banner
// staying on screen, over-long names refused with the limit named (never cut), a favicon; then
// the seller's side: new orders waiting on the dashboard, "Đã gửi hàng đi" confirmed first (here
// without JavaScript), a harvest larger than its batch warned about, diary photos as thumbnails.
// axe-core checks each page touched; screenshots go to test-results/portal-polish-*.png.
import { mkdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { AxeResults } from "axe-core"
import type { Browser, BrowserContext, Locator, Page } from "playwright-core"
import { PNG } from "pngjs"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import {
  addFromProductPage,
  fillAddress,
  normalise,
  pickUpEverywhere,
  sellerToken,
} from "./checkout-flow"
import { RICE } from "./fixtures"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js")
const PASSWORD = "giaphu-demo"
const SELLER = "htx-nong-nghiep-gia-phu"
const OWNER = `${SELLER}@giaphu.example`
const HELPER = "hotro.phuxuan@giaphu.example"
const RUN = Date.now().toString(36)
const WORD = `Polish${RUN}`
/** A 200-character product name, the most the shop takes. */
const LONG_TITLE = `Gạo nếp cẩm ${WORD} ${"đặc sản vùng cao Lào Cai ".repeat(8)}`
  .slice(0, 200)
  .trim()
const TOO_LONG = `Gạo nếp cẩm ${"thơm ngon ".repeat(26)}`.slice(0, 265)

const url = inject("storefrontUrl")
const backendUrl = inject("backendUrl")

let browser: Browser
const contexts: BrowserContext[] = []
let longProductId = ""

async function phone(javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    javaScriptEnabled,
  })
  contexts.push(context)
  return context.newPage()
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(RESULTS, `portal-polish-${name}.png`), fullPage })

/** Every axe violation on the page as loaded (WCAG 2.1 A/AA and best practices). */
async function axe(page: Page) {
  await page.addScriptTag({ path: AXE })
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    }),
  )) as AxeResults
  expect(results.passes.length).toBeGreaterThan(10)
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  )
}

/** The page fits the phone: nothing wider than 360 px. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error("not visible")
  return found
}

/** Every link of a strip lies inside the 360 px screen, and the strip does not scroll. */
async function allInSight(strip: Locator) {
  const links = strip.locator("a")
  expect(await links.count()).toBeGreaterThan(1)
  for (const link of await links.all()) {
    const b = await box(link)
    expect(b.x, normalise(await link.textContent())).toBeGreaterThanOrEqual(0)
    expect(b.x + b.width, normalise(await link.textContent())).toBeLessThanOrEqual(360)
  }
  const [scroll, client] = await strip.evaluate((el) => {
    const row = el.querySelector("ul") ?? el
    return [row.scrollWidth, row.clientWidth]
  })
  expect(scroll).toBeLessThanOrEqual(client)
}

async function signIn(page: Page, email: string) {
  await page.goto(`${url}/vi/seller/sign-in`)
  await page.fill("#portal-email", email)
  await page.fill("#portal-password", PASSWORD)
  await Promise.all([
    page.waitForURL((u) => u.pathname !== "/vi/seller/sign-in"),
    page.locator("form button[type=submit]").click(),
  ])
}

/** A small photo, as a phone camera would hand it over (a PNG here). */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 64 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([47, 107, 58, 255], i)
  return PNG.sync.write(png)
}

async function sellerApi(method: string, route: string, body?: unknown) {
  const token = await sellerToken(backendUrl, SELLER)
  const response = await fetch(`${backendUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
})

afterAll(async () => {
  // Other files list the shop's products: take the long-named one off sale again.
  if (longProductId) await sellerApi("POST", `/seller/products/${longProductId}/unpublish`, {})
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
})

describe("a phone at 360 px (issue 15, item 6)", () => {
  it("shows a favicon", async () => {
    const page = await phone()
    await page.goto(`${url}/vi`)
    const href = await page.locator("link[rel=icon]").first().getAttribute("href")
    expect(href).toMatch(/^\/icon\.svg/)
    const icon = await fetch(new URL(href!, url))
    expect(icon.status).toBe(200)
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/)
    expect(await icon.text()).toContain("<svg")
  })

  it("keeps every category in sight, wrapping instead of scrolling", async () => {
    const page = await phone()
    await page.goto(`${url}/vi`)
    const strip = page.locator("nav.header-categories")
    const last = strip.locator("a").last()
    const name = normalise(await last.textContent())
    await last.click()
    await page.waitForURL(/\/vi\/categories\//)
    await allInSight(strip)
    expect(normalise(await page.locator("h1").textContent())).toBe(name)
    expect(await pageWidth(page)).toBeLessThanOrEqual(360)
    expect(await axe(page)).toEqual([])
    await shot(page, "1-category-strip", false)
  })

  it("clamps a long product name on its card, keeps it whole in the title, and in full on its page", async () => {
    const created = await sellerApi("POST", "/seller/products", {
      title: LONG_TITLE,
      variants: [{ title: "Túi 2 kg", price: 120000, stock: 5 }],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    longProductId = created.body.product.id
    const published = await sellerApi("POST", `/seller/products/${longProductId}/publish`, {})
    expect(published.status).toBe(200)

    const page = await phone()
    await page.goto(`${url}/vi/search?q=${encodeURIComponent(WORD)}`)
    const heading = page.locator(".product-card h2")
    expect(await heading.count()).toBe(1)
    expect(await heading.getAttribute("title")).toBe(LONG_TITLE)
    expect(normalise(await heading.textContent())).toBe(LONG_TITLE)
    // Two lines shown, the rest cut off by the clamp (not by the card's edge).
    const [scroll, client, lineHeight] = await heading.evaluate((el) => [
      el.scrollHeight,
      el.clientHeight,
      Number.parseFloat(getComputedStyle(el).lineHeight),
    ])
    expect(scroll).toBeGreaterThan(client)
    expect(client).toBeLessThanOrEqual(2 * lineHeight + 1)
    expect(await pageWidth(page)).toBeLessThanOrEqual(360)
    expect(await axe(page)).toEqual([])
    await shot(page, "2-long-name-card")

    await page.locator(".product-card a").click()
    await page.waitForURL(/\/vi\/products\//)
    const h1 = page.locator("h1")
    expect(normalise(await h1.textContent())).toBe(LONG_TITLE)
    const [h1Scroll, h1Client] = await h1.evaluate((el) => [el.scrollHeight, el.clientHeight])
    expect(h1Scroll).toBeLessThanOrEqual(h1Client)
    expect(await pageWidth(page)).toBeLessThanOrEqual(360)
    expect(await axe(page)).toEqual([])
    await shot(page, "3-long-name-page")
  })

  it("refuses a 265-character buyer name, then gives payment radios as large as shipping ones", async () => {
    const page = await phone()
    await addFromProductPage(page, url, RICE.handle, 1)
    await page.locator("a", { hasText: "Tiến hành đặt hàng" }).click()
    await page.waitForURL(/\/vi\/checkout/)
    // A 265-character name is refused with the limit, and the box still holds all of it.
    await fillAddress(page, { name: TOO_LONG })
    const nameError = page.locator("#address-full_name-error")
    await nameError.waitFor()
    expect(normalise(await nameError.textContent())).toBe(
      "Họ tên dài quá: tối đa 100 ký tự (bạn đã nhập 265).",
    )
    expect((await page.inputValue("#address-full_name")).length).toBe(265)
    await fillAddress(page)
    await page.locator("#shipping button[type=submit]").waitFor()
    await pickUpEverywhere(page)
    const shipping = await box(page.locator("#shipping input[type=radio]").first())
    await page.locator("#shipping button[type=submit]").click()
    await page.locator("[data-testid=place-order]").waitFor()
    const payments = page.locator("input[name=payment_method]")
    expect(await payments.count()).toBeGreaterThan(1)
    for (const radio of await payments.all()) {
      const b = await box(radio)
      expect(Math.abs(b.width - shipping.width)).toBeLessThan(0.5)
      expect(Math.abs(b.height - shipping.height)).toBeLessThan(0.5)
    }
    expect(shipping.width).toBeGreaterThanOrEqual(19)
    expect(await axe(page)).toEqual([])
    await shot(page, "4-payment-radios")
    await page.check("input[name=payment_method][value=cod]")
    await page.locator("[data-testid=place-order]").click()
    await page.waitForURL(/\/vi\/orders\/order_[0-9A-Za-z]+\?placed=1/)
  })

  it("refuses a 265-character product name, naming the limit, with nothing cut", async () => {
    const page = await phone()
    await signIn(page, OWNER)
    await page.goto(`${url}/vi/seller/products/new`)
    await page.fill("#product-title", TOO_LONG)
    // The box keeps all 265 characters: nothing is cut as it is typed or pasted.
    expect((await page.inputValue("#product-title")).length).toBe(265)
    await page.fill("#product-price", "120000")
    await page.locator("#product button[type=submit]").click()
    const error = page.locator("#product-title-error")
    await error.waitFor()
    expect(normalise(await error.textContent())).toBe(
      '"Tên sản phẩm" chỉ được tối đa 200 ký tự (đã nhập 265)',
    )
    expect((await page.inputValue("#product-title")).length).toBe(265)
    expect(await axe(page)).toEqual([])
    await shot(page, "5-name-too-long")
  })
})

describe("the seller's portal at 360 px (issue 15, items 6 and 9)", () => {
  let owner: Page
  let batchPath = ""

  beforeAll(async () => {
    owner = await phone()
    await signIn(owner, OWNER)
  })

  it("keeps every tab in sight, the current one too, wrapping instead of scrolling", async () => {
    await owner.goto(`${url}/vi/seller/settings`)
    const nav = owner.locator("nav.portal-nav")
    // The seller's eight sections, the e-invoices and the harvest pre-orders included.
    expect(await nav.locator("a").count()).toBe(8)
    await allInSight(nav)
    expect(normalise(await nav.locator("a[aria-current=page]").textContent())).toBe("Cài đặt")
    expect(await pageWidth(owner)).toBeLessThanOrEqual(360)
    await shot(owner, "6-tabs", false)
  })

  it("puts each label of the batch form right above its field, and refuses a 265-character village", async () => {
    await owner.goto(`${url}/vi/seller/origin/new`)
    const fields = owner.locator("[data-testid=batch-form] .origin-field")
    expect(await fields.count()).toBeGreaterThan(10)
    for (const field of await fields.all()) {
      const name = await field.getAttribute("data-field")
      const label = await box(field.locator("label").first())
      const control = await box(field.locator("input, select, textarea").first())
      expect(Math.abs(label.x - control.x), `${name}: label and field start together`).toBeLessThan(
        1,
      )
      const gap = control.y - (label.y + label.height)
      expect(gap, `${name}: label right above its field`).toBeGreaterThanOrEqual(-1)
      expect(gap, `${name}: label right above its field`).toBeLessThan(12)
      expect(control.x + control.width, `${name} fits`).toBeLessThanOrEqual(360)
    }
    expect(await axe(owner)).toEqual([])
    await shot(owner, "7-batch-form")

    // Not the rice: its newest batch is what catalogue.test.ts expects on the product page.
    const other = owner
      .locator("#origin-product_id option:not([value=''])")
      .filter({ hasNotText: RICE.title })
      .first()
    await owner.selectOption("#origin-product_id", (await other.getAttribute("value"))!)
    await owner.fill("#origin-lot_code", `PL-${RUN}`.toUpperCase().slice(0, 20))
    await owner.fill("#origin-quantity", "100")
    await owner.fill("#origin-unit", "kg")
    await owner.fill("#origin-area-village", TOO_LONG)
    expect((await owner.inputValue("#origin-area-village")).length).toBe(265)
    await owner.locator("[data-testid=batch-form] button[type=submit]").click()
    const error = owner.locator("#origin-area-village-error")
    await error.waitFor()
    expect(normalise(await error.textContent())).toBe(
      "Dài quá: tối đa 100 ký tự, bạn đã nhập 265. Hãy rút gọn.",
    )
    expect((await owner.inputValue("#origin-area-village")).length).toBe(265)
    expect(await axe(owner)).toEqual([])
    await owner.fill("#origin-area-village", "Phú Xuân")
    await Promise.all([
      owner.waitForURL(/\/vi\/seller\/origin\/[^/]+\?status=created/),
      owner.locator("[data-testid=batch-form] button[type=submit]").click(),
    ])
    batchPath = new URL(owner.url()).pathname
  })

  it("warns before writing a harvest larger than its batch, then shows its photo as a thumbnail", async () => {
    await owner.goto(`${url}${batchPath}/events/new?type=harvest`)
    await owner.fill("#origin-quantity-amount", "150")
    await owner.fill("#origin-quantity-unit", "kg")
    await owner.setInputFiles("#origin-photos-camera", {
      name: "thu-hoach.png",
      mimeType: "image/png",
      buffer: photo(),
    })
    await owner.locator("[data-testid=event-form] button[type=submit]").click()
    const warning = owner.locator("[data-testid=harvest-over]")
    await warning.waitFor()
    expect(normalise(await warning.textContent())).toContain(
      "Lô này khai 100 kg, nhưng tính cả lần này đã thu hoạch 150 kg.",
    )
    // Nothing is written yet: the diary has no harvest.
    expect(new URL(owner.url()).pathname).toBe(`${batchPath}/events/new`)
    expect(await axe(owner)).toEqual([])
    await shot(owner, "8-harvest-warning")
    await owner.check("input[name=harvest_over_ok]")
    await Promise.all([
      owner.waitForURL(/status=event_added/),
      owner.locator("[data-testid=event-form] button[type=submit]").click(),
    ])
    const thumb = owner.locator("#timeline .event-photos img")
    expect(await thumb.count()).toBe(1)
    await thumb.scrollIntoViewIfNeeded()
    await owner.waitForFunction(
      () => (document.querySelector("#timeline .event-photos img") as HTMLImageElement)?.complete,
    )
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    const size = await box(thumb)
    expect(Math.round(size.width)).toBe(96)
    const link = owner.locator("#timeline .event-photos a")
    expect(await link.getAttribute("href")).toBe(await thumb.getAttribute("src"))
    expect(normalise(await link.textContent())).toBe("Ảnh 1")
    expect(await pageWidth(owner)).toBeLessThanOrEqual(360)
    expect(await axe(owner)).toEqual([])
    await shot(owner, "9-batch-thumbnails")
  })

  it("shows new orders waiting and asks before 'Đã gửi hàng đi', without JavaScript", async () => {
    const plain = await phone(false)
    await signIn(plain, OWNER)
    await plain.goto(`${url}/vi/seller`)
    const waiting = plain.locator("[data-testid=orders-waiting]")
    expect(normalise(await waiting.textContent())).toMatch(
      /^\d+ đơn mới đang chờ gửi: xem và gửi hàng$/,
    )
    await shot(plain, "10-dashboard")
    await Promise.all([plain.waitForURL(/status=placed/), waiting.locator("a").click()])
    // axe needs JavaScript: the same pages are checked in the owner's browser.
    for (const page of ["/vi/seller", "/vi/seller/orders?status=placed"]) {
      await owner.goto(`${url}${page}`)
      expect(await axe(owner), page).toEqual([])
    }
    // Newest first: the order placed in the payment test above.
    await Promise.all([
      plain.waitForURL(/\/vi\/seller\/orders\/order_/),
      plain.locator("[data-testid=seller-order] a").first().click(),
    ])
    const orderPath = new URL(plain.url()).pathname
    expect(await plain.locator("#ship").count()).toBe(0)
    await Promise.all([
      plain.waitForURL(/confirm=ship/),
      plain.locator("[data-testid=ship-link]").click(),
    ])
    const question = plain.locator("[data-testid=confirm-step]")
    expect(normalise(await question.locator("h2").textContent())).toBe(
      "Bạn đã gửi hàng đi thật chưa?",
    )
    expect(normalise(await plain.locator("[data-testid=order-status]").textContent())).toBe(
      "Mới đặt, chưa giao",
    )
    await owner.goto(plain.url())
    expect(await axe(owner)).toEqual([])
    await shot(plain, "11-ship-confirm")
    await Promise.all([
      plain.waitForURL(/status=ship/),
      plain.locator("#ship button[type=submit]").click(),
    ])
    expect(new URL(plain.url()).pathname).toBe(orderPath)
    expect(normalise(await plain.locator("[data-testid=order-status]").textContent())).toBe(
      "Đang giao",
    )
  })
})

describe("a community tech helper at 360 px (issue 15, item 6)", () => {
  it("keeps the banner saying whose portal this is on screen while scrolling", async () => {
    const page = await phone()
    await signIn(page, HELPER)
    // A helper first picks whose portal to open (the demo helper has one grant).
    await page.waitForURL(/\/vi\/seller\/choose/)
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/vi/seller"),
      page.locator("button", { hasText: "Lò Văn Sinh" }).click(),
    ])
    await page.locator("[data-testid=acting-banner]").waitFor()
    await page.goto(`${url}/vi/seller/origin/new`)
    const banner = page.locator("[data-testid=acting-banner]")
    expect(normalise(await banner.textContent())).toContain("Lò Văn Sinh")
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    expect(height).toBeGreaterThan(2 * 740)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await page.waitForFunction(() => window.scrollY > 740)
    const b = await box(banner)
    expect(b.y).toBeGreaterThanOrEqual(-0.5)
    expect(b.y).toBeLessThan(1)
    // Nothing drawn over it: the point at its middle belongs to the banner.
    expect(
      await page.evaluate(
        ([x, y]) => {
          const hit = document.elementFromPoint(x!, y!)
          return !!hit?.closest("[data-testid=acting-banner]")
        },
        [b.x + b.width / 2, b.y + b.height / 2],
      ),
    ).toBe(true)
    expect(await axe(page)).toEqual([])
    await shot(page, "12-helper-banner-scrolled", false)
  })
})
