import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import ExcelJS from "exceljs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import {
  api,
  axe,
  day,
  login,
  ocopOnline,
  previousQuarter,
  signIn,
  signUpSeller,
  waitForOcopOnline,
} from "./portal-commune-helpers"

// The commune portal on a 360 px phone against the seeded backend: a new cooperative (signed up
// through the API) approved in the browser, its product put in the OCOP registry and linked, the
// OCOP_ONLINE indicator moving with it, suspension, the click-through to what was counted,
// closing a past quarter and its XLSX report, and the province officer's read-only roll-up.
// One long file on purpose: each step builds on the one before (the seller, its entry, the counts).

const RESULTS = path.join(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."),
  "test-results",
)
const url = inject("storefrontUrl")
const OFFICER = "canbo@giaphu.example"
const PROVINCE_OFFICER = "canbo.tinh@laocai.example"
/** The report's second table: what each indicator counted (backend lib/indicators/export.ts). */
const COUNTED_HEADERS = [
  "Mã",
  "Chỉ tiêu",
  "Được tính",
  "Loại",
  "Tên",
  "Mã đối tượng",
  "Tử số",
  "Mẫu số",
  "Người bán",
  "Mã đơn",
  "Ngày đặt",
  "Giá trị (đồng)",
  "Thanh toán",
  "Trạng thái thanh toán",
  "Lý do tính hay không",
]
const STAMP = Date.now().toString(36)
const SELLER = {
  name: `HTX Thử nghiệm Cổng xã ${STAMP}`,
  handle: `htx-thu-nghiem-cong-xa-${STAMP}`,
  email: `htx-${STAMP}@thunghiem.example`,
}
const PRODUCT_TITLE = `Mật ong bạc hà thử nghiệm ${STAMP}`
const CERTIFICATE = `OCOP-TEST-${STAMP}`.toUpperCase()

let browser: Browser
let context: BrowserContext
let page: Page
let officerToken: string
let sellerId: string
let productId: string
let entryId: string | undefined
let before: { numerator: number; denominator: number }

const shot = (name: string, on: Page = page) =>
  on.screenshot({ path: path.join(RESULTS, `portal-commune-${name}.png`), fullPage: true })

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  sellerId = await signUpSeller(SELLER)
  // A second one that stays pending, so the test commune has more than one page of sellers.
  await signUpSeller({
    name: `Hộ kinh doanh Chờ duyệt ${STAMP}`,
    handle: `ho-cho-duyet-${STAMP}`,
    email: `cho-${STAMP}@thunghiem.example`,
  })
  officerToken = await login("commune_officer", OFFICER)
  browser = await launchChromium()
  context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    acceptDownloads: true,
  })
  page = await context.newPage()
}, 120_000)

afterAll(async () => {
  // Leave the demo commune's registry as it was (its public page shows "9/9").
  if (entryId) {
    await api(`/commune/ocop-entries/${entryId}`, { method: "DELETE", token: officerToken })
  }
  await browser?.close()
})

describe("commune portal", () => {
  it("asks an officer to sign in, then lists the commune's sellers a page at a time", async () => {
    await page.goto(`${url}/vi/commune/sellers`)
    await page.waitForURL(/\/vi\/commune\/sign-in\?next=/)
    await signIn(page, OFFICER)
    expect(new URL(page.url()).pathname).toBe("/vi/commune/sellers")
    // The test commune has 9 seeded sellers and this file's 2: ten a page.
    expect(await page.locator("[data-testid=commune-seller]").count()).toBe(10)
    const first = await page.locator("[data-testid=commune-seller] a").first().textContent()
    await page.locator(".pagination a[rel=next]").click()
    await page.waitForURL(/page=2/)
    expect(await page.locator(".pagination span").textContent()).toMatch(/^Trang 2\/\d+$/)
    expect(await page.locator("[data-testid=commune-seller] a").first().textContent()).not.toBe(
      first,
    )
    await shot("sellers")
  })

  it("shows the new cooperative as pending and approves it", async () => {
    await page.goto(`${url}/vi/commune/sellers`)
    await page.selectOption("#sellers-state", "pending")
    await page.fill("#sellers-q", STAMP)
    await page.locator(".commune-filters button").click()
    await page.waitForURL(/state=pending/)
    const row = page.locator(`[data-testid=commune-seller][data-handle="${SELLER.handle}"]`)
    expect(await row.locator(".commune-tag").textContent()).toBe("Chờ duyệt")
    await shot("sellers-pending")
    await row.locator("button", { hasText: "Duyệt" }).click()
    await page.waitForURL(/status=approved/)
    expect(await page.locator("[data-testid=status-notice]").textContent()).toContain("Đã duyệt")
    // It is no longer pending.
    expect(await row.count()).toBe(0)
    const { data } = await api<{ seller: { state: string } }>(`/commune/sellers/${sellerId}`, {
      token: officerToken,
    })
    expect(data.seller.state).toBe("approved")
  })

  it("reads OCOP_ONLINE before the new product is registered", async () => {
    // The seller lists and publishes a product through its API, in stock.
    const sellerToken = await login("seller_member", SELLER.email)
    const created = await api<{ product: { id: string } }>("/seller/products", {
      token: sellerToken,
      body: { title: PRODUCT_TITLE, variants: [{ title: "Hũ 500 g", price: 180000, stock: 20 }] },
    })
    expect(created.status).toBe(201)
    productId = created.data.product.id
    const published = await api(`/seller/products/${productId}/publish`, {
      token: sellerToken,
      body: {},
    })
    expect(published.status).toBe(200)
    before = await ocopOnline(page)
    expect(before.denominator).toBeGreaterThan(0)
    expect(
      await page.locator("li[data-code=OCOP_ONLINE] [data-testid=indicator-chart]").count(),
    ).toBe(1)
    await shot("indicators")
  })

  it("adds a registry entry, keeping what was typed when the backend refuses it", async () => {
    await page.goto(`${url}/vi/commune/registry`)
    await shot("registry")
    await page.locator("a", { hasText: "Thêm sản phẩm OCOP" }).first().click()
    await page.waitForURL(/\/registry\/new/)
    await page.selectOption("#entry-seller_id", sellerId)
    await page.fill("#entry-product_name", PRODUCT_TITLE)
    await page.selectOption("#entry-group", "food")
    await page.locator("input[name=stars][value='4']").check()
    // A certificate number the seed already uses: the backend's 409 names the field.
    await page.fill("#entry-certificate_number", "OCOP-GP-2024-01")
    await page.selectOption("#entry-issuing_level", "province")
    await page.fill("#entry-issued_on", day(-300))
    await page.fill("#entry-expires_on", day(60))
    await page.locator("[data-testid=entry-form] button[type=submit]").click()
    const fieldError = page.locator("#entry-certificate_number-error")
    await fieldError.waitFor()
    expect(await fieldError.textContent()).toBe(
      "Số giấy chứng nhận này đã có trong danh mục của xã",
    )
    expect(await page.inputValue("#entry-product_name")).toBe(PRODUCT_TITLE)
    expect(await page.inputValue("#entry-expires_on")).toBe(day(60))
    await shot("registry-new-error")
    await page.fill("#entry-certificate_number", CERTIFICATE)
    await page.locator("[data-testid=entry-form] button[type=submit]").click()
    await page.waitForURL(/\/registry\/ocop_[^?]+\?status=created/)
    entryId = new URL(page.url()).pathname.split("/").at(-1)
    expect(await page.locator("h1").textContent()).toBe(PRODUCT_TITLE)
    expect(await page.locator(".commune-flags [data-flag=offline]").count()).toBe(1)
    expect(await page.locator(".commune-flags [data-flag=expiring]").count()).toBe(1)
  })

  it("links the entry to the listing and OCOP_ONLINE goes up by one over one", async () => {
    await page.goto(`${url}/vi/commune/registry/${entryId}`)
    await page.selectOption("[data-testid=link-form] select[name=product_id]", productId)
    await page.locator("[data-testid=link-form] button", { hasText: "Liên kết" }).click()
    await page.waitForURL(/status=linked/)
    expect(await page.locator("[data-testid=linked-listing]").textContent()).toBe(PRODUCT_TITLE)
    expect(await page.locator(".commune-flags [data-flag=online]").count()).toBe(1)
    await shot("registry-entry")
    await waitForOcopOnline(page, {
      numerator: before.numerator + 1,
      denominator: before.denominator + 1,
    })
    // Unlinking takes it off the count's top line; linking again puts it back.
    await page.goto(`${url}/vi/commune/registry/${entryId}`)
    await page.locator("[data-testid=link-form] button", { hasText: "Bỏ liên kết" }).click()
    await page.waitForURL(/status=unlinked/)
    expect(await page.locator("[data-testid=linked-listing]").count()).toBe(0)
    await waitForOcopOnline(page, {
      numerator: before.numerator,
      denominator: before.denominator + 1,
    })
    await page.goto(`${url}/vi/commune/registry/${entryId}`)
    await page.selectOption("[data-testid=link-form] select[name=product_id]", productId)
    await page.locator("[data-testid=link-form] button", { hasText: "Liên kết" }).click()
    await page.waitForURL(/status=linked/)
    await waitForOcopOnline(page, {
      numerator: before.numerator + 1,
      denominator: before.denominator + 1,
    })
  })

  it("changes the entry's details", async () => {
    await page.goto(`${url}/vi/commune/registry/${entryId}`)
    expect(await page.inputValue("#entry-certificate_number")).toBe(CERTIFICATE)
    await page.fill("#entry-decision_number", "123/QĐ-UBND")
    await page.locator("[data-testid=entry-form] button[type=submit]").click()
    await page.waitForURL(/status=saved/)
    expect(await page.locator(".commune-facts").textContent()).toContain("123/QĐ-UBND")
    // Still linked: changing the details keeps the listing.
    expect(await page.locator("[data-testid=linked-listing]").textContent()).toBe(PRODUCT_TITLE)
  })

  it("finds the entry among what OCOP_ONLINE counted, and among the expiring ones", async () => {
    await page.goto(`${url}/vi/commune/indicators`)
    await page.locator("li[data-code=OCOP_ONLINE] a[data-testid=indicator-value]").click()
    await page.waitForURL(/\/indicators\/counted\?.*code=OCOP_ONLINE/)
    const counted = page.locator(`[data-testid=counted-in] li[data-subject="${entryId}"]`)
    expect(await counted.locator("a").textContent()).toBe(`${PRODUCT_TITLE} (${CERTIFICATE})`)
    expect(await counted.locator("[data-testid=counted-seller]").textContent()).toBe(
      `Người bán: ${SELLER.name}`,
    )
    await shot("counted")
    await page.goto(`${url}/vi/commune/registry?status=expiring_soon`)
    expect(
      await page.locator(`[data-testid=registry-entry][data-certificate="${CERTIFICATE}"]`).count(),
    ).toBe(1)
    // The same pages in English.
    await page.goto(`${url}/en/commune/registry?status=expiring_soon`)
    expect(await page.locator("h1").textContent()).toBe("OCOP product registry")
    expect(
      await page
        .locator(
          `[data-testid=registry-entry][data-certificate="${CERTIFICATE}"] [data-flag=expiring]`,
        )
        .textContent(),
    ).toBe("Expires within 90 days")
    await shot("registry-en")
  })

  it("suspends the seller after a confirmation, and OCOP_ONLINE's numerator goes down", async () => {
    await page.goto(`${url}/vi/commune/sellers/${sellerId}`)
    await page.locator("a", { hasText: "Tạm dừng…" }).click()
    await page.waitForURL(/confirm=suspend/)
    const form = page.locator("[data-testid=suspend-form]")
    // The reason is required as the officer types: an empty one is not sent.
    await form.locator("button[type=submit]").click()
    expect(
      await form.locator("textarea").evaluate((el: HTMLTextAreaElement) => el.validity.valid),
    ).toBe(false)
    expect(new URL(page.url()).searchParams.get("status")).toBeNull()
    await form.locator("textarea").fill("Hồ sơ thiếu giấy phép (kiểm thử)")
    await shot("seller-suspend")
    await form.locator("button[type=submit]").click()
    await page.waitForURL(/status=suspended/)
    expect(await page.locator(".commune-tag").first().textContent()).toBe("Tạm dừng")
    expect(await page.locator("[data-testid=state-reason]").textContent()).toContain("Hồ sơ thiếu")
    await shot("seller")
    await waitForOcopOnline(page, {
      numerator: before.numerator,
      denominator: before.denominator + 1,
    })
    await page.goto(`${url}/vi/commune/registry?offline=1`)
    const entry = page.locator(`[data-testid=registry-entry][data-certificate="${CERTIFICATE}"]`)
    expect(await entry.locator(".commune-reasons").textContent()).toContain(
      "người bán chưa được duyệt hoặc đang tạm dừng",
    )
    await shot("registry-offline")
  })

  it("has no serious or critical axe violation on the portal's pages", async () => {
    const pages = [
      "/vi/commune/sellers",
      `/vi/commune/sellers/${sellerId}?confirm=suspend`,
      "/vi/commune/registry",
      "/vi/commune/registry/new",
      `/vi/commune/registry/${entryId}`,
      "/vi/commune/indicators",
      "/vi/commune/indicators/counted?code=OCOP_ONLINE",
      "/en/commune/indicators",
    ]
    const found: string[] = []
    for (const pathname of pages) {
      await page.goto(`${url}${pathname}`)
      const results = await axe(page)
      expect(results.passes.length).toBeGreaterThan(10)
      for (const v of results.violations) {
        const line = `${pathname} [${v.impact}] ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
        console.log(line)
        if (v.impact === "serious" || v.impact === "critical") found.push(line)
      }
    }
    expect(found).toEqual([])
  })

  it("says the server is not answering, with a retry, when the backend is down", async () => {
    // The same build against a backend that is not there; cookies do not depend on the port.
    const offline = inject("offlineStorefrontUrl")
    for (const pathname of ["/vi/commune/sellers", "/vi/commune/indicators?quarter=2026-Q1"]) {
      await page.goto(`${offline}${pathname}`)
      const notice = page.locator("[data-testid=load-error]")
      expect(await notice.locator(".notice-title").textContent()).toBe(
        "Máy chủ đang tạm thời không phản hồi. Hãy thử lại sau ít phút.",
      )
      expect(await notice.locator("a").getAttribute("href")).toBe(pathname)
    }
    await shot("offline")
  })

  it("never gives the report to someone not signed in", async () => {
    const response = await fetch(`${url}/vi/commune/indicators/export?format=xlsx`, {
      redirect: "manual",
    })
    expect(response.status).toBe(303)
    expect(response.headers.get("location")).toMatch(/^\/vi\/commune\/sign-in\?next=/)
  })

  it("shows the province officer the province's roll-up with no change buttons", async () => {
    const province = await browser.newContext({
      locale: "vi-VN",
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
    })
    const on = await province.newPage()
    await on.goto(`${url}/vi/commune/indicators`)
    await signIn(on, PROVINCE_OFFICER)
    expect(await on.locator("[data-testid=indicators-area]").textContent()).toMatch(/^Tỉnh Lào Cai/)
    expect(await on.locator("a[href*='/indicators/close']").count()).toBe(0)
    const value = await on
      .locator("li[data-code=OCOP_ONLINE] [data-testid=indicator-value]")
      .textContent()
    // The province includes the demo commune's entries, ours among them.
    expect(Number(value?.split("/")[1])).toBeGreaterThanOrEqual(before.denominator + 1)
    await shot("province-indicators", on)
    await on.goto(`${url}/vi/commune/sellers`)
    expect(await on.locator("[data-testid=commune-seller]").count()).toBeGreaterThan(0)
    expect(await on.locator("main form button", { hasText: "Duyệt" }).count()).toBe(0)
    expect(await on.locator("main a", { hasText: "Tạm dừng" }).count()).toBe(0)
    await shot("province-sellers", on)
    await on.goto(`${url}/vi/commune/registry`)
    expect(await on.locator("main a", { hasText: "Thêm sản phẩm OCOP" }).count()).toBe(0)
    await on.goto(`${url}/vi/commune/registry/${entryId}`)
    expect(await on.locator("main form").count()).toBe(0)
    // One commune of the province: its details and charts, still read only.
    await on.goto(`${url}/vi/commune/indicators`)
    await on.selectOption("#indicators-commune", "02923")
    await on.locator(".commune-filters button").click()
    await on.waitForURL(/commune=02923/)
    expect(await on.locator("[data-testid=indicators-area]").textContent()).toMatch(/^Xã Gia Phú/)
    expect(await on.locator("[data-testid=indicator-chart]").count()).toBe(11)
    expect(await on.locator("a[href*='/indicators/close']").count()).toBe(0)
    await on.locator("li[data-code=OCOP_ONLINE] a[data-testid=indicator-value]").click()
    await on.waitForURL(/\/indicators\/counted\?.*commune=02923/)
    expect(await on.locator(`li[data-subject="${entryId}"]`).count()).toBe(1)
    await shot("province-commune", on)
    await province.close()
  })

  it("closes a past quarter after a confirmation and downloads its XLSX report", async () => {
    // The current quarter has not ended: no close button, and its confirmation page refuses.
    await page.goto(`${url}/vi/commune/indicators`)
    expect(await page.locator("[data-testid=quarter-open]").count()).toBe(1)
    expect(await page.locator("a[href*='/indicators/close']").count()).toBe(0)
    await page.goto(`${url}/vi/commune/indicators/close`)
    expect(await page.locator("[data-testid=close-not-ended]").textContent()).toContain(
      "chưa kết thúc",
    )
    expect(await page.locator("[data-testid=close-form]").count()).toBe(0)
    // A past quarter is frozen as it stood at its end: the demo was seeded in this quarter, so
    // nothing had happened yet, whatever the store shows today.
    const quarter = previousQuarter()
    await page.goto(`${url}/vi/commune/indicators?quarter=${quarter}`)
    expect(await page.locator("[data-testid=quarter-open]").count()).toBe(1)
    await page.locator("a[href*='/indicators/close']").click()
    await page.waitForURL(/\/indicators\/close\?quarter=/)
    await shot("close")
    await page.locator("[data-testid=close-form] button").click()
    await page.waitForURL(/status=closed/)
    expect(await page.locator("[data-testid=quarter-closed]").count()).toBe(1)
    expect(await page.locator("a[href*='/indicators/close']").count()).toBe(0)
    await shot("indicators-closed")

    const csvHref = await page.locator("a", { hasText: "CSV" }).getAttribute("href")
    const csv = await page.request.get(`${url}${csvHref}`)
    expect(csv.status()).toBe(200)
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/)
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n")
    expect(lines[0]).toBe(
      "Mã,Chỉ tiêu,Tử số,Mẫu số,Tỷ lệ (%),Quý trước,Thay đổi,Tử số là,Mẫu số là",
    )
    const ocopLine = lines.find((l) => l.startsWith("OCOP_ONLINE,"))?.split(",")
    expect(ocopLine?.slice(0, 4)).toEqual(["OCOP_ONLINE", "Sản phẩm OCOP đã lên sàn", "0", ""])
    // What the numerator and denominator count, as the indicators page words them.
    expect(ocopLine?.slice(-2)).toEqual([
      "Sản phẩm OCOP còn hiệu lực đang bán trực tuyến",
      "Tổng sản phẩm OCOP còn hiệu lực của xã",
    ])
    // Then what was counted: nothing before the demo was seeded, so the section's header only.
    const section = lines.indexOf("Danh sách đã đếm")
    expect(lines[section - 1]).toBe("")
    expect(lines[section + 1]).toBe(COUNTED_HEADERS.join(","))
    expect(lines.slice(section + 2)).toEqual([""])
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("a", { hasText: "XLSX" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path())!)
    const sheet = workbook.getWorksheet("Chỉ tiêu")!
    const [, , q] = /^(\d{4})-Q(\d)$/.exec(quarter)!
    expect(String(sheet.getCell(1, 1).value)).toContain(`Quý ${q}/${quarter.slice(0, 4)}`)
    expect(String(sheet.getCell(2, 1).value)).toContain("Đã chốt số liệu")
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      "Mã",
      "Chỉ tiêu",
      "Tử số",
      "Mẫu số",
      "Tỷ lệ (%)",
      "Quý trước",
      "Thay đổi",
      "Tử số là",
      "Mẫu số là",
    ])
    const counted = workbook.getWorksheet("Danh sách đã đếm")!
    expect(String(counted.getCell(1, 1).value)).toMatch(/^Danh sách đã đếm — /)
    expect((counted.getRow(3).values as unknown[]).slice(1)).toEqual(COUNTED_HEADERS)
    expect(counted.rowCount).toBe(3)
    let ocop: unknown[] | undefined
    sheet.eachRow((row) => {
      const values = row.values as unknown[]
      if (values[1] === "OCOP_ONLINE") ocop = values.slice(1)
    })
    expect(ocop?.slice(0, 3)).toEqual(["OCOP_ONLINE", "Sản phẩm OCOP đã lên sàn", 0])
  })
})
