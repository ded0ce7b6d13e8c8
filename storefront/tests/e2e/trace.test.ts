import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContextOptions, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { RICE, RICE_BATCH, RICE_EVENTS, SCAN_SUSPICIOUS_NETWORKS, TRACE_LOT } from "./fixtures"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")

// A Vietnamese phone, 360 px wide.
const PHONE: BrowserContextOptions = {
  locale: "vi-VN",
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
}
// Gia Phú (Lào Cai) and Ho Chi Minh City: about 1,400 km apart.
const GIA_PHU = { latitude: 22.386, longitude: 104.064 }
const SAIGON = { latitude: 10.776, longitude: 106.7 }

const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim()
const text = async (page: Page, selector: string) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a person reads it: a term and its value as "Mã lô GP-…", not "Mã lôGP-…"
  normalise(await page.locator(selector).first().innerText())
const texts = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).map(normalise)
const background = (page: Page) =>
  page.locator("[data-testid=verdict]").evaluate((el) => getComputedStyle(el).backgroundColor)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true })

/** A day as the page must write it: in Vietnam's time zone, whatever the test machine's. */
function vnDate(value: string | Date, locale = "vi-VN") {
  const date = typeof value === "string" && value.length === 10 ? `${value}T12:00:00+07:00` : value
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(date))
}

/** The same serial with its last character changed: its signature no longer matches. */
function forge(serial: string): string {
  const last = serial.at(-1)
  return `${serial.slice(0, -1)}${last === "0" ? "1" : "0"}`
}

type ServiceRecord = {
  scans: { count: number; first_scanned_at: string }
  producer: { name: string }
  certifications: {
    ocop_stars: number | null
    ocop?: { certificate_number: string | null; expires_on: string | null } | null
  }
}

/** The service's record of a stamp, read the way the storefront reads it (counts no scan). */
async function record(uri: string, serial: string): Promise<ServiceRecord> {
  const response = await fetch(`${new URL(uri).origin}/stamps/${serial}/provenance`)
  expect(response.status).toBe(200)
  return (await response.json()) as ServiceRecord
}

let browser: Browser
let page: Page

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  browser = await launchChromium()
  page = await (await browser.newContext(PHONE)).newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe("stamp page with the traceability service", () => {
  const url = inject("storefrontUrl")
  const [shared, second] = inject("traceStamps")
  const { fresh, voided, suspicious, located, nojs } = inject("traceCases")

  it("follows a stamp's own URI to the green first-scan verdict, then the whole record", async () => {
    // The QR code holds the service's URI; the service counts the scan and sends a browser on.
    const response = await page.goto(fresh.uri)
    expect(response?.status()).toBe(200)
    // Exactly the linkset's default link, as GS1 asks: the scan's id came in the resolver's
    // cookie (the resolver and the storefront share localhost), not in the URL.
    expect(page.url()).toBe(`${url}/vi/trace/${fresh.serial}`)
    const verdict = page.locator("[data-testid=verdict]")
    expect(await verdict.getAttribute("data-verdict")).toBe("genuine_first_scan")
    expect(await text(page, "h1")).toBe("Hàng chính hãng")
    expect(normalise(await verdict.textContent())).toContain(
      "Đây là lần đầu tiên tem này được quét.",
    )
    // The verdict comes before anything else, in green.
    expect(await page.locator("main > :first-child").getAttribute("data-testid")).toBe("verdict")
    expect(await background(page)).toBe("rgb(232, 245, 234)")

    expect(await text(page, "[data-testid=trace-product]")).toBe(RICE.title)
    expect(await page.locator("[data-testid=trace-product] a").getAttribute("href")).toBe(
      `/vi/products/${RICE.handle}`,
    )
    expect(await text(page, "[data-testid=trace-lot]")).toBe(TRACE_LOT)
    expect(await text(page, "[data-testid=trace-serial]")).toBe(fresh.serial)
    const details = await text(page, ".provenance")
    expect(details).toContain("600 kg")
    expect(details).toContain(`Ngày thu hoạch ${vnDate(RICE_BATCH.dates.harvested_on)}`)
    expect(await text(page, "[data-testid=trace-expires]")).toBe(
      vnDate(RICE_BATCH.dates.expires_on),
    )

    // The seller and certificates are the batch's snapshot, as the service holds them.
    const { producer, certifications } = await record(fresh.uri, fresh.serial)
    expect(await text(page, "[data-testid=trace-seller] .seller-name")).toBe(producer.name)
    const certificates = await text(page, "[data-testid=trace-certifications]")
    expect(certificates).toContain(`VietGAP số ${RICE_BATCH.certifications.vietgap.number}`)
    if (certifications.ocop_stars) {
      expect(certificates).toContain(`Sản phẩm OCOP ${certifications.ocop_stars} sao`)
    }
    // The registry's certificate, copied onto the batch: its number and expiry are shown.
    const ocop = certifications.ocop
    if (ocop?.expires_on) {
      expect(await text(page, "[data-testid=ocop-expiry]")).toContain(
        `hiệu lực đến ${vnDate(ocop.expires_on)}`,
      )
      if (ocop.certificate_number) expect(certificates).toContain(ocop.certificate_number)
    }

    // The season, in the order it was recorded, each with its day in Vietnam.
    expect(await texts(page, "[data-testid=trace-timeline] > li h3")).toEqual([
      "Gieo trồng",
      "Phun thuốc",
      "Thu hoạch",
      "Kiểm nghiệm",
      "Đóng gói",
    ])
    expect(await texts(page, "[data-testid=trace-timeline] > li > time")).toEqual(
      RICE_EVENTS.map((event) => vnDate(event.occurred_at)),
    )
    const input = await text(page, "[data-event-type=input_applied]")
    expect(input).toContain("Chế phẩm sinh học Trichoderma")
    expect(input).toContain("Liều lượng 2 kg/ha")
    expect(input).toContain("Thời gian cách ly trước thu hoạch 14 ngày")
    expect(await text(page, "[data-testid=inspection-result]")).toBe("Đạt")
    // The service recomputed the diary's hash chain: nothing was edited since.
    expect(await page.locator("[data-testid=trace-chain]").getAttribute("data-intact")).toBe("true")
    expect(await text(page, "[data-testid=trace-chain]")).toContain(
      `Đã kiểm tra: ${RICE_EVENTS.length} sự kiện trong nhật ký vẫn đúng như lúc ghi`,
    )

    // Buying from the shop, and (with JavaScript) the optional location request.
    expect(await text(page, "[data-testid=trace-buy] button[type=submit]")).toBe("Mua sản phẩm này")
    expect(await text(page, "[data-testid=trace-location] button")).toBe(
      "Chia sẻ vị trí để giúp phát hiện tem giả",
    )
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await shot(page, "trace-genuine-vi")
  })

  it("says how often and since when on the stamp's second scan", async () => {
    await page.goto(fresh.uri)
    const verdict = page.locator("[data-testid=verdict]")
    expect(await verdict.getAttribute("data-verdict")).toBe("genuine_repeat")
    expect(await text(page, "h1")).toBe("Hàng chính hãng")
    const { scans } = await record(fresh.uri, fresh.serial)
    expect(scans.count).toBe(2)
    expect(normalise(await verdict.textContent())).toContain(
      `Tem đã được quét 2 lần kể từ ngày ${vnDate(scans.first_scanned_at)}.`,
    )
    await shot(page, "trace-repeat-vi")
  })

  it("switches to English on the same stamp and scan", async () => {
    await page.goto(second.uri)
    const verdict = await page.locator("[data-testid=verdict]").getAttribute("data-verdict")
    await page.locator(".locale-switch a[hreflang=en]").click()
    // The scan's cookie goes along, so the English page shows the same scan's verdict.
    await page.waitForURL(`${url}/en/trace/${second.serial}`)
    expect(await page.locator("[data-testid=verdict]").getAttribute("data-verdict")).toBe(verdict)
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    expect(await text(page, "h1")).toBe("Genuine product")
    expect(await text(page, "[data-testid=trace-lot]")).toBe(TRACE_LOT)
    expect((await texts(page, "[data-testid=trace-timeline] > li h3"))[0]).toBe("Planting")
    expect(await text(page, "[data-testid=trace-timeline] > li > time")).toBe(
      vnDate(RICE_EVENTS[0].occurred_at, "en-GB"),
    )
    expect(await text(page, "[data-testid=trace-buy] button[type=submit]")).toBe("Buy this product")
  })

  it("shows a voided stamp in grey with what to do, and what the label claims", async () => {
    await page.goto(voided.uri)
    expect(await page.locator("[data-testid=verdict]").getAttribute("data-verdict")).toBe("voided")
    expect(await text(page, "h1")).toBe("Tem đã bị huỷ")
    expect(await text(page, "[data-testid=verdict]")).toContain("Đừng mua hàng mang tem này.")
    expect(await background(page)).toBe("rgb(236, 236, 234)")
    expect(await text(page, "#provenance-heading")).toBe(
      "Thông tin ghi trên tem (chưa được xác nhận)",
    )
    expect(await text(page, "[data-testid=trace-lot]")).toBe(TRACE_LOT)
    expect(await page.locator("[data-testid=trace-location]").count()).toBe(0)
    await shot(page, "trace-voided-vi")
  })

  it("shows a stamp scanned from too many networks in amber, and says why", async () => {
    // One phone scanning again and again is not a copy.
    for (let i = 0; i < 21; i++) {
      const response = await fetch(suspicious.uri, { headers: { accept: "application/json" } })
      expect(((await response.json()) as { verdict: string }).verdict).not.toBe("suspicious")
    }
    // Buyers' phones on other networks asking the resolver for JSON: each is a counted scan.
    for (let i = 1; i < SCAN_SUSPICIOUS_NETWORKS; i++) {
      const response = await fetch(suspicious.uri, {
        headers: { accept: "application/json", "x-forwarded-for": `203.0.${i}.7` },
      })
      expect(response.status).toBe(200)
    }
    // The browser's own scan (from 127.0.0.1's network, scanned already) ...
    await page.goto(suspicious.uri)
    expect(await page.locator("[data-testid=verdict]").getAttribute("data-verdict")).not.toBe(
      "suspicious",
    )
    // ... and one more network makes one too many.
    await fetch(suspicious.uri, {
      headers: { accept: "application/json", "x-forwarded-for": "2001:db8:e2e::1" },
    })
    await page.goto(suspicious.uri)
    const verdict = page.locator("[data-testid=verdict]")
    expect(await verdict.getAttribute("data-verdict")).toBe("suspicious")
    expect(await text(page, "h1")).toBe("Tem đáng ngờ")
    expect(normalise(await verdict.textContent())).toContain(
      `Tem đã được quét ${21 + SCAN_SUSPICIOUS_NETWORKS + 2} lần`,
    )
    expect(await text(page, "[data-testid=verdict-why] h2")).toBe("Vì sao tem này bị nghi ngờ")
    expect(normalise(await text(page, "[data-testid=verdict-why]"))).toContain(
      "Quét lại nhiều lần từ cùng một điện thoại",
    )
    expect(await background(page)).toBe("rgb(255, 244, 214)")
    await shot(page, "trace-suspicious-vi")
  })

  it("shows the red verdict and the advice for a forged serial", async () => {
    const forged = forge(shared.serial)
    const response = await page.goto(`${url}/vi/trace/${forged}`)
    expect(response?.status()).toBe(200)
    const verdict = page.locator("[data-testid=verdict]")
    expect(await verdict.getAttribute("data-verdict")).toBe("not_genuine")
    expect(await text(page, "h1")).toBe("Không xác thực được tem này")
    expect(normalise(await verdict.textContent())).toContain(
      "Tem có thể là hàng giả. Hãy hỏi người bán hoặc báo cho cán bộ xã.",
    )
    expect(await background(page)).toBe("rgb(253, 236, 234)")
    expect(await text(page, "[data-testid=trace-serial]")).toBe(forged)
    expect(await page.locator("[data-testid=trace-product]").count()).toBe(0)
    await shot(page, "trace-forged-vi")
  })

  it("shows the verdict, timeline and buy form with JavaScript disabled", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false })
    try {
      const noJs = await context.newPage()
      await noJs.goto(shared.uri)
      expect(noJs.url().split("?")[0]).toBe(`${url}/vi/trace/${shared.serial}`)
      expect(await text(noJs, "h1")).toBe("Hàng chính hãng")
      expect(await noJs.locator("[data-testid=trace-timeline] > li time").count()).toBe(
        RICE_EVENTS.length,
      )
      expect(await noJs.locator("[data-testid=trace-buy] form button").count()).toBe(1)
      // The location request needs JavaScript, so it is simply not there.
      expect(await noJs.locator("[data-testid=trace-location]").count()).toBe(0)
      await shot(noJs, "trace-nojs-vi")
      await noJs.goto(`${url}/en/trace/${forge(shared.serial)}`)
      expect(await text(noJs, "h1")).toBe("This stamp could not be verified")

      // This scan's own verdict, without JavaScript: the resolver's cookie is read on the server,
      // so the page reloaded after another buyer's scan still shows the first scan's verdict ...
      await noJs.goto(nojs.uri)
      expect(noJs.url()).toBe(`${url}/vi/trace/${nojs.serial}`)
      const verdict = noJs.locator("[data-testid=verdict]")
      expect(await verdict.getAttribute("data-verdict")).toBe("genuine_first_scan")
      const other = await fetch(nojs.uri, { headers: { accept: "application/json" } })
      expect(((await other.json()) as { verdict: string }).verdict).toBe("genuine_repeat")
      await noJs.reload()
      expect(await verdict.getAttribute("data-verdict")).toBe("genuine_first_scan")
      // ... while a phone that did not scan it sees the stamp's standing verdict.
      const stranger = await (
        await browser.newContext({ ...PHONE, javaScriptEnabled: false })
      ).newPage()
      await stranger.goto(`${url}/vi/trace/${nojs.serial}`)
      expect(await stranger.locator("[data-testid=verdict]").getAttribute("data-verdict")).toBe(
        "genuine_repeat",
      )
      await stranger.context().close()
    } finally {
      await context.close()
    }
  })

  it("takes a shared location, and calls the stamp suspicious when a copy turns up far away", async () => {
    // Each phone on its own network (named to the service through its trusted proxy hop): one
    // network posting two far-apart places proves nothing.
    const share = async (where: typeof GIA_PHU, expected: string, network: string) => {
      const context = await browser.newContext({
        ...PHONE,
        permissions: ["geolocation"],
        geolocation: where,
        extraHTTPHeaders: { "x-forwarded-for": network },
      })
      const phone = await context.newPage()
      await phone.goto(located.uri)
      // The browser only ever talks to the storefront: the service's address stays on the server.
      const hosts = new Set<string>()
      phone.on("request", (request) => hosts.add(new URL(request.url()).origin))
      await phone.locator("[data-testid=trace-location] button").click()
      const status = phone.locator("[data-testid=trace-location] [role=status]")
      await status.and(phone.locator(`[data-state=${expected}]`)).waitFor()
      expect([...hosts]).toEqual([url])
      return { context, phone, message: normalise(await status.textContent()) }
    }

    const first = await share(GIA_PHU, "thanks", "203.0.113.30")
    expect(first.message).toContain("Cảm ơn bạn! Vị trí đã được ghi lại.")
    await shot(first.phone, "trace-location-thanks-vi")
    await first.context.close()

    // The same stamp, minutes later, 1,400 km away: one of the two labels is a copy.
    const copy = await share(SAIGON, "suspicious", "2001:db8:5a1::30")
    expect(copy.message).toContain("tem có thể đã bị sao chép")
    await shot(copy.phone, "trace-location-suspicious-vi")
    await copy.phone.reload()
    expect(await copy.phone.locator("[data-testid=verdict]").getAttribute("data-verdict")).toBe(
      "suspicious",
    )
    await copy.context.close()
  })

  it("says so plainly when the buyer refuses to share a location", async () => {
    // No permission granted: the browser refuses, and the verdict stands.
    const context = await browser.newContext(PHONE)
    try {
      const phone = await context.newPage()
      await phone.goto(second.uri)
      await phone.locator("[data-testid=trace-location] button").click()
      const status = phone.locator("[data-testid=trace-location] [role=status]")
      await status.and(phone.locator("[data-state=denied]")).waitFor()
      expect(normalise(await status.textContent())).toContain("Bạn chưa cho phép lấy vị trí.")
      // The button stays, so the buyer can change their mind.
      expect(await phone.locator("[data-testid=trace-location] button").count()).toBe(1)
    } finally {
      await context.close()
    }
  })

  it("puts the product in the cart from the stamp page", async () => {
    await page.goto(`${url}/vi/trace/${second.serial}`)
    await page.locator("[data-testid=trace-buy] button[type=submit]").click()
    await page.waitForURL(/\/vi\/cart/)
    expect(normalise(await page.locator("main").textContent())).toContain(RICE.title)
  })
})

describe("stamp page whose shop is down", () => {
  const url = inject("shopDownStorefrontUrl")
  const [shared] = inject("traceStamps")

  it("still gives the verdict, without the buy button or a product link", async () => {
    await page.goto(`${url}/vi/trace/${shared.serial}`)
    expect(await text(page, "h1")).toBe("Hàng chính hãng")
    expect(await text(page, "[data-testid=trace-product]")).toBe(RICE.title)
    expect(await page.locator("[data-testid=trace-product] a").count()).toBe(0)
    expect(await page.locator("[data-testid=trace-buy]").count()).toBe(0)
    expect(await page.locator("[data-testid=trace-timeline] > li").count()).toBe(RICE_EVENTS.length)
  })
})

describe("stamp page whose traceability service is down", () => {
  const url = inject("offlineStorefrontUrl")
  const [shared] = inject("traceStamps")

  it("says so with a retry link, without a verdict or a stack trace", async () => {
    await page.goto(`${url}/vi/trace/${shared.serial}`)
    expect(await text(page, "h1")).toBe("Chưa kiểm tra được tem lúc này")
    expect(
      await page.locator("[data-testid=trace-unavailable] a.button").getAttribute("href"),
    ).toBe(`/vi/trace/${shared.serial}`)
    expect(await page.locator("[data-testid=verdict]").count()).toBe(0)
    expect(await page.content()).not.toMatch(/fetch failed|ECONNREFUSED|at async|Error:/)
    await shot(page, "trace-offline-vi")
  })
})
