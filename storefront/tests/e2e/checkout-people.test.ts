import { mkdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { AxeResults } from "axe-core"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest"
import { addFromProductPage, BUYER, normalise, pickUpEverywhere } from "./checkout-flow"
import { RICE } from "./fixtures"

// Issue 15, buyers: what a person hits in the cart and at checkout on a 360 px phone.

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const VEGETABLES = "rau-cai-meo-phu-thinh"
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js")

let browser: Browser
let context: BrowserContext
let page: Page

const shot = (name: string) =>
  page.screenshot({ path: path.join(RESULTS, `people-${name}.png`), fullPage: true })

async function newBuyer(javaScriptEnabled = true) {
  await context?.close()
  context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    javaScriptEnabled,
  })
  page = await context.newPage()
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
})

beforeEach(() => newBuyer())

afterAll(async () => {
  await browser?.close()
})

/** axe-core's violations (WCAG 2.1 A/AA and best practices) on the page as it is, by rule id. */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE })
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    }),
  )) as AxeResults
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)
}

const text = async (selector: string) => normalise(await page.locator(selector).textContent())

/** Types the address with only a phone, no e-mail, and saves it. */
async function fillPhoneOnly(phone: string) {
  await page.fill("#address-full_name", BUYER.name)
  await page.fill("#address-phone", phone)
  await page.selectOption("#address-province_code", "15")
  await page.selectOption("#address-commune_code", BUYER.commune)
  await page.fill("#address-line", BUYER.line)
  await page.locator("#address button[type=submit]").click()
}

async function saveShipping() {
  await page.locator("#shipping button[type=submit]").click()
  await page.locator("[data-testid=place-order]").waitFor()
}

async function placeCashOrder() {
  await page.check("input[name=payment_method][value=cod]")
  await page.locator("[data-testid=place-order]").click()
  await page.waitForURL(/\/vi\/orders\/order_[0-9A-Za-z]+\?placed=1/)
}

/** Each walk places up to two orders through every step: minutes on a loaded 2-core machine. */
const WALK_MS = 180_000

describe("buyers at 360 px", () => {
  const url = inject("storefrontUrl")

  it(
    "counts the pieces in the header and the cart, and Xóa removes a line whatever its box holds",
    async () => {
      // The same walk with and without JavaScript: removing is a plain form post either way.
      for (const [javaScriptEnabled, boxes] of [
        [true, ["", "0"]],
        [false, ["500", ""]],
      ] as const) {
        await newBuyer(javaScriptEnabled)
        await addFromProductPage(page, url, RICE.handle, 2)
        expect(await text("[data-testid=cart-count]")).toBe("2")
        expect(await text("[data-testid=cart-link]")).toBe("Giỏ hàng2 (2 sản phẩm)")
        expect(await text("[data-testid=cart-count-line]")).toBe("2 sản phẩm")
        await addFromProductPage(page, url, VEGETABLES, 1)
        expect(await text("[data-testid=cart-count]")).toBe("3")
        expect(await text("[data-testid=cart-count-line]")).toBe("3 sản phẩm")
        if (javaScriptEnabled) {
          await shot("1-cart")
          expect(await axeViolations()).toEqual([])
        }
        const lines = page.locator("[data-testid=cart-line]")
        expect(await lines.count()).toBe(2)
        for (const [index, box] of boxes.entries()) {
          await lines.first().locator("input[name=quantity]").fill(box)
          await lines.first().locator("[data-testid=remove-line]").click()
          await expect.poll(() => lines.count(), { timeout: 15_000 }).toBe(1 - index)
        }
        expect(page.url()).not.toContain("cart_error")
        expect(await page.locator("[data-testid=cart-count]").count()).toBe(0)
      }
      // English counts in English, with its plural.
      await newBuyer()
      await addFromProductPage(page, url, RICE.handle, 1)
      await page.goto(`${url}/en/cart`)
      expect(await text("[data-testid=cart-link]")).toBe("Cart1 (1 item)")
      expect(await text("[data-testid=cart-count-line]")).toBe("1 item")
    },
    WALK_MS,
  )

  it(
    "checks out with a phone and no e-mail, names the shipping the same way to the order, and remembers the buyer",
    async () => {
      await addFromProductPage(page, url, RICE.handle)
      await page.goto(`${url}/vi/checkout`)
      expect(await page.locator("#address-email").getAttribute("required")).toBeNull()
      // A number no Vietnamese phone has: the field is named, what was typed stays.
      await fillPhoneOnly("0612 345 678")
      await page.locator("#address-phone-error").waitFor()
      expect(await text("#address-phone-error")).toContain("Số điện thoại chưa đúng")
      expect(await page.locator("#address-email-error").count()).toBe(0)
      expect(await page.inputValue("#address-line")).toBe(BUYER.line)
      expect(await page.inputValue("#address-commune_code")).toBe(BUYER.commune)
      await shot("2-phone-error")
      await page.fill("#address-phone", "+84 912 345 678")
      await page.locator("#address button[type=submit]").click()
      await page.locator("[data-testid=address-summary]").waitFor()
      // One stored form, shown grouped; no e-mail was asked for or made up.
      expect(await text("[data-testid=address-summary]")).toContain(`${BUYER.name} · 0912 345 678`)
      expect(await text("[data-testid=address-summary]")).not.toContain("@")

      const part = page.locator("[data-testid=seller-part]")
      const commune = part.locator("label", { hasText: "Giao tận nhà trong xã" })
      expect(normalise(await commune.textContent())).toBe("Giao tận nhà trong xã15.000 ₫")
      expect(
        normalise(await part.locator("label", { hasText: "Nhận tại nơi bán" }).textContent()),
      ).toBe("Nhận tại nơi bánMiễn phí")
      await shot("3-shipping")
      await commune.locator("input").check()
      await saveShipping()
      await placeCashOrder()
      expect(await text("[data-testid=part-shipping]")).toBe(
        "Cách nhận hàng: Giao tận nhà trong xã · 15.000 ₫",
      )
      const call = page.locator("[data-testid=seller-phone] a")
      expect(await call.getAttribute("href")).toMatch(/^tel:\+842\d{9}$/)
      await shot("4-order")
      expect(await axeViolations()).toEqual([])
      await page.locator("a[hreflang=en]").click()
      await page.waitForURL(/\/en\/orders\//)
      expect(await text("[data-testid=part-shipping]")).toMatch(
        /^How you receive it: Home delivery within the commune · ₫15,000$/,
      )

      // The device remembers the buyer (httpOnly, about 180 days): the next order starts filled in.
      const remembered = (await context.cookies()).find((c) => c.name === "coop_buyer")
      expect(remembered?.httpOnly).toBe(true)
      const days = ((remembered?.expires ?? 0) * 1000 - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(179)
      expect(days).toBeLessThan(181)
      await addFromProductPage(page, url, VEGETABLES)
      await page.goto(`${url}/vi/checkout`)
      expect(await page.inputValue("#address-full_name")).toBe(BUYER.name)
      expect(await page.inputValue("#address-phone")).toBe("0912 345 678")
      expect(await page.inputValue("#address-commune_code")).toBe(BUYER.commune)
      expect(await page.inputValue("#address-line")).toBe(BUYER.line)
      await shot("5-remembered")
      // Unticking "remember" forgets the buyer on this device.
      await page.uncheck("[data-testid=remember-buyer]")
      await page.locator("#address button[type=submit]").click()
      await page.locator("[data-testid=address-summary]").waitFor()
      expect((await context.cookies()).some((c) => c.name === "coop_buyer")).toBe(false)
      await pickUpEverywhere(page)
      await saveShipping()
      expect(await text("[data-testid=checkout-shipping]")).toBe("Miễn phí")
      await placeCashOrder()
      expect(await text("[data-testid=part-shipping]")).toBe(
        "Cách nhận hàng: Nhận tại nơi bán · Miễn phí",
      )
    },
    WALK_MS,
  )

  it(
    "saves a signed-in buyer's address and offers it on the next order",
    async () => {
      await page.goto(`${url}/vi/account`)
      await page.fill("#register-name", "Lò Thị Mai")
      await page.fill("#register-email", `mai.${Date.now()}@example.vn`)
      await page.fill("#register-password", "mat-khau-dai")
      await page.locator("form[aria-labelledby=register-title] button[type=submit]").click()
      await page.locator("h1", { hasText: "Xin chào" }).waitFor()
      await addFromProductPage(page, url, RICE.handle)
      await page.goto(`${url}/vi/checkout`)
      expect(await page.locator("[data-testid=saved-addresses]").count()).toBe(0)
      await fillPhoneOnly("0987 654 321")
      await page.locator("[data-testid=address-summary]").waitFor()
      await pickUpEverywhere(page)
      await saveShipping()
      await placeCashOrder()

      // Another order, and this device remembers nothing: the account does.
      await context.clearCookies({ name: "coop_buyer" })
      await addFromProductPage(page, url, VEGETABLES)
      await page.goto(`${url}/vi/checkout`)
      const saved = page.locator("[data-testid=saved-address]")
      expect(await saved.count()).toBe(1)
      expect(normalise(await saved.textContent())).toContain(`${BUYER.name} · 0987 654 321`)
      expect(normalise(await saved.textContent())).toContain("Xã Gia Phú")
      await shot("6-saved-addresses")
      expect(await axeViolations()).toEqual([])
      await saved.locator("button", { hasText: "Giao tới địa chỉ này" }).click()
      await page.locator("[data-testid=address-summary]").waitFor()
      expect(await text("[data-testid=address-summary]")).toContain("0987 654 321")
      expect(await page.locator("[data-testid=seller-part]").count()).toBe(1)
    },
    WALK_MS,
  )
})
