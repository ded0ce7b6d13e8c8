// What a commune officer hits at a desk (1280 px), issue 15 items 11-13: finding a seller typed
// without diacritics ("lo van sinh") and telling two namesakes apart by handle, village and
// state; checking what the indicators counted (orders with date, value, seller and payment; why
// each paid order counts as cashless or not; each listing's seller; the serials of stamps with a
// counterfeit signal; every indicator's numerator and denominator in words); and the province
// officer's read-only landing page. axe-core checks each page.
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { addFromProductPage, checkout, normalise, sellerAct, sellerToken } from "./checkout-flow"
import { RICE, RICE_BATCH } from "./fixtures"
import { api, axe, login, signIn, signUpSeller } from "./portal-commune-helpers"
import { prepareBatch, voidStamps } from "./traceability"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const url = inject("storefrontUrl")
const backendUrl = inject("backendUrl")
const traceabilityUrl = inject("traceabilityUrl")
const OFFICER = "canbo@giaphu.example"
const PROVINCE_OFFICER = "canbo.tinh@laocai.example"
const RICE_SELLER = "htx-nong-nghiep-gia-phu"
const RICE_SELLER_NAME = "HTX Nông nghiệp Gia Phú"
const RUN = Date.now().toString(36)
const NAMESAKE = { name: "Hộ kinh doanh Lò Văn Sinh", handle: `hkd-lo-van-sinh-${RUN}` }

let browser: Browser
const contexts: BrowserContext[] = []
let officer: Page

async function desk(): Promise<Page> {
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 1280, height: 800 },
  })
  contexts.push(context)
  return context.newPage()
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS, `portal-officer-${name}.png`), fullPage: true })

/** Not one axe violation, of any impact. */
async function noAxeViolations(page: Page) {
  const results = await axe(page)
  expect(results.passes.length).toBeGreaterThan(10)
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  )
  expect(found, page.url()).toEqual([])
}

/** The indicators follow orders and scans through events: reload until `ready` holds. */
async function reloadUntil(page: Page, address: string, ready: () => Promise<boolean>) {
  const deadline = Date.now() + 45_000
  await page.goto(address)
  while (!(await ready()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await page.goto(address)
  }
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  // The demo commune's "Hộ kinh doanh Lò Văn Sinh" gets a namesake, waiting for approval.
  await signUpSeller({ ...NAMESAKE, email: `lo-van-sinh-${RUN}@thunghiem.example` })
  browser = await launchChromium()
  officer = await desk()
}, 120_000)

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe("a commune officer at a desk", () => {
  it("finds 'Lò Văn Sinh' typed as 'lo van sinh' and tells the namesakes apart", async () => {
    await officer.goto(`${url}/vi/commune/sellers`)
    await officer.waitForURL(/\/vi\/commune\/sign-in\?next=/)
    await signIn(officer, OFFICER)
    await officer.fill("#sellers-q", "lo van sinh")
    await officer.locator(".commune-filters button[type=submit]").click()
    await officer.waitForURL(/q=lo\+van\+sinh/)
    const found = officer.locator("[data-testid=commune-seller]")
    expect(await found.count()).toBe(2)
    const rows = []
    for (let i = 0; i < 2; i++) {
      const row = found.nth(i)
      rows.push({
        name: normalise(await row.locator(".commune-row a").textContent()),
        identity: normalise(await row.locator("[data-testid=seller-identity]").textContent()),
        state: normalise(await row.locator(".commune-row > :last-child").textContent()),
      })
    }
    expect(rows.map((r) => r.name)).toEqual([NAMESAKE.name, NAMESAKE.name])
    // Newest first: the namesake that signed up in this test, then the demo's household.
    expect(rows[0]!.identity).toBe(`Mã: ${NAMESAKE.handle} · chưa ghi thôn`)
    expect(rows[1]!.identity).toMatch(/^Mã: hkd-lo-van-sinh · Thôn Cóc$/)
    expect(rows[0]!.state).not.toBe(rows[1]!.state)
    expect(normalise(await officer.locator("#sellers-q-hint").textContent())).toContain("không dấu")
    await shot(officer, "search")
    await noAxeViolations(officer)
  })

  it("checks the orders and why each paid one counts as cashless or not", async () => {
    // A buyer pays one bag by VietQR (the seller confirms it) and one cash on delivery.
    const buyer = await desk()
    const references: Record<"vietqr" | "cod", string> = { vietqr: "", cod: "" }
    for (const method of ["vietqr", "cod"] as const) {
      await addFromProductPage(buyer, url, RICE.handle)
      await checkout(buyer, method)
      references[method] = (await buyer
        .locator("[data-testid=order-part]")
        .first()
        .getAttribute("data-reference"))!
    }
    await sellerAct(backendUrl, RICE_SELLER, references.vietqr, "confirm-payment")
    await sellerAct(backendUrl, RICE_SELLER, references.cod, "ship")
    await sellerAct(backendUrl, RICE_SELLER, references.cod, "deliver")

    const cashless = `${url}/vi/commune/indicators/counted?code=CASHLESS`
    const item = (reference: string) =>
      officer.locator("li[data-subject]", {
        has: officer.locator(`text=${reference}`),
      })
    await reloadUntil(officer, cashless, async () => (await item(references.cod).count()) > 0)
    expect(
      normalise(
        await item(references.vietqr).locator("[data-testid=cashless-reason]").textContent(),
      ),
    ).toBe("Tính: thanh toán VietQR đã xác nhận")
    expect(
      normalise(await item(references.cod).locator("[data-testid=cashless-reason]").textContent()),
    ).toBe("Không tính: COD — tiền mặt")
    // Counted and not counted stand in their own lists.
    expect(
      await officer.locator("[data-testid=counted-in]").getByText(references.vietqr).count(),
    ).toBe(1)
    expect(
      await officer.locator("[data-testid=counted-left]").getByText(references.cod).count(),
    ).toBe(1)
    expect(normalise(await officer.locator("[data-testid=indicator-formula]").textContent())).toBe(
      "Tử số: Đơn đã thanh toán bằng VietQR hoặc thẻ Mẫu số: Tổng đơn đã thanh toán (mọi hình thức)",
    )
    await shot(officer, "counted-cashless")
    await noAxeViolations(officer)

    await officer.goto(`${url}/vi/commune/indicators/counted?code=ORDERS`)
    const line = normalise(
      await item(references.vietqr).locator("[data-testid=counted-order]").textContent(),
    )
    // Date (Vietnam's calendar), value, seller, payment.
    const today = new Intl.DateTimeFormat("vi-VN", {
      dateStyle: "long",
      timeZone: "Asia/Ho_Chi_Minh",
    }).format(new Date())
    expect(line).toBe(`${today} · 185.000 ₫ · ${RICE_SELLER_NAME} · VietQR, đã thanh toán`)
    expect(
      normalise(await item(references.cod).locator("[data-testid=counted-order]").textContent()),
    ).toContain("COD (tiền mặt khi nhận hàng), đã thanh toán")
    expect(normalise(await officer.locator("[data-testid=indicator-formula]").textContent())).toBe(
      "Tử số: Số đơn hàng đặt trong quý, không tính đơn đã hủy",
    )
    await shot(officer, "counted-orders")
    await noAxeViolations(officer)
  }, 240_000)

  it("sees the seller of every listing behind the traceability indicator", async () => {
    await officer.goto(`${url}/vi/commune/indicators/counted?code=TRACEABLE`)
    const items = officer.locator("li[data-subject]")
    expect(await items.count()).toBeGreaterThan(0)
    for (let i = 0; i < (await items.count()); i++) {
      expect(
        normalise(await items.nth(i).locator("[data-testid=counted-seller]").textContent()),
      ).toMatch(/^Người bán: (HTX|Hộ kinh doanh) /)
    }
    expect(normalise(await officer.locator("[data-testid=indicator-formula]").textContent())).toBe(
      "Tử số: Sản phẩm đang bán có ít nhất một lô đã in tem Mẫu số: Tổng sản phẩm đang bán trực tuyến",
    )
    await shot(officer, "counted-traceable")
  })

  it("reads the serial of a stamp with a counterfeit signal", async () => {
    // The rice's seller loses a roll and voids it; someone scans a stamp from it anyway.
    const token = await sellerToken(backendUrl, RICE_SELLER)
    const products = await api<{ products: { id: string; handle: string }[] }>(
      "/seller/products?limit=50",
      { token },
    )
    const rice = products.data.products.find((p) => p.handle === RICE.handle)!
    const lot = `GP-E2E-CB-${RUN}`.toUpperCase()
    const batch = await prepareBatch(
      { url: traceabilityUrl },
      {
        backendUrl,
        email: `${RICE_SELLER}@giaphu.example`,
        password: process.env.DEMO_PASSWORD ?? "giaphu-demo",
      },
      { product_id: rice.id, ...RICE_BATCH, lot_code: lot },
      [],
      2,
    )
    const lost = batch.stamps[1]!
    await voidStamps({ url: traceabilityUrl }, batch.headers, batch.batchId, [lost.serial])
    const scanned = await fetch(lost.uri, { headers: { accept: "application/json" } })
    expect(scanned.status).toBe(200)

    const stamp = officer.locator(
      `[data-testid=counterfeit-stamps] li[data-serial="${lost.serial}"]`,
    )
    await reloadUntil(
      officer,
      `${url}/vi/commune/indicators/counted?code=COUNTERFEIT`,
      async () => (await stamp.count()) > 0,
    )
    expect(normalise(await stamp.textContent())).toContain(
      `${lost.serial} · tem đã hủy Người bán: ${RICE_SELLER_NAME} · ${RICE.title} · lô ${lot}`,
    )
    expect(normalise(await officer.locator("[data-testid=indicator-formula]").textContent())).toBe(
      "Tử số: Số tem có dấu hiệu hàng giả lần đầu trong quý, mỗi tem tính một lần (không tính theo lượt quét)",
    )
    // Never "nothing counted" above a stamp with a signal, even before the count catches up.
    expect(await officer.getByText("Chưa có gì để tính trong quý này.").count()).toBe(0)
    await shot(officer, "counted-counterfeit")
    await noAxeViolations(officer)
  }, 120_000)

  it("states every indicator's numerator and denominator on the indicators page", async () => {
    await officer.goto(`${url}/vi/commune/indicators`)
    const ocop = officer.locator("li[data-code=OCOP_ONLINE] [data-testid=indicator-formula]")
    expect(normalise(await ocop.textContent())).toBe(
      "Tử số: Sản phẩm OCOP còn hiệu lực đang bán trực tuyến Mẫu số: Tổng sản phẩm OCOP còn hiệu lực của xã",
    )
    expect(await officer.locator("[data-testid=indicator-formula]").count()).toBe(11)
    await shot(officer, "indicators")
    await officer.goto(`${url}/en/commune/indicators/counted?code=CASHLESS`)
    expect(normalise(await officer.locator("[data-testid=indicator-formula]").textContent())).toBe(
      "Numerator: Orders paid by VietQR or card Denominator: All paid orders, any method",
    )
    expect(
      await officer.getByText("Does not count: cash on delivery", { exact: true }).count(),
    ).toBeGreaterThan(0)
  })
})

describe("the province officer", () => {
  it("lands on a read-only page with no approve or suspend, and the backend refuses both", async () => {
    const province = await desk()
    await province.goto(`${url}/vi/commune`)
    await province.waitForURL(/\/vi\/commune\/sign-in\?next=/)
    await signIn(province, PROVINCE_OFFICER)
    expect(new URL(province.url()).pathname).toBe("/vi/commune")
    expect(normalise(await province.locator("main .notice").first().textContent())).not.toBe("")
    const main = province.locator("main")
    expect(await main.locator("form").count()).toBe(0)
    expect(await main.getByText(/duyệt|tạm dừng/i).count()).toBe(0)
    await shot(province, "province-landing")
    await noAxeViolations(province)
    // The namesake found through the province's search: still nothing to press.
    await province.goto(`${url}/vi/commune/sellers?q=lo+van+sinh`)
    expect(await province.locator("[data-testid=commune-seller]").count()).toBe(2)
    // Across communes, the commune tells namesakes apart too.
    expect(
      normalise(await province.locator("[data-testid=seller-identity]").last().textContent()),
    ).toBe("Mã: hkd-lo-van-sinh · Thôn Cóc, Xã Gia Phú")
    expect(await main.locator("form button").count()).toBe(1) // the filter's own
    expect(await main.locator("a", { hasText: "Tạm dừng" }).count()).toBe(0)
    await shot(province, "province-sellers")

    const token = await login("province_officer", PROVINCE_OFFICER)
    const { data } = await api<{ sellers: { id: string; state: string }[] }>(
      "/commune/sellers?q=lo%20van%20sinh",
      { token },
    )
    for (const seller of data.sellers) {
      const action = seller.state === "approved" ? "suspend" : "approve"
      const refused = await api(`/commune/sellers/${seller.id}/${action}`, {
        token,
        body: { reason: "Thử từ cán bộ tỉnh" },
      })
      expect(refused.status).toBe(403)
    }
  }, 120_000)
})
