// The seller portal end to end, on a 360 px phone: a new cooperative signs up, is approved by
// the commune (through the API: the commune portal is tested on its own), lists a product with a
// photo from the "camera", sells it, confirms the VietQR transfer, ships and delivers; invites a
// staff member; grants a village helper who changes the price on its behalf (the audit log says
// so); and another seller's member gets a 404 for its pages.
import { mkdir, readdir, readFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { crc32, deflateSync } from "node:zlib"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { SaxesParser } from "saxes"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { addFromProductPage, BUYER, checkout, normalise } from "./checkout-flow"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const PASSWORD = "mat-khau-thu-nghiem"
const RUN = Date.now().toString(36)
const SELLER = {
  name: `HTX Chè Thử Nghiệm ${RUN}`,
  email: `htx-${RUN}@example.vn`,
  owner: "Hoàng Thị Thu",
}
const PRODUCT = { title: `Chè shan tuyết ${RUN}`, price: "85.000", stock: "12" }
const HELPER = { name: "Tổ công nghệ số thôn Thử", email: `hotro-${RUN}@example.vn` }
/** This run's own buyer: another seller's pages must never show this name. */
const BUYER_NAME = `Người Mua ${RUN}`
/** A seeded seller's owner: a member of ANOTHER seller. */
const OTHER_OWNER = "htx-rau-qua-sach-phu-thinh@giaphu.example"

let browser: Browser
const contexts: BrowserContext[] = []

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
  })
  contexts.push(context)
  return context.newPage()
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS, `portal-seller-${name}.png`), fullPage: true })

/** A small real PNG (green square), as a phone camera would hand over a JPEG. */
function pngPhoto(): Buffer {
  const size = 16
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([47, 107, 58]))])
  const pixels = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

/** The token in the last link mailed to an address (the backend's MAIL_OUTBOX_DIR). */
async function mailedToken(to: string): Promise<string> {
  const dir = inject("mailDir")
  const mails = await Promise.all(
    (await readdir(dir))
      .sort()
      .map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8"))),
  )
  const mail = mails.filter((m: { to: string }) => m.to === to).at(-1) as { text: string }
  return new URL(/https?:\/\/\S+token=\S+/.exec(mail.text)![0]).searchParams.get("token")!
}

async function api<T>(method: string, url: string, token?: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

async function login(backendUrl: string, actor: string, email: string, password: string) {
  const { status, body } = await api<{ token: string }>(
    "POST",
    `${backendUrl}/auth/${actor}/emailpass`,
    undefined,
    { email, password },
  )
  expect(status, `${actor} ${email} signs in`).toBe(200)
  return body.token
}

/** The one sign-in page finds the account's role (member or helper) by itself. */
async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/vi/seller/sign-in`)
  await page.fill("#portal-email", email)
  await page.fill("#portal-password", password)
  await page.locator("form button[type=submit]").click()
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
})

describe("seller portal", () => {
  const url = inject("storefrontUrl")
  const backendUrl = inject("backendUrl")
  let owner: Page
  let sellerId = ""
  let productId = ""
  let productHandle = ""
  let orderId = ""
  let ocopEntryId = ""

  // Other files read the seeded commune's counts (its approved sellers, "9/9" OCOP products
  // online): take this run's seller and registry entry back out, whatever happened above.
  afterAll(async () => {
    if (!sellerId) return
    const officer = await login(
      backendUrl,
      "commune_officer",
      "canbo@giaphu.example",
      "giaphu-demo",
    )
    if (ocopEntryId) {
      await api("DELETE", `${backendUrl}/commune/ocop-entries/${ocopEntryId}`, officer)
    }
    await api("POST", `${backendUrl}/commune/sellers/${sellerId}/suspend`, officer, {
      reason: "Hết phiên kiểm thử tự động",
    })
  })

  it("signs up a new cooperative, keeping what was typed when the backend refuses", async () => {
    owner = await phone()
    // English is one tap away and complete.
    await owner.goto(`${url}/en/seller/sign-up`)
    expect(normalise(await owner.locator("h1").textContent())).toBe("Sign up to sell")
    expect(normalise(await owner.locator("label[for=sign-up-bank_bin]").textContent())).toBe(
      "Bank receiving transfers",
    )
    await shot(owner, "1-sign-up-en")
    await owner.goto(`${url}/vi/seller/sign-up`)
    await shot(owner, "1-sign-up")
    await owner.fill("#sign-up-name", SELLER.name)
    await owner.selectOption("#sign-up-province_code", "15")
    // Choosing the province loads its communes, the commune its villages.
    await owner
      .locator("#sign-up-commune_code option[value='02923']")
      .waitFor({ state: "attached" })
    await owner.selectOption("#sign-up-commune_code", "02923")
    await owner.locator("#sign-up-village_code option >> nth=1").waitFor({ state: "attached" })
    await owner.selectOption("#sign-up-village_code", { index: 1 })
    await owner.fill("#sign-up-address", "Thôn Phú Xuân, xã Gia Phú")
    await owner.fill("#sign-up-phone", "0912 000 222")
    await owner.selectOption("#sign-up-bank_bin", "970405")
    await owner.fill("#sign-up-bank_account_number", "1234567890")
    await owner.fill("#sign-up-bank_account_name", "HTX CHE THU NGHIEM")
    await owner.fill("#sign-up-owner_name", SELLER.owner)
    // An email that already has a login (with another password): refused beside the field.
    await owner.fill("#sign-up-email", OTHER_OWNER)
    await owner.fill("#sign-up-password", PASSWORD)
    await owner.locator("#sign-up button[type=submit]").click()
    await owner.locator("#sign-up-email-error").waitFor()
    expect(normalise(await owner.locator("#sign-up-email-error").textContent())).toMatch(
      /đã có tài khoản/,
    )
    expect(await owner.inputValue("#sign-up-name")).toBe(SELLER.name)
    expect(await owner.inputValue("#sign-up-commune_code")).toBe("02923")
    expect(await owner.inputValue("#sign-up-bank_account_number")).toBe("1234567890")
    await shot(owner, "2-sign-up-refused")

    await owner.fill("#sign-up-email", SELLER.email)
    await owner.fill("#sign-up-password", PASSWORD)
    await owner.locator("#sign-up button[type=submit]").click()
    await owner.waitForURL(/\/vi\/seller\?status=signed-up/)
    expect(normalise(await owner.locator("[data-testid=seller-state]").textContent())).toMatch(
      /Đang chờ xã duyệt/,
    )
    expect(normalise(await owner.locator(".portal-title").textContent())).toContain(SELLER.name)
    await shot(owner, "3-pending")

    const token = await login(backendUrl, "seller_member", SELLER.email, PASSWORD)
    const me = await api<{ seller: { id: string; state: string } }>(
      "GET",
      `${backendUrl}/seller/me`,
      token,
    )
    expect(me.body.seller.state).toBe("pending")
    sellerId = me.body.seller.id
    const officer = await login(
      backendUrl,
      "commune_officer",
      "canbo@giaphu.example",
      "giaphu-demo",
    )
    const approved = await api(
      "POST",
      `${backendUrl}/commune/sellers/${sellerId}/approve`,
      officer,
      {},
    )
    expect(approved.status).toBe(200)
    // The payee given at sign-up waits for the commune too; VietQR needs it confirmed.
    const confirmed = await api<{ seller: { accepts_vietqr: boolean } }>(
      "POST",
      `${backendUrl}/commune/sellers/${sellerId}/changes/approve`,
      officer,
      {},
    )
    expect(confirmed.body.seller.accepts_vietqr).toBe(true)
  })

  it("lists a product with a photo, prices it and puts it on sale in the shop", async () => {
    await owner.goto(`${url}/vi/seller/products`)
    expect(await owner.locator("[data-testid=seller-product]").count()).toBe(0)
    await shot(owner, "4-products-empty")
    await owner.locator("a", { hasText: "Thêm sản phẩm" }).click()
    await owner.waitForURL(/\/vi\/seller\/products\/new/)
    const camera = owner.locator("#product-images")
    expect(await camera.getAttribute("capture")).toBe("environment")
    expect(await camera.getAttribute("accept")).toBe("image/*")
    await owner.fill("#product-title", PRODUCT.title)
    await owner.fill("#product-description", "Chè shan tuyết cổ thụ, hái tay, sao chảo gang.")
    // An English name only: /en shows it, and the Vietnamese description marked as such.
    await owner.fill("#product-title_en", `Shan tuyet tea ${RUN}`)
    await owner.selectOption("#product-category_id", { index: 1 })
    await camera.setInputFiles({ name: "che.png", mimeType: "image/png", buffer: pngPhoto() })
    await owner.fill("#product-variant_title", "Gói 200 g")
    await owner.fill("#product-price", PRODUCT.price)
    await owner.fill("#product-stock", PRODUCT.stock)
    await owner.fill("#product-weight", "250")
    await shot(owner, "5-product-new")
    await owner.locator("#product button[type=submit]").click()
    await owner.waitForURL(/\/vi\/seller\/products\/prod_[0-9A-Za-z]+\?status=created/)
    productId = new URL(owner.url()).pathname.split("/").pop()!
    expect(await owner.inputValue("#product-title_en")).toBe(`Shan tuyet tea ${RUN}`)
    expect(normalise(await owner.locator("[data-testid=product-state]").textContent())).toBe(
      "Chưa đăng bán",
    )
    // The photo went through the backend's uploads and is on the product.
    const photo = owner.locator(".seller-photo-list img").first()
    expect(await photo.getAttribute("src")).toMatch(/^https?:\/\/.+\.png$/)
    // decode() waits for the file to arrive (and fails if the backend cannot serve it).
    const width = await photo.evaluate((img: HTMLImageElement) =>
      img.decode().then(() => img.naturalWidth),
    )
    expect(width).toBe(16)
    expect(await owner.inputValue("[data-testid=price-stock-form] input[name=price]")).toBe("85000")
    expect(await owner.inputValue("[data-testid=price-stock-form] input[name=stock]")).toBe("12")

    await owner.locator("[data-testid=publish-form] button[type=submit]").click()
    await owner.waitForURL(/status=published/)
    expect(normalise(await owner.locator("[data-testid=product-state]").textContent())).toBe(
      "Đang bán trên sàn",
    )
    // The commune registers it as an OCOP product (the commune portal's own test does this in
    // its UI): the badge and the certificate show on the seller's page.
    const officer = await login(
      backendUrl,
      "commune_officer",
      "canbo@giaphu.example",
      "giaphu-demo",
    )
    const entry = await api<{ ocop_entry: { id: string } }>(
      "POST",
      `${backendUrl}/commune/ocop-entries`,
      officer,
      {
        seller_id: sellerId,
        product_id: productId,
        product_name: PRODUCT.title,
        group: "beverage",
        stars: 4,
        certificate_number: `OCOP-THU-${RUN}`,
        issuing_level: "province",
        issued_on: "2025-06-01",
      },
    )
    expect(entry.status).toBe(201)
    ocopEntryId = entry.body.ocop_entry.id
    await owner.reload()
    expect(normalise(await owner.locator("[data-testid=product-ocop]").textContent())).toMatch(
      new RegExp(`OCOP 4 sao.*OCOP-THU-${RUN}.*2028`),
    )
    await shot(owner, "6-product-on-sale")
    const shopLink = owner.locator("a", { hasText: "Xem trên sàn" })
    productHandle = (await shopLink.getAttribute("href"))!.split("/").pop()!

    const shop = await phone()
    await shop.goto(`${url}/vi/products/${productHandle}`)
    expect(normalise(await shop.locator("h1").textContent())).toBe(PRODUCT.title)
    expect(normalise(await shop.locator("main").textContent())).toContain("85.000 ₫")
    expect(await shop.locator(".gallery img").first().getAttribute("src")).toMatch(/\.png$/)
    await shop.goto(`${url}/en/products/${productHandle}`)
    expect(normalise(await shop.locator("h1").textContent())).toBe(`Shan tuyet tea ${RUN}`)
    expect(await shop.locator("h1").getAttribute("lang")).toBeNull()
    expect(await shop.locator(".description").getAttribute("lang")).toBe("vi")
    expect(normalise(await shop.locator(".price-large").textContent())).toBe("₫85,000")

    // A second product with the same name is refused by the backend (its handle is taken): the
    // person reads why beside the name, and the photo already uploaded stays ticked.
    await owner.goto(`${url}/vi/seller/products/new`)
    await owner.fill("#product-title", PRODUCT.title)
    await owner.locator("#product-images").setInputFiles({
      name: "che-2.png",
      mimeType: "image/png",
      buffer: pngPhoto(),
    })
    await owner.fill("#product-price", "50000")
    await owner.locator("#product button[type=submit]").click()
    await owner.locator("#product-title-error").waitFor()
    expect(normalise(await owner.locator("#product-title-error").textContent())).toMatch(
      /trùng tên/,
    )
    expect(await owner.inputValue("#product-price")).toBe("50000")
    expect(await owner.locator(".seller-photo-list input[type=checkbox]:checked").count()).toBe(1)
    await shot(owner, "6b-product-refused")

    await owner.goto(`${url}/vi/seller/products`)
    const row = owner.locator("[data-testid=seller-product]")
    expect(await row.count()).toBe(1)
    expect(normalise(await row.textContent())).toMatch(
      /Đang bán trên sàn.*OCOP 4 sao.*85\.000 ₫.*còn 12/,
    )
    await shot(owner, "7-products")
  })

  it("shows a buyer's VietQR order and confirms the transfer, ships and delivers", async () => {
    const buyer = await phone()
    await addFromProductPage(buyer, url, productHandle, 2)
    await checkout(buyer, "vietqr", { name: BUYER_NAME })

    // The dashboard says a new order waits, and its link lists only the new ones.
    await owner.goto(`${url}/vi/seller`)
    const waiting = owner.locator("[data-testid=orders-waiting]")
    expect(normalise(await waiting.textContent())).toBe("1 đơn mới đang chờ gửi: xem và gửi hàng")
    await shot(owner, "7b-dashboard-waiting")
    await waiting.locator("a").click()
    await owner.waitForURL(/\/vi\/seller\/orders\?status=placed$/)
    expect(normalise(await owner.locator("h1").textContent())).toBe("Đơn mới chờ gửi")
    const order = owner.locator("[data-testid=seller-order]")
    expect(await order.count()).toBe(1)
    expect(normalise(await order.textContent())).toMatch(/Chuyển khoản VietQR: chưa nhận tiền/)
    await shot(owner, "8-orders")
    await order.locator("a").click()
    await owner.waitForURL(/\/vi\/seller\/orders\/order_/)
    orderId = new URL(owner.url()).pathname.split("/").pop()!
    const buyerBox = normalise(await owner.locator("[data-testid=order-buyer]").textContent())
    expect(buyerBox).toContain(BUYER_NAME)
    expect(buyerBox).toContain(BUYER.line)
    expect(buyerBox).toContain("0912 345 678")
    expect(normalise(await owner.locator(".seller-order-items").textContent())).toContain(
      `${PRODUCT.title} × 2`,
    )
    // The amount to confirm is prefilled with the part's own amount; the seller confirms it.
    const amount = await owner.inputValue("#confirm-payment-amount")
    expect(normalise(await owner.locator("[data-testid=order-amount]").textContent())).toBe(
      `${Number(amount).toLocaleString("vi-VN")} ₫`,
    )
    await shot(owner, "9-order")
    // A wrong amount is refused beside the field, and the typed amount stays.
    await owner.fill("#confirm-payment-amount", "1000")
    await owner.locator("#confirm-payment button[type=submit]").click()
    await owner.locator("#confirm-payment-amount-error").waitFor()
    expect(await owner.inputValue("#confirm-payment-amount")).toBe("1000")
    await owner.fill("#confirm-payment-amount", amount)
    await owner.locator("#confirm-payment button[type=submit]").click()
    await owner.waitForURL(/status=confirm-payment/)
    expect(normalise(await owner.locator("[data-testid=payment-status]").textContent())).toMatch(
      /đã nhận tiền/,
    )
    // "Đã gửi hàng đi" asks first; "Chưa" goes back with nothing changed.
    await owner.locator("[data-testid=ship-link]").click()
    await owner.waitForURL(/confirm=ship/)
    expect(normalise(await owner.locator("[data-testid=confirm-step] h2").textContent())).toBe(
      "Bạn đã gửi hàng đi thật chưa?",
    )
    await owner.locator("[data-testid=confirm-keep]").click()
    await owner.waitForURL((u) => !u.search)
    expect(normalise(await owner.locator("[data-testid=order-status]").textContent())).toBe(
      "Mới đặt, chưa giao",
    )
    await owner.locator("[data-testid=ship-link]").click()
    await owner.waitForURL(/confirm=ship/)
    await owner.locator("#ship button[type=submit]").click()
    await owner.waitForURL(/status=ship/)
    expect(normalise(await owner.locator("[data-testid=order-status]").textContent())).toBe(
      "Đang giao",
    )
    await owner.locator("[data-testid=deliver-link]").click()
    await owner.waitForURL(/confirm=deliver/)
    expect(normalise(await owner.locator("[data-testid=confirm-step] h2").textContent())).toBe(
      "Khách đã nhận hàng thật chưa?",
    )
    await shot(owner, "9b-deliver-confirm")
    await owner.locator("#deliver button[type=submit]").click()
    await owner.waitForURL(/status=deliver/)
    expect(normalise(await owner.locator("[data-testid=order-status]").textContent())).toBe(
      "Đã giao xong",
    )
    expect(await owner.locator("[data-testid=cancel-link]").count()).toBe(0)
    await shot(owner, "10-order-delivered")
    await owner.goto(`${url}/vi/seller`)
    expect(normalise(await owner.locator("[data-testid=orders-waiting]").textContent())).toBe(
      "Không có đơn mới nào chờ gửi.",
    )
  }, 180_000)

  it("lists the paid order's e-invoice once the owner sets the tax code and series", async () => {
    await owner.goto(`${url}/vi/seller/invoices`)
    // The new cooperative has no series yet: no invoice, and the page says what is missing.
    expect(await owner.locator("[data-testid=invoice-settings-missing]").count()).toBe(1)
    expect(await owner.locator("[data-testid=seller-invoice]").count()).toBe(0)
    await owner.goto(`${url}/vi/seller/settings`)
    await owner.fill("#settings-tax_code", "9999123456")
    await owner.fill("#settings-invoice_series", "1c26tab")
    await owner.locator("#settings button[type=submit]").click()
    await owner.waitForURL(/status=(saved|review)/)
    expect(await owner.inputValue("#settings-invoice_series")).toBe("1C26TAB")

    await owner.goto(`${url}/vi/seller`)
    await owner.locator(`nav a[href="/vi/seller/invoices"]`).first().click()
    await owner.waitForURL(/\/vi\/seller\/invoices/)
    const rows = owner.locator("[data-testid=seller-invoice]")
    expect(await rows.count()).toBe(1)
    const row = normalise(await rows.first().textContent())
    expect(row).toContain("1C26TAB-00000001")
    expect(row).toContain(BUYER_NAME)
    await shot(owner, "10b-invoices")
    const href = await rows.first().locator("a").getAttribute("href")
    const xml = await owner.request.get(`${url}${href}`)
    expect(xml.status()).toBe(200)
    const text = await xml.text()
    const names: string[] = []
    const parser = new SaxesParser()
    parser.on("opentag", (tag) => names.push(tag.name))
    parser.write(text).close()
    expect(names.slice(0, 3)).toEqual(["HDon", "DLHDon", "TTChung"])
    expect(text).toContain("<MST>9999123456</MST>")
    expect(text).toContain(`<HVTNMHang>${BUYER_NAME}</HVTNMHang>`)
    const zipHref = await owner.locator("[data-testid=invoices-zip]").getAttribute("href")
    const zip = await owner.request.get(`${url}${zipHref}`)
    expect(zip.status()).toBe(200)
    expect(zip.headers()["content-type"]).toBe("application/zip")
  }, 120_000)

  it("cancels an unshipped cash-on-delivery order after asking to confirm", async () => {
    const buyer = await phone()
    await addFromProductPage(buyer, url, productHandle, 1)
    await checkout(buyer, "cod", { name: BUYER_NAME })

    await owner.goto(`${url}/vi/seller/orders`)
    const orders = owner.locator("[data-testid=seller-order]")
    expect(await orders.count()).toBe(2)
    // Newest first: the cash-on-delivery order, not yet shipped.
    expect(normalise(await orders.first().textContent())).toMatch(/Mới đặt.*Trả tiền khi nhận hàng/)
    await orders.first().locator("a").click()
    await owner.waitForURL(/\/vi\/seller\/orders\/order_/)
    await owner.locator("[data-testid=cancel-link]").click()
    await owner.waitForURL(/confirm=cancel/)
    await shot(owner, "10b-cancel-confirm")
    await owner.locator("#cancel button[type=submit]").click()
    await owner.waitForURL(/status=cancel/)
    expect(normalise(await owner.locator("[data-testid=order-status]").textContent())).toBe(
      "Đã huỷ",
    )
    expect(await owner.locator("#ship").count()).toBe(0)
  }, 180_000)

  it("invites a staff member who joins through the e-mailed link", async () => {
    const staffEmail = `nhanvien-${RUN}@example.vn`
    await owner.goto(`${url}/vi/seller/team`)
    await owner.fill("#invite-email", staffEmail)
    await owner.locator("#invite button[type=submit]").click()
    await owner.waitForURL(/status=invited/)
    expect(normalise(await owner.locator("[data-testid=members]").textContent())).toContain(
      staffEmail,
    )
    const token = await mailedToken(staffEmail)
    const staff = await phone()
    await staff.goto(`${url}/vi/seller/invite?token=${token}`)
    await shot(staff, "11-invite")
    await staff.fill("#accept-email", staffEmail)
    await staff.fill("#accept-name", "Lò Văn Nam")
    await staff.fill("#accept-password", PASSWORD)
    await staff.locator("#accept button[type=submit]").click()
    await staff.waitForURL(/\/vi\/seller\?status=joined/)
    expect(normalise(await staff.locator(".portal-title").textContent())).toContain(SELLER.name)
    await staff.goto(`${url}/vi/seller/team`)
    expect(await staff.locator("#invite").count()).toBe(0)
    expect(normalise(await staff.locator("main").textContent())).toMatch(/Chỉ chủ tài khoản/)
  })

  it("grants a helper, who changes the price on the seller's behalf; the log says so", async () => {
    const registered = await api<{ token: string }>(
      "POST",
      `${backendUrl}/auth/helper/emailpass/register`,
      undefined,
      { email: HELPER.email, password: PASSWORD },
    )
    const signedUp = await api("POST", `${backendUrl}/helper/sign-up`, registered.body.token, {
      name: HELPER.name,
      commune_code: "02923",
    })
    expect(signedUp.status).toBe(201)

    await owner.goto(`${url}/vi/seller/team`)
    await owner.fill("#grant-email", "khong-co-ai@example.vn")
    await owner.locator("#grant button[type=submit]").click()
    await owner.locator("#grant-email-error").waitFor()
    expect(normalise(await owner.locator("#grant-email-error").textContent())).toMatch(
      /Chưa có người hỗ trợ nào đăng ký/,
    )
    await owner.fill("#grant-email", HELPER.email)
    await owner.locator("#grant button[type=submit]").click()
    await owner.waitForURL(/status=granted/)
    expect(normalise(await owner.locator("[data-testid=helpers]").textContent())).toContain(
      HELPER.name,
    )
    await shot(owner, "12-team")

    // Live only once the helper accepts it, signed in, from the link mailed to its address.
    const helper = await phone()
    await signIn(helper, url, HELPER.email, PASSWORD)
    await helper.waitForURL(/\/vi\/seller\/choose/)
    await helper.goto(`${url}/vi/seller/helper-accept?token=${await mailedToken(HELPER.email)}`)
    await helper.locator("#helper-accept button[type=submit]").click()
    await helper.waitForURL(/\/vi\/seller\/choose/)
    await helper.locator("button", { hasText: SELLER.name }).click()
    await helper.waitForURL(/\/vi\/seller(\?|$)/)
    const banner = helper.locator("[data-testid=acting-banner]")
    expect(normalise(await banner.textContent())).toContain(SELLER.name)
    await helper.goto(`${url}/vi/seller/products/${productId}`)
    expect(normalise(await banner.textContent())).toContain(SELLER.name)
    await helper.fill("[data-testid=price-stock-form] input[name=price]", "90000")
    await helper.locator("[data-testid=price-stock-form] button[type=submit]").click()
    await helper.waitForURL(/status=priceSaved/)
    expect(await helper.inputValue("[data-testid=price-stock-form] input[name=price]")).toBe(
      "90000",
    )
    await shot(helper, "13-helper-price")

    const token = await login(backendUrl, "seller_member", SELLER.email, PASSWORD)
    const log = await api<{
      entries: { action: string; actor_type: string; on_behalf_of: string | null }[]
    }>("GET", `${backendUrl}/seller/audit-log?limit=100`, token)
    expect(log.body.entries).toContainEqual(
      expect.objectContaining({
        action: "product.update_variant",
        actor_type: "helper",
        on_behalf_of: sellerId,
      }),
    )
    await owner.goto(`${url}/vi/seller/team`)
    const entry = owner.locator("[data-testid=audit-entry][data-actor-type=helper]").first()
    expect(normalise(await entry.textContent())).toMatch(
      new RegExp(`Đổi giá sản phẩm.*${HELPER.name} \\(người hỗ trợ\\) làm thay`),
    )

    // Revoked, the helper's next page sends it back to sign in.
    await owner.locator("[data-testid=helper] button[type=submit]").click()
    await owner.waitForURL(/status=revoked/)
    await helper.goto(`${url}/vi/seller/products/${productId}`)
    await helper.waitForURL(/\/vi\/seller\/sign-in/)
  })

  it("works without JavaScript: a plain post saves the stock", async () => {
    const context = await browser.newContext({
      locale: "vi-VN",
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    })
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, url, SELLER.email, PASSWORD)
    await page.waitForURL(/\/vi\/seller(\?|$)/)
    await page.goto(`${url}/vi/seller/products/${productId}`)
    await page.fill("[data-testid=price-stock-form] input[name=stock]", "7")
    await page.locator("[data-testid=price-stock-form] button[type=submit]").click()
    await page.waitForURL(/status=priceSaved/)
    expect(await page.inputValue("[data-testid=price-stock-form] input[name=stock]")).toBe("7")
  })

  it("gives another seller's member a 404 and nothing of this seller", async () => {
    const other = await phone()
    await signIn(other, url, OTHER_OWNER, "giaphu-demo")
    await other.waitForURL(/\/vi\/seller(\?|$)/)
    for (const page of [`products/${productId}`, `orders/${orderId}`]) {
      const response = await other.goto(`${url}/vi/seller/${page}`)
      expect(response?.status(), page).toBe(404)
      const text = normalise(await other.locator("body").textContent())
      expect(text).not.toContain(PRODUCT.title)
      expect(text).not.toContain(BUYER_NAME)
      await shot(other, `14-other-seller-404-${page.split("/")[0]}`)
    }
    await other.goto(`${url}/vi/seller/orders`)
    expect(normalise(await other.locator("main").textContent())).not.toContain(BUYER_NAME)
    await shot(other, "15-other-seller-orders")
  })

  it("says the portal is unavailable, with a way to try again, when the backend is down", async () => {
    // The same signed-in phone on the build whose backend is not there (cookies ignore ports).
    const offline = inject("offlineStorefrontUrl")
    await owner.goto(`${offline}/vi/seller/orders`)
    const main = normalise(await owner.locator("main").textContent())
    expect(main).toMatch(/tạm thời chưa mở được/)
    expect(await owner.locator("main a", { hasText: "Thử lại" }).getAttribute("href")).toBe(
      "/vi/seller/orders",
    )
    await shot(owner, "16-unavailable")
  })
})
