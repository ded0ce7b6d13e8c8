import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest"
import {
  addFromProductPage,
  BUYER,
  checkout,
  fillAddress,
  normalise,
  sellerAct,
} from "./checkout-flow"
import { RICE } from "./fixtures"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const RICE_SELLER = "htx-nong-nghiep-gia-phu"
const VEGETABLES = { handle: "rau-cai-meo-phu-thinh", seller: "htx-rau-qua-sach-phu-thinh" }
const PORK = { handle: "thit-lon-ban-gac-bep-500g", stock: 40 }

let browser: Browser
let context: BrowserContext
let page: Page

const shot = (name: string) =>
  page.screenshot({ path: path.join(RESULTS, `checkout-${name}.png`), fullPage: true })

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
})

// Each test is a new buyer: a fresh context has no cart or sign-in cookie.
beforeEach(async () => {
  await context?.close()
  context = await browser.newContext({ locale: "vi-VN", viewport: { width: 360, height: 740 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe("cart and checkout", () => {
  const url = inject("storefrontUrl")
  const backendUrl = inject("backendUrl")

  it("scans a stamp, buys the product and pays cash on delivery", async () => {
    const [stamp] = inject("traceStamps")
    await page.goto(stamp!.uri)
    await page.waitForURL(/\/vi\/trace\//)
    expect(normalise(await page.locator("main").textContent())).toMatch(/chính hãng/i)
    await shot("1-scan")
    await page.locator("form.add-to-cart button[type=submit]").first().click()
    await page.waitForURL(/\/vi\/cart\?added=1/)
    const line = page.locator("[data-testid=cart-line]")
    expect(await line.count()).toBe(1)
    expect(normalise(await line.textContent())).toContain(RICE.title)
    expect(normalise(await page.locator("[data-testid=cart-subtotal]").textContent())).toBe(
      RICE.price,
    )
    await shot("2-cart")

    await page.locator("a", { hasText: "Tiến hành đặt hàng" }).click()
    await page.waitForURL(/\/vi\/checkout/)
    await shot("3-address")
    await fillAddress(page)
    await page.locator("[data-testid=address-summary]").waitFor()
    expect(normalise(await page.locator("[data-testid=address-summary]").textContent())).toContain(
      "Xã Gia Phú",
    )
    const parts = page.locator("[data-testid=seller-part]")
    expect(await parts.count()).toBe(1)
    await shot("4-shipping")
    // Delivery inside the commune is offered (the address is in the seller's commune): take it.
    await parts.locator("label", { hasText: "Giao tận nhà trong xã" }).locator("input").check()
    await page.locator("#shipping button[type=submit]").click()
    await page.locator("[data-testid=place-order]").waitFor()
    await page.check("input[name=payment_method][value=cod]")
    await shot("5-payment")
    await page.locator("[data-testid=place-order]").click()
    await page.waitForURL(/\/vi\/orders\/order_[0-9A-Za-z]+\?placed=1/)
    expect(normalise(await page.locator("[data-testid=order-confirmed]").textContent())).toMatch(
      /Đặt hàng thành công! Đơn #\d+/,
    )
    expect(await page.locator("[data-testid=order-part]").count()).toBe(1)
    expect(normalise(await page.locator("[data-testid=part-payment]").textContent())).toBe(
      "Trả khi nhận hàng",
    )
    // 185.000 ₫ of rice and 15.000 ₫ for delivery inside the commune.
    expect(normalise(await page.locator("[data-testid=order-part]").textContent())).toContain(
      "Phần này: 200.000 ₫",
    )
    await shot("6-confirmed")
    // The cart is spent: the cart page is empty again.
    await page.goto(`${url}/vi/cart`)
    expect(await page.locator("[data-testid=cart-line]").count()).toBe(0)
  })

  it("pays two sellers by VietQR and moves on by itself as each confirms", async () => {
    await addFromProductPage(page, url, RICE.handle)
    await addFromProductPage(page, url, VEGETABLES.handle, 2)
    expect(await page.locator("[data-testid=cart-line]").count()).toBe(2)
    await checkout(page, "vietqr")
    const parts = page.locator("[data-testid=order-part]")
    expect(await parts.count()).toBe(2)
    const qrs = page.locator("[data-testid=vietqr]")
    expect(await qrs.count()).toBe(2)
    await shot("7-vietqr")
    // Each QR is for that seller's part alone, under its reference.
    const references: string[] = []
    for (let i = 0; i < 2; i++) {
      const part = parts.nth(i)
      const reference = (await part.getAttribute("data-reference")) ?? ""
      expect(reference).toMatch(/^DH\d{6}$/)
      references.push(reference)
      expect(
        normalise(await part.locator("[data-testid=vietqr-reference]").textContent()),
      ).toContain(reference)
      expect(normalise(await part.locator("img").getAttribute("alt"))).toMatch(/VietQR/)
    }
    const riceIndex = normalise(await parts.nth(0).textContent()).includes("Gạo") ? 0 : 1
    const riceReference = references[riceIndex]!
    const vegReference = references[1 - riceIndex]!
    expect(
      normalise(await parts.nth(riceIndex).locator("[data-testid=vietqr-amount]").textContent()),
    ).toBe(RICE.price)

    // The rice seller confirms the transfer; the page, left alone, shows it paid.
    await sellerAct(backendUrl, RICE_SELLER, riceReference, "confirm-payment")
    const ricePayment = page.locator(`[data-reference=${riceReference}] [data-testid=part-payment]`)
    await expect
      .poll(async () => normalise(await ricePayment.textContent()), { timeout: 30_000 })
      .toBe("Đã thanh toán")
    expect(await page.locator("[data-testid=vietqr]").count()).toBe(1)
    await sellerAct(backendUrl, VEGETABLES.seller, vegReference, "confirm-payment")
    await page.locator("[data-testid=transfer-confirmed]").waitFor({ timeout: 30_000 })
    expect(await page.locator("[data-testid=vietqr]").count()).toBe(0)
    await shot("8-vietqr-paid")
  })

  it("keeps what the buyer typed and names the wrong field, without JavaScript too", async () => {
    for (const javaScriptEnabled of [true, false]) {
      await context.close()
      context = await browser.newContext({
        locale: "vi-VN",
        viewport: { width: 360, height: 740 },
        javaScriptEnabled,
      })
      page = await context.newPage()
      await addFromProductPage(page, url, RICE.handle)
      await page.goto(`${url}/vi/checkout`)
      // The browser accepts "an@example" as an email; the server wants a domain with a dot.
      await fillAddress(page, { email: "an@example" })
      await page.locator(".field-error").first().waitFor()
      expect(normalise(await page.locator("#address-email-error").textContent())).toContain(
        "Email chưa đúng",
      )
      expect(await page.locator("#address-email").getAttribute("aria-invalid")).toBe("true")
      expect(await page.inputValue("#address-full_name")).toBe(BUYER.name)
      expect(await page.inputValue("#address-line")).toBe(BUYER.line)
      await shot(`9-address-error-${javaScriptEnabled ? "js" : "nojs"}`)
      // Nothing was saved: the shipping step still waits for an address.
      expect(await page.locator("[data-testid=seller-part]").count()).toBe(0)
    }
  })

  it("says so when stock runs out, and the cart still works", async () => {
    await addFromProductPage(page, url, PORK.handle)
    const line = page.locator("[data-testid=cart-line]")
    await line.locator("input[name=quantity]").fill(String(PORK.stock + 1))
    await line.locator("button", { hasText: "Cập nhật" }).click()
    await page.waitForURL(/cart_error=out_of_stock/)
    expect(normalise(await page.locator("[data-testid=cart-error]").textContent())).toContain(
      "vừa hết hàng",
    )
    await shot("10-out-of-stock")
    // The line keeps its old quantity and can still be removed.
    expect(await line.locator("input[name=quantity]").inputValue()).toBe("1")
    await line.locator("button", { hasText: "Xóa" }).click()
    await page.waitForURL(/\/vi\/cart$/)
    expect(await page.locator("[data-testid=cart-line]").count()).toBe(0)
  })

  it("shows a signed-in buyer's orders with each seller part's status, in both languages", async () => {
    await page.goto(`${url}/vi/account`)
    const email = `khach.${Date.now()}@example.vn`
    await page.fill("#register-name", "Lò Thị Mai")
    await page.fill("#register-email", email)
    await page.fill("#register-password", "mat-khau-dai")
    await page.locator("form[aria-labelledby=register-title] button[type=submit]").click()
    // The post answers on the same URL: wait for the signed-in page itself.
    await page.locator("h1", { hasText: "Xin chào" }).waitFor()
    expect(normalise(await page.locator("h1").textContent())).toBe("Xin chào, Lò Thị Mai")
    await addFromProductPage(page, url, RICE.handle)
    await checkout(page, "cod")
    const reference = (await page
      .locator("[data-testid=order-part]")
      .getAttribute("data-reference"))!
    await page.goto(`${url}/vi/account`)
    const order = page.locator("[data-testid=history-order]")
    expect(await order.count()).toBe(1)
    expect(normalise(await order.locator("[data-testid=part-status]").textContent())).toBe(
      "Người bán đang chuẩn bị",
    )
    await sellerAct(backendUrl, RICE_SELLER, reference, "ship")
    await page.reload()
    expect(normalise(await order.locator("[data-testid=part-status]").textContent())).toBe(
      "Đang giao",
    )
    await shot("11-history")
    await page.locator("a[hreflang=en]").click()
    await page.waitForURL(/\/en\/account$/)
    expect(normalise(await order.locator("[data-testid=part-status]").textContent())).toBe(
      "On its way",
    )
  })

  it("explains a shop that is down instead of failing", async () => {
    const offline = inject("offlineStorefrontUrl")
    await context.addCookies([{ name: "coop_cart", value: "cart_01GONE", url: offline }])
    await page.goto(`${offline}/vi/checkout`)
    expect(normalise(await page.locator("main [role=alert]").textContent())).toContain(
      "Cửa hàng tạm thời chưa mở được",
    )
    expect(await page.locator("a", { hasText: "Thử lại" }).getAttribute("href")).toBe(
      "/vi/checkout",
    )
  })
})
