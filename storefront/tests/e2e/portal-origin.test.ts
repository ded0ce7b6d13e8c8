import { mkdir, readFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import jsQRModule from "jsqr"
import { PDFParse } from "pdf-parse"
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core"
import { PNG } from "pngjs"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { DEFAULT_LAYOUT, labelPlan, labelsPerPage } from "../../../traceability/src/render/layout"
import { RICE } from "./fixtures"

// The seller portal's origin pages, as the rice cooperative on a 360 px phone: a new batch with
// a unique lot code, a harvest with a photo from the phone, the chain check, 20 stamps, their PDF
// sheet read back QR by QR, a voided range, and another seller who finds nothing.

// jsqr is CommonJS: its module.exports is the decoder, with `.default` pointing at it too.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as typeof jsQRModule

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const PHONE: BrowserContextOptions = {
  locale: "vi-VN",
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  acceptDownloads: true,
}
const PASSWORD = "giaphu-demo"
const OWNER = "htx-nong-nghiep-gia-phu@giaphu.example"
const OTHER_OWNER = "htx-lua-gao-phu-lam@giaphu.example"
const LOT = `E2E-${Date.now().toString(36).toUpperCase()}`
/** Rasterising scale: pixels per PDF point (about 6 pixels per QR module). */
const SCALE = 3

const url = inject("storefrontUrl")
const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim()
const text = async (page: Page, selector: string) =>
  normalise(await page.locator(selector).first().textContent())
/** One of the stamp totals, by its label. */
const total = async (page: Page, label: string) =>
  text(page, `[data-testid=stamp-totals] div:has(> dt:text-is("${label}")) dd`)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS, `portal-origin-${name}.png`), fullPage: true })

let browser: Browser
let seller: BrowserContext
let page: Page
let batchPath = ""
let stamps: { serial: string; uri: string }[] = []

async function signIn(target: Page, email: string, next: string) {
  await target.goto(`${url}${next}`)
  // Not signed in: the portal sends the person to sign in, and back afterwards.
  expect(new URL(target.url()).pathname).toBe("/vi/seller/sign-in")
  await target.fill("#portal-email", email)
  await target.fill("#portal-password", PASSWORD)
  await Promise.all([
    target.waitForURL((u) => u.pathname === next),
    target.click("button[type=submit]"),
  ])
}

/** Clicks and waits for the page the action redirects to; says what the page showed if not. */
async function submitTo(target: Page, selector: string, arrived: (u: URL) => boolean) {
  try {
    await Promise.all([target.waitForURL(arrived, { timeout: 20_000 }), target.click(selector)])
  } catch (error) {
    const shown = await target.locator(".notice-error, .field-error").allTextContents()
    throw new Error(`${(error as Error).message}\nthe page said: ${shown.join(" | ")}`)
  }
}

/** A small photo, as a phone camera would hand it over (a PNG here). */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 64 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([47, 107, 58, 255], i)
  return PNG.sync.write(png)
}

/** A 1,000 px photo of noise: over 1.5 MB as PNG, so the form shrinks it. */
const noisy = (() => {
  const png = new PNG({ width: 1000, height: 1000 })
  let seed = 7
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    png.data[i] = i % 4 === 3 ? 255 : seed >> 23
  }
  return PNG.sync.write(png)
})()
const noisyPhoto = () => noisy

/** Every QR code of the sheet, read page by page at the label grid's known places. */
async function decodeSheet(pdf: Buffer, count: number): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  const perPage = labelsPerPage(DEFAULT_LAYOUT)
  const pages = Math.ceil(count / perPage)
  const shots = await parser
    .getScreenshot({ partial: Array.from({ length: pages }, (_, i) => i + 1), scale: SCALE })
    .finally(() => parser.destroy())
  const mm = (72 / 25.4) * SCALE
  const layout = DEFAULT_LAYOUT
  const plan = labelPlan(layout)
  const uris: string[] = []
  for (const shotPage of shots.pages) {
    const png = PNG.sync.read(Buffer.from(shotPage.data))
    const first = (shotPage.pageNumber - 1) * perPage
    for (let i = 0; i < perPage && first + i < count; i++) {
      const x =
        layout.margin_left_mm + (i % layout.columns) * (layout.label_width_mm + layout.gap_x_mm)
      const y =
        layout.margin_top_mm +
        Math.floor(i / layout.columns) * (layout.label_height_mm + layout.gap_y_mm)
      const size = Math.ceil((plan.qrSideMm + 2) * mm)
      const crop = new PNG({ width: size, height: size })
      PNG.bitblt(
        png,
        crop,
        Math.floor((x + plan.qrXMm - 1) * mm),
        Math.floor((y + plan.qrYMm - 1) * mm),
        size,
        size,
        0,
        0,
      )
      const code = jsQR(new Uint8ClampedArray(crop.data), size, size)
      if (code) uris.push(code.data)
    }
  }
  return uris
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
  seller = await browser.newContext(PHONE)
  page = await seller.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe("the seller portal's origin pages", () => {
  it("creates a batch, keeping what was typed when the service's rules refuse it", async () => {
    await signIn(page, OWNER, "/vi/seller/origin")
    expect(await text(page, "h1")).toBe("Nguồn gốc và tem")
    await shot(page, "list")
    await page.click("[data-testid=new-batch]")
    await page.waitForURL((u) => u.pathname === "/vi/seller/origin/new")
    await page.selectOption("#origin-product_id", { label: RICE.title })
    await page.fill("#origin-lot_code", "Lô mùa 10")
    await page.fill("#origin-quantity", "1200")
    await page.fill("#origin-area-village", "Thôn Phú Hà")
    await page.fill("#origin-dates-harvested_on", "2025-10-05")
    await page.fill("#origin-dates-packed_on", "2025-10-01")
    // The browser checks the lot code's pattern as the person types …
    expect(
      await page
        .locator("#origin-lot_code")
        .evaluate((el: HTMLInputElement) => el.validity.patternMismatch),
    ).toBe(true)
    // … and the server checks again (the form is posted without the browser's checks here).
    await page.locator("[data-testid=batch-form]").evaluate((form: HTMLFormElement) => {
      form.noValidate = true
    })
    await page.click("[data-testid=batch-form] button[type=submit]")
    await page.locator("[data-field=lot_code] .field-error").waitFor()
    expect(await text(page, "[data-field=lot_code] .field-error")).toContain(
      "Mã lô chỉ gồm chữ không dấu",
    )
    expect(await text(page, '[data-field="dates.packed_on"] .field-error')).toBe(
      "Ngày này không được trước ô “Ngày thu hoạch”.",
    )
    // Nothing typed is lost.
    expect(await page.inputValue("#origin-area-village")).toBe("Thôn Phú Hà")
    expect(await page.inputValue("#origin-quantity")).toBe("1200")
    await shot(page, "new-errors")

    await page.fill("#origin-lot_code", LOT)
    await page.fill("#origin-dates-packed_on", "2025-10-12")
    await submitTo(page, "[data-testid=batch-form] button[type=submit]", (u) =>
      /^\/vi\/seller\/origin\/[0-9a-f-]{36}$/.test(u.pathname),
    )
    batchPath = new URL(page.url()).pathname
    expect(await text(page, "[data-testid=origin-status]")).toContain("Đã tạo lô")
    expect(await text(page, "h1")).toContain(`Mã lô ${LOT}`)
    expect(await text(page, "[data-testid=batch-state]")).toBe("Đang sản xuất")
    expect(await text(page, "[data-testid=batch-details]")).toContain("Thôn Phú Hà")
  })

  it("refuses the same lot code twice for the product, beside the field", async () => {
    await page.goto(`${url}/vi/seller/origin/new`)
    await page.selectOption("#origin-product_id", { label: RICE.title })
    await page.fill("#origin-lot_code", LOT)
    await page.fill("#origin-quantity", "5")
    await page.click("[data-testid=batch-form] button[type=submit]")
    await page.locator("[data-field=lot_code] .field-error").waitFor()
    expect(await text(page, "[data-field=lot_code] .field-error")).toContain(
      "Mã lô này đã dùng cho sản phẩm này",
    )
    expect(new URL(page.url()).pathname).toBe("/vi/seller/origin/new")
  })

  it("adds a harvest with a photo from the phone, and the chain stays intact", async () => {
    await page.goto(`${url}${batchPath}`)
    expect(await page.getAttribute("[data-testid=chain-check]", "data-chain")).toBe("intact")
    await shot(page, "batch-new")
    await page.click("[data-testid=add-event]")
    await page.locator("[data-testid=event-types]").waitFor()
    await shot(page, "event-types")
    await page.click("[data-type=harvest]")
    await page.locator("[data-testid=event-form]").waitFor()
    expect(await page.getAttribute("#origin-photos-camera", "capture")).toBe("environment")
    await page.fill("#origin-quantity-amount", "1150")
    await page.fill("#origin-quantity-unit", "kg")
    await page.fill("#origin-place-name", "Ruộng số 7, thôn Phú Hà")
    await page.fill("#origin-note", "Gặt xong trước mưa")
    await page.setInputFiles("#origin-photos-camera", {
      name: "ruong.png",
      mimeType: "image/png",
      buffer: photo(),
    })
    // A big camera photo is shrunk to a JPEG in the browser as soon as it is chosen.
    await page.setInputFiles("#origin-photos-gallery", {
      name: "ruong-lon.png",
      mimeType: "image/png",
      buffer: noisyPhoto(),
    })
    await page.waitForFunction(() => {
      const input = document.querySelector<HTMLInputElement>("#origin-photos-gallery")
      return input?.files?.[0]?.type === "image/jpeg"
    })
    await shot(page, "event-form")
    await submitTo(
      page,
      "[data-testid=event-form] button[type=submit]",
      (u) => u.pathname === batchPath,
    )
    expect(await text(page, "[data-testid=origin-status]")).toBe("Đã lưu vào nhật ký.")
    const harvest = page.locator("[data-testid=trace-timeline] li[data-event-type=harvest]")
    expect(normalise(await harvest.textContent())).toContain("1.150 kg")
    expect(normalise(await harvest.textContent())).toContain("Gặt xong trước mưa")
    // The photo went up through the backend and its URL went into the diary.
    const photoUrl = await harvest.locator("a", { hasText: "Ảnh 1" }).getAttribute("href")
    const served = await fetch(photoUrl!)
    expect(served.status).toBe(200)
    // The backend re-encodes every upload (metadata dropped): the same picture, not the same bytes.
    const servedPng = PNG.sync.read(Buffer.from(await served.arrayBuffer()))
    const sentPng = PNG.sync.read(photo())
    expect([servedPng.width, servedPng.height]).toEqual([sentPng.width, sentPng.height])
    const bigUrl = await harvest.locator("a", { hasText: "Ảnh 2" }).getAttribute("href")
    const big = Buffer.from(await (await fetch(bigUrl!)).arrayBuffer())
    expect([big[0], big[1]]).toEqual([0xff, 0xd8])
    expect(big.length).toBeLessThan(noisyPhoto().length)
    expect(await page.getAttribute("[data-testid=chain-check]", "data-chain")).toBe("intact")
    expect(await text(page, "[data-testid=chain-check]")).toContain("Nhật ký toàn vẹn")
    expect(await text(page, "[data-testid=chain-check]")).toContain("1 mục nhật ký")
    await shot(page, "batch-harvest")
  })

  it("issues 20 stamps once, even when the form is sent twice", async () => {
    await page.click("[data-testid=to-stamps]")
    await page.locator("[data-testid=issue-form]").waitFor()
    await page.fill("#origin-count", "20")
    // Two submits of the same form: its Idempotency-Key makes the second a replay.
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("status") === "issued"),
      page.locator("[data-testid=issue-form]").evaluate((form: HTMLFormElement) => {
        form.requestSubmit()
        form.requestSubmit()
      }),
    ])
    await page.locator("[data-testid=stamp-job][data-state=done]").waitFor()
    expect(await text(page, "[data-testid=origin-status]")).toBe("Đã tạo 20 tem.")
    await page.reload()
    expect(await total(page, "Tem đang dùng")).toBe("20")
    expect(await page.locator("[data-testid=stamp-list] li").count()).toBe(20)
    await shot(page, "stamps-issued")
  })

  it("downloads the PDF sheet whose 20 QR codes resolve as genuine", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=job-pdf]"),
    ])
    const file = path.join(RESULTS, "portal-origin-sheet.pdf")
    await download.saveAs(file)
    const pdf = await readFile(file)
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    const uris = await decodeSheet(pdf, 20)
    expect(new Set(uris).size).toBe(20)
    const listed = await page
      .locator("[data-testid=stamp-list] li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-serial") ?? ""))
    for (const uri of uris) {
      const response = await fetch(uri, { headers: { accept: "application/json" } })
      expect(response.status, uri).toBe(200)
      const body = (await response.json()) as {
        verdict: string
        stamp: { serial: string; uri: string }
      }
      expect(body.verdict).toBe("genuine_first_scan")
      expect(body.stamp.uri).toBe(uri)
      expect(listed).toContain(body.stamp.serial)
      stamps.push({ serial: body.stamp.serial, uri })
    }
    // In issue order, as the list shows them.
    stamps = listed.map((serial) => stamps.find((s) => s.serial === serial)!)
  })

  it("voids a range of 2 after asking, and shows them voided with their scans", async () => {
    const [third, fourth] = [stamps[2]!, stamps[3]!]
    await page.fill("#origin-from_serial", third.serial.toLowerCase())
    await page.fill("#origin-to_serial", fourth.serial)
    await page.fill("#origin-void-reason", "Mất cuộn tem ở chợ")
    await page.click("[data-testid=void-form] button[type=submit]")
    await page.locator("[data-testid=void-confirm]").waitFor()
    expect(await text(page, "[data-testid=void-confirm]")).toContain(
      `Mọi tem từ ${third.serial} đến ${fourth.serial}`,
    )
    await shot(page, "void-confirm")
    await submitTo(
      page,
      "[data-testid=void-confirm] button[name=confirm]",
      (u) => u.searchParams.get("status") === "voided",
    )
    expect(await text(page, "[data-testid=origin-status]")).toBe(
      "Đã huỷ 2 tem (0 tem đã huỷ từ trước).",
    )
    const states = await page
      .locator("[data-testid=stamp-list] li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-state")))
    expect(states.filter((s) => s === "voided")).toHaveLength(2)
    expect(await page.getAttribute(`li[data-serial="${third.serial}"]`, "data-state")).toBe(
      "voided",
    )
    expect(await page.getAttribute(`li[data-serial="${fourth.serial}"]`, "data-state")).toBe(
      "voided",
    )
    expect(await text(page, `li[data-serial="${fourth.serial}"]`)).toContain("Mất cuộn tem ở chợ")

    // A buyer scans a voided stamp: the service says so, and the seller sees a counterfeit signal.
    const scan = await fetch(third.uri, { headers: { accept: "application/json" } })
    expect(((await scan.json()) as { verdict: string }).verdict).toBe("voided")
    // The service writes its scan log every second: look again until the scan is in.
    let signals = ""
    for (let i = 0; i < 20 && signals !== "1"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      await page.goto(`${url}${batchPath}/stamps?signals=1`)
      signals = await total(page, "Dấu hiệu tem giả")
    }
    expect(signals).toBe("1")
    expect(await total(page, "Lượt quét")).toBe("21")
    expect(await total(page, "Tem đã huỷ")).toBe("2")
    expect(await total(page, "Tem đã được quét")).toBe("20")
    const flagged = await page
      .locator("[data-testid=stamp-list] li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-serial")))
    expect(flagged).toEqual([third.serial])
    await shot(page, "stamps-signals")
  })

  it("shows the service's own refusal beside the field, in Vietnamese and in English", async () => {
    // A range given backwards passes the portal's checks; the service refuses it naming to_serial,
    // in the page's language (the portal sends Accept-Language), and the portal shows its words.
    const [first, second] = [stamps[0]!, stamps[1]!]
    const said = {
      vi: /^to_serial \(số thứ tự \d+\) đứng trước from_serial \(số thứ tự \d+\)$/,
      en: /^to_serial \(issue number \d+\) comes before from_serial \(issue number \d+\)$/,
    }
    for (const locale of ["vi", "en"] as const) {
      await page.goto(`${url}${batchPath.replace("/vi/", `/${locale}/`)}/stamps`)
      await page.fill("#origin-from_serial", second.serial)
      await page.fill("#origin-to_serial", first.serial)
      await page.fill("#origin-void-reason", "Nhập ngược")
      await page.click("[data-testid=void-form] button[type=submit]")
      await page.locator("[data-testid=void-confirm]").waitFor()
      await page.click("[data-testid=void-confirm] button[name=confirm]")
      await page.locator("#origin-to-error").waitFor()
      expect(await text(page, "#origin-to-error")).toMatch(said[locale])
      expect(await page.inputValue("#origin-to_serial")).toBe(first.serial)
    }
    await shot(page, "void-refused-en")
    // Nothing was voided.
    expect(await page.getAttribute(`li[data-serial="${first.serial}"]`, "data-state")).toBe(
      "issued",
    )
  })

  it("shows a big run's progress and the page moves on by itself when it is done", async () => {
    await page.goto(`${url}${batchPath}/stamps`)
    const before = Number((await total(page, "Tem đang dùng")).replace(".", ""))
    await page.fill("#origin-count", "2500")
    await submitTo(page, "[data-testid=issue-form] button[type=submit]", (u) =>
      u.searchParams.has("job"),
    )
    // More than 1,000: the service answers 202 with a job, so no "issued" status yet.
    expect(new URL(page.url()).searchParams.get("status")).toBeNull()
    const job = page.locator("[data-testid=stamp-job]")
    const first = await job.getAttribute("data-state")
    if (first !== "done") {
      expect(await text(page, "[data-testid=stamp-job] [role=status]")).toMatch(
        /^Đang tạo tem: [\d.]+\/2\.500$/,
      )
      expect(
        await page.locator("[data-testid=stamp-job] a", { hasText: "Tải lại trang" }).count(),
      ).toBe(1)
      await shot(page, "stamps-job-running")
    }
    // No reload here: the page refreshes itself until the job is done.
    await page.locator("[data-testid=stamp-job][data-state=done]").waitFor({ timeout: 30_000 })
    expect(await text(page, "[data-testid=stamp-job]")).toContain("Đã tạo xong 2.500 tem.")
    expect(await total(page, "Tem đang dùng")).toBe(
      new Intl.NumberFormat("vi-VN").format(before + 2500),
    )
    await shot(page, "stamps-job-done")
  })

  it("gives another seller's member a not-found page for this batch", async () => {
    const other = await browser.newContext(PHONE)
    try {
      const otherPage = await other.newPage()
      await signIn(otherPage, OTHER_OWNER, "/vi/seller/origin")
      const lots = await otherPage
        .locator("[data-testid=batch-list] li")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-lot")))
      expect(lots).not.toContain(LOT)
      for (const suffix of ["", "/stamps", "/events/new?type=harvest"]) {
        const response = await otherPage.goto(`${url}${batchPath}${suffix}`)
        expect(response?.status(), suffix).toBe(404)
        await otherPage.locator("h1").first().waitFor()
        expect(await otherPage.textContent("body")).not.toContain(LOT)
      }
      await shot(otherPage, "other-seller-404")
      // The sheet itself: the route hands the service's 404 on as the stamps page (not found).
      const sheet = await otherPage.request.get(`${url}${batchPath}/stamps.pdf`, {
        maxRedirects: 0,
      })
      expect(sheet.status()).toBe(303)
      const next = new URL(sheet.headers().location!, url)
      expect(next.pathname).toBe(`${batchPath}/stamps`)
      expect((await otherPage.goto(next.href))?.status()).toBe(404)
    } finally {
      await other.close()
    }
  })

  it("draws the batch list and the stamps page in English too", async () => {
    await page.goto(`${url}/en/seller/origin`)
    expect(await text(page, `[data-lot="${LOT}"]`)).toContain("In production")
    await page.goto(`${url}${batchPath.replace("/vi/", "/en/")}`)
    expect(await text(page, "[data-testid=chain-check]")).toContain("Chain intact")
    await shot(page, "batch-en")
  })

  it("records a note without JavaScript (the forms are plain posts)", async () => {
    const plain = await browser.newContext({ ...PHONE, javaScriptEnabled: false })
    try {
      const noJs = await plain.newPage()
      await signIn(noJs, OWNER, `${batchPath}/events/new`)
      await noJs.click("[data-type=note]")
      await noJs.fill("#origin-note", "Ghi từ điện thoại không bật JavaScript")
      await submitTo(
        noJs,
        "[data-testid=event-form] button[type=submit]",
        (u) => u.pathname === batchPath,
      )
      expect(await text(noJs, "[data-testid=origin-status]")).toBe("Đã lưu vào nhật ký.")
      expect(await text(noJs, "[data-testid=trace-timeline] li[data-event-type=note]")).toContain(
        "Ghi từ điện thoại không bật JavaScript",
      )
      expect(await noJs.getAttribute("[data-testid=chain-check]", "data-chain")).toBe("intact")
    } finally {
      await plain.close()
    }
  })

  it("seals the batch, then recalls it with a reason after a confirmation", async () => {
    await page.goto(`${url}${batchPath}`)
    await submitTo(
      page,
      "section[aria-labelledby=seal-heading] button",
      (u) => u.searchParams.get("status") === "sealed",
    )
    expect(await text(page, "[data-testid=batch-state]")).toBe("Đã chốt lô")
    // After sealing only what happens to the finished lot may be recorded.
    await page.goto(`${url}${batchPath}/events/new`)
    const types = await page
      .locator("[data-testid=event-types] a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("data-type")))
    expect(types).toEqual(["inspection", "shipping", "receiving", "note"])

    await page.goto(`${url}${batchPath}`)
    await page.click("details.origin-danger summary")
    await page.fill("#origin-recall-reason", "Mẫu kiểm nghiệm lại không đạt")
    // Without the tick the browser stops the form; the server asks for it as well.
    await page.locator("[data-testid=recall-form]").evaluate((form: HTMLFormElement) => {
      form.noValidate = true
    })
    await page.click("[data-testid=recall-form] button[type=submit]")
    await page.locator("[data-testid=recall-form] .field-error").waitFor()
    expect(await page.inputValue("#origin-recall-reason")).toBe("Mẫu kiểm nghiệm lại không đạt")
    await shot(page, "recall-form")
    await page.check("[data-testid=recall-form] input[name=understood]")
    await submitTo(
      page,
      "[data-testid=recall-form] button[type=submit]",
      (u) => u.searchParams.get("status") === "recalled",
    )
    expect(await text(page, "[data-testid=batch-state]")).toBe("Đã thu hồi")
    expect(await page.locator("[data-testid=add-event]").count()).toBe(0)
    await page.goto(`${url}${batchPath}/stamps`)
    expect(await page.locator("[data-testid=issue-form]").count()).toBe(0)
  })
})
