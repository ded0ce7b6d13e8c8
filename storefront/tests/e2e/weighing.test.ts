// Produce sold by weight end to end on a 360 px phone: the seller lists a per-kg product through
// the portal's form (the unit price follows the price per kg and the estimated weight); a buyer
// orders the seeded per-kg chicken, is refused until they accept its ±10% tolerance, and orders;
// the seller weighs the bird on the phone; the buyer's order then shows the estimate and the
// actual amount. Runs on the Phú Cường chicken, which no other file buys.
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContextOptions, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { addFromProductPage, fillAddress, normalise, pickUpEverywhere } from "./checkout-flow"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const PHONE: BrowserContextOptions = {
  locale: "vi-VN",
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
}
const SELLER = "htx-chan-nuoi-phu-cuong"
const CHICKEN = { handle: "ga-doi-tha-vuon-phu-cuong", estimate: "270.000 ₫" }
const RUN = Date.now().toString(36)
const TOLERANCE = "Số tiền có thể thay đổi tối đa ±10% sau khi cân"

const url = inject("storefrontUrl")
const text = async (page: Page, selector: string) =>
  normalise(await page.locator(selector).first().textContent())
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS, `weighing-${name}.png`), fullPage: true })
const fitsPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

let browser: Browser

async function phone() {
  return (await browser.newContext(PHONE)).newPage()
}

/** Clicks and waits for the page the action redirects to; says what the page showed if not. */
async function submitTo(page: Page, click: () => Promise<void>, arrived: (u: URL) => boolean) {
  try {
    await Promise.all([page.waitForURL(arrived, { timeout: 30_000 }), click()])
  } catch (error) {
    const shown = await page.locator(".notice-error, .field-error").allTextContents()
    throw new Error(`${(error as Error).message}\nthe page said: ${shown.join(" | ")}`)
  }
}

async function signIn(page: Page, next: string) {
  await page.goto(`${url}/vi${next}`)
  expect(new URL(page.url()).pathname).toBe("/vi/seller/sign-in")
  await page.fill("#portal-email", `${SELLER}@giaphu.example`)
  await page.fill("#portal-password", process.env.DEMO_PASSWORD ?? "giaphu-demo")
  await submitTo(
    page,
    () => page.click("button[type=submit]"),
    (u) => u.pathname === `/vi${next}`,
  )
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe("produce sold by weight", () => {
  it("the seller lists pork per kg: the form derives the unit price and refuses a bad weight", async () => {
    const seller = await phone()
    await signIn(seller, "/seller/products/new")
    const form = seller.locator("[data-testid=product-form]")
    // A fixed price until the seller chooses to sell by weight: the per-kg fields are hidden.
    expect(await form.locator("input[name=sale_unit][value=fixed]").isChecked()).toBe(true)
    expect(await seller.locator("#product-price_per_kg").isVisible()).toBe(false)
    await seller.fill("#product-title", `Thịt lợn đen bản ${RUN}`)
    await seller.fill("#product-variant_title", "Phần 0,5 kg")
    await form.locator("input[name=sale_unit][value=step]").check()
    expect(await seller.locator("#product-price").isVisible()).toBe(false)
    expect(await seller.locator("#product-price_per_kg").isVisible()).toBe(true)
    await seller.fill("#product-price_per_kg", "180.000")
    await seller.fill("#product-unit_kg", "0,5")
    expect(await text(seller, "[data-testid=per-kg-estimate]")).toBe(
      "Giá tạm tính mỗi đơn vị: 90.000 ₫",
    )
    expect(await seller.inputValue("#product-tolerance_pct")).toBe("10")
    await seller.fill("#product-stock", "20")
    await fitsPhone(seller)
    await shot(seller, "1-seller-new-per-kg")

    // "0,5 lạng" is not a weight in kg: refused beside the field, everything typed kept.
    await seller.fill("#product-unit_kg", "0,5 lạng")
    await seller.locator("#product-unit_kg").evaluate((i: HTMLInputElement) => {
      i.removeAttribute("pattern")
    })
    await form.locator("button[type=submit]").click()
    await seller.locator("#product-unit_kg-error").waitFor()
    expect(await text(seller, "#product-unit_kg-error")).toBe(
      "Nhập cân nặng ước tính bằng kg, ví dụ 1,8 (tối đa 1000 kg).",
    )
    expect(await seller.inputValue("#product-price_per_kg")).toBe("180.000")
    await shot(seller, "2-seller-new-refused")

    await seller.fill("#product-unit_kg", "0,5")
    await submitTo(
      seller,
      () => form.locator("button[type=submit]").click(),
      (u) => u.searchParams.get("status") === "created",
    )
    // The listing carries the rule and the derived price; its form edits the rule, not a price.
    expect(await text(seller, "[data-testid=per-kg-now]")).toBe(
      "Bán theo cân: 180.000 ₫/kg, khoảng 0,5 kg mỗi đơn vị, chênh lệch tối đa ±10%. Giá tạm tính mỗi đơn vị: 90.000 ₫",
    )
    const edit = seller.locator("[data-testid=price-stock-form]")
    expect(await edit.locator("input[name=price]").count()).toBe(0)
    expect(await edit.locator("input[name=unit_kg]").inputValue()).toBe("0,5")
    await edit.locator("input[name=price_per_kg]").fill("200000")
    expect(await text(seller, "[data-testid=price-stock-form] [data-testid=per-kg-estimate]")).toBe(
      "Giá tạm tính mỗi đơn vị: 100.000 ₫",
    )
    await submitTo(
      seller,
      () => edit.locator("button[type=submit]").click(),
      (u) => u.searchParams.get("status") === "priceSaved",
    )
    expect(await text(seller, "[data-testid=per-kg-now]")).toContain("200.000 ₫/kg")
    expect(await text(seller, "[data-testid=per-kg-now]")).toContain("100.000 ₫")
    await fitsPhone(seller)
    await shot(seller, "3-seller-edit-per-kg")
  }, 300_000)

  it("a buyer accepts the chicken's tolerance, the seller weighs it, the buyer sees both amounts", async () => {
    const buyer = await phone()
    await addFromProductPage(buyer, url, CHICKEN.handle, 1)
    await buyer.locator("a", { hasText: "Tiến hành đặt hàng" }).click()
    await buyer.waitForURL(/\/vi\/checkout/)
    // The summary states the tolerance beside the chicken from the first step on.
    expect(await text(buyer, "[data-testid=weight-tolerance]")).toBe(TOLERANCE)
    await fillAddress(buyer)
    await buyer.locator("#shipping button[type=submit]").waitFor()
    await pickUpEverywhere(buyer)
    await buyer.locator("#shipping button[type=submit]").click()
    await buyer.locator("[data-testid=place-order]").waitFor()
    const acceptance = buyer.locator("[data-testid=weight-acceptance]")
    expect(normalise(await acceptance.textContent())).toContain(
      "có thể thay đổi tối đa ±10% sau khi cân",
    )
    const tick = acceptance.locator("input[name=accept_weight]")
    expect(await tick.isChecked()).toBe(false)
    await fitsPhone(buyer)
    await shot(buyer, "4-checkout-acceptance")

    // Not ticked: the backend refuses to place the order, and the page says why.
    await buyer.check("input[name=payment_method][value=cod]")
    await submitTo(
      buyer,
      () => buyer.locator("[data-testid=place-order]").click(),
      (u) => u.searchParams.get("cart_error") === "weight_not_accepted",
    )
    expect(await text(buyer, "[data-testid=cart-error]")).toContain(
      "Bạn chưa đồng ý rằng số tiền của hàng bán theo cân có thể thay đổi sau khi cân.",
    )
    expect(await buyer.locator("input[name=accept_weight]").isChecked()).toBe(false)
    await shot(buyer, "5-checkout-refused")

    await buyer.check("input[name=accept_weight]")
    await buyer.check("input[name=payment_method][value=cod]")
    await submitTo(
      buyer,
      () => buyer.locator("[data-testid=place-order]").click(),
      (u) => /\/vi\/orders\/order_/.test(u.pathname),
    )
    const orderUrl = buyer.url().replace(/\?.*$/, "")
    const reference = await buyer.locator("[data-testid=order-part]").getAttribute("data-reference")
    expect(await text(buyer, "[data-testid=part-estimated]")).toBe(
      `Ước tính khi đặt: ${CHICKEN.estimate} · người bán sẽ cân khi đóng gói`,
    )
    await shot(buyer, "6-order-placed")

    // The seller weighs the bird on the phone: 1,9 kg × 150.000 ₫ = 285.000 ₫ (+5,6%).
    const seller = await phone()
    await signIn(seller, "/seller/orders")
    await seller
      .locator("[data-testid=seller-order]", { hasText: reference! })
      .locator("a")
      .first()
      .click()
    await seller.locator("[data-testid=weigh-form]").waitFor()
    const weigh = seller.locator("[data-testid=weigh-form]")
    await weigh.locator("input[name^=kg_]").fill("1,9")
    await fitsPhone(seller)
    await shot(seller, "7-seller-weigh")
    await submitTo(
      seller,
      () => weigh.locator("button[type=submit]").click(),
      (u) => u.searchParams.get("status") === "weigh",
    )
    expect(await text(seller, "[data-testid=order-estimated]")).toBe(CHICKEN.estimate)
    expect(await text(seller, "[data-testid=order-amount]")).toBe("285.000 ₫")
    await shot(seller, "8-seller-weighed")

    await buyer.goto(orderUrl)
    expect(await text(buyer, "[data-testid=part-estimated]")).toBe(
      `Ước tính khi đặt: ${CHICKEN.estimate}`,
    )
    expect(await text(buyer, "[data-testid=part-total]")).toBe("Thực tế sau khi cân: 285.000 ₫")
    await fitsPhone(buyer)
    await shot(buyer, "9-order-weighed")
  }, 600_000)
})
