import { mkdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { AxeResults } from "axe-core"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { addFromProductPage, BUYER, normalise } from "./checkout-flow"
import { RICE } from "./fixtures"

// A buyer far from the commune: the seed loads the whole national list of communes, and the
// picker finds a ward typed without diacritics on a phone, or without JavaScript at all.

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js")
const HANOI = { province: "01", ward: "00004", wardName: "Phường Ba Đình" }

let browser: Browser
let context: BrowserContext
let page: Page

const shot = (name: string) =>
  page.screenshot({ path: path.join(RESULTS, `nationwide-${name}.png`), fullPage: true })

async function newPage(javaScriptEnabled: boolean) {
  await context?.close()
  context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    javaScriptEnabled,
  })
  page = await context.newPage()
}

async function fillContact() {
  await page.fill("#address-full_name", BUYER.name)
  await page.fill("#address-phone", BUYER.phone)
  await page.fill("#address-email", "nguoi.mua.hanoi@example.vn")
  await page.fill("#address-line", "Số 5 phố Hoàng Diệu")
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe("checkout from anywhere in the country", () => {
  const url = inject("storefrontUrl")

  it("a Hà Nội buyer types 'ba dinh', gets Phường Ba Đình and pays cash on delivery", async () => {
    await newPage(true)
    await addFromProductPage(page, url, RICE.handle)
    await page.goto(`${url}/vi/checkout`)
    await fillContact()
    await page.selectOption("#address-province_code", HANOI.province)
    // Hà Nội's 126 communes and wards arrive with the province.
    await page.waitForFunction(
      () => document.querySelectorAll("#address-commune_code option").length > 100,
    )
    const search = page.locator("#address-commune_code-search")
    await search.click()
    await search.pressSequentially("ba dinh")
    await page.waitForFunction(
      (code) =>
        (document.querySelector("#address-commune_code") as HTMLSelectElement).value === code,
      HANOI.ward,
    )
    const options = page.locator("#address-commune_code option")
    expect(normalise(await options.nth(1).textContent())).toBe(HANOI.wardName)
    expect(
      normalise(await page.locator("#address-commune_code-search-status").textContent()),
    ).toMatch(/^\d+ xã \/ phường khớp/)
    // With JavaScript the province loads its communes by itself: no button for it.
    expect(await page.locator("input[name=show_communes]").count()).toBe(0)
    await page.locator("#address-commune_code").scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(RESULTS, "nationwide-1-picker.png") })

    // The picker in this state passes axe as the rest of checkout does.
    await page.addScriptTag({ path: AXE })
    const audit = (await page.evaluate(() =>
      (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
        runOnly: {
          type: "tag",
          values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
        },
      }),
    )) as AxeResults
    expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

    await page.locator("#address button[type=submit]").click()
    const summary = page.locator("[data-testid=address-summary]")
    await summary.waitFor()
    expect(normalise(await summary.textContent())).toContain(HANOI.wardName)
    expect(normalise(await summary.textContent())).toContain("Thành phố Hà Nội")

    // Far from the seller: delivery by post.
    const parts = page.locator("[data-testid=seller-part]")
    for (let i = 0; i < (await parts.count()); i++) {
      await parts.nth(i).locator("label", { hasText: "Giao ngoài xã" }).locator("input").check()
    }
    await page.locator("#shipping button[type=submit]").click()
    await page.locator("[data-testid=place-order]").waitFor()
    await page.check("input[name=payment_method][value=cod]")
    await page.locator("[data-testid=place-order]").click()
    await page.waitForURL(/\/vi\/orders\/order_[0-9A-Za-z]+\?placed=1/)
    expect(normalise(await page.locator("[data-testid=order-confirmed]").textContent())).toMatch(
      /Đặt hàng thành công! Đơn #\d+/,
    )
    await shot("2-confirmed")
  })

  it("without JavaScript: choose the province, ask for its wards, then choose one", async () => {
    await newPage(false)
    await addFromProductPage(page, url, RICE.handle)
    await page.goto(`${url}/vi/checkout`)
    // No script, no search box: the plain select is the whole picker.
    expect(await page.locator("#address-commune_code-search").count()).toBe(0)
    await page.screenshot({
      path: path.join(RESULTS, "nationwide-3-nojs-form.png"),
      fullPage: true,
    })
    await fillContact()
    await page.selectOption("#address-province_code", HANOI.province)
    // The province's own button: the commune is still empty, which the browser would refuse.
    await page.locator("input[name=show_communes]").click()
    await page.waitForFunction(
      () => document.querySelectorAll("#address-commune_code option").length > 100,
    )
    expect(await page.inputValue("#address-province_code")).toBe(HANOI.province)
    expect(await page.locator("#address-commune_code option").count()).toBe(127)
    // Nothing was wrong yet, so nothing is marked; what was typed is kept.
    expect(await page.locator(".field-error").count()).toBe(0)
    expect(await page.inputValue("#address-full_name")).toBe(BUYER.name)
    await page.selectOption("#address-commune_code", HANOI.ward)
    await shot("4-nojs-ward")
    await page.locator("#address button[type=submit]").click()
    const summary = page.locator("[data-testid=address-summary]")
    await summary.waitFor()
    expect(normalise(await summary.textContent())).toContain(HANOI.wardName)
  })
})
