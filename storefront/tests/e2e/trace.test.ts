import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContextOptions, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { RICE, TRACE_LOT } from "./fixtures"

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")

// A Vietnamese phone, 360 px wide.
const PHONE: BrowserContextOptions = {
  locale: "vi-VN",
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
}

const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim()

async function text(page: Page, selector: string) {
  return normalise(await page.locator(selector).first().textContent())
}

/** The same serial with its last character changed: its signature no longer matches. */
function forge(serial: string): string {
  const last = serial.at(-1)
  return `${serial.slice(0, -1)}${last === "0" ? "1" : "0"}`
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
  const [stamp, second] = inject("traceStamps")

  it("follows a scanned stamp's URI to the green verdict in Vietnamese", async () => {
    // The QR code holds the service's URI; the service sends a browser on to the storefront.
    const response = await page.goto(stamp.uri)
    expect(response?.status()).toBe(200)
    // The resolver names this scan, so the page shows the verdict this scan got.
    const landed = new URL(page.url())
    expect(`${landed.origin}${landed.pathname}`).toBe(`${url}/vi/trace/${stamp.serial}`)
    expect(landed.searchParams.get("scan")).toBeTruthy()
    const verdict = page.locator("[data-testid=verdict]")
    expect(await verdict.getAttribute("data-verdict")).toBe("genuine")
    expect(await text(page, "h1")).toBe("Hàng chính hãng")
    // The verdict comes before anything else in the page's content.
    expect(await page.locator("main > :first-child").getAttribute("data-testid")).toBe("verdict")
    expect(await verdict.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(232, 245, 234)",
    )
    expect(await text(page, "[data-testid=trace-product]")).toBe(RICE.title)
    expect(await page.locator("[data-testid=trace-product] a").getAttribute("href")).toBe(
      `/vi/products/${RICE.handle}`,
    )
    expect(await text(page, "[data-testid=trace-lot]")).toBe(TRACE_LOT)
    expect(await text(page, "[data-testid=trace-serial]")).toBe(stamp.serial)
    const details = normalise(await page.locator(".provenance").textContent())
    expect(details).toContain("600 kg")
    expect(details).toMatch(/\d{1,2} tháng \d{1,2}, \d{4}/)
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.screenshot({ path: path.join(RESULTS, "trace-genuine-vi.png"), fullPage: true })
  })

  it("switches to English on the same stamp", async () => {
    await page.goto(`${url}/vi/trace/${second.serial}`)
    await page.locator(".locale-switch a[hreflang=en]").click()
    await page.waitForURL(`**/en/trace/${second.serial}`)
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    expect(await text(page, "h1")).toBe("Genuine product")
    expect(await text(page, "[data-testid=trace-lot]")).toBe(TRACE_LOT)
    expect(normalise(await page.locator(".provenance").textContent())).toMatch(
      /\d{1,2} [A-Z][a-z]+ \d{4}/,
    )
  })

  it("shows the red verdict and the advice for a forged serial", async () => {
    const forged = forge(stamp.serial)
    const response = await page.goto(`${url}/vi/trace/${forged}`)
    expect(response?.status()).toBe(200)
    const verdict = page.locator("[data-testid=verdict]")
    expect(await verdict.getAttribute("data-verdict")).toBe("not_genuine")
    expect(await text(page, "h1")).toBe("Không xác thực được tem này")
    expect(normalise(await verdict.textContent())).toContain(
      "Tem có thể là hàng giả. Hãy hỏi người bán hoặc báo cho cán bộ xã.",
    )
    expect(await verdict.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(253, 236, 234)",
    )
    expect(await text(page, "[data-testid=trace-serial]")).toBe(forged)
    expect(await page.locator("[data-testid=trace-product]").count()).toBe(0)
    await page.screenshot({ path: path.join(RESULTS, "trace-forged-vi.png"), fullPage: true })
  })

  it("shows the verdict with JavaScript disabled", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false })
    try {
      const noJs = await context.newPage()
      await noJs.goto(stamp.uri)
      expect(noJs.url().split("?")[0]).toBe(`${url}/vi/trace/${stamp.serial}`)
      expect(await text(noJs, "h1")).toBe("Hàng chính hãng")
      expect(await text(noJs, "[data-testid=trace-lot]")).toBe(TRACE_LOT)
      await noJs.goto(`${url}/en/trace/${forge(stamp.serial)}`)
      expect(await text(noJs, "h1")).toBe("This stamp could not be verified")
    } finally {
      await context.close()
    }
  })
})

describe("stamp page whose traceability service is down", () => {
  const url = inject("offlineStorefrontUrl")
  const [stamp] = inject("traceStamps")

  it("says so with a retry link, without a verdict or a stack trace", async () => {
    await page.goto(`${url}/vi/trace/${stamp.serial}`)
    expect(await text(page, "h1")).toBe("Chưa kiểm tra được tem lúc này")
    expect(
      await page.locator("[data-testid=trace-unavailable] a.button").getAttribute("href"),
    ).toBe(`/vi/trace/${stamp.serial}`)
    expect(await page.locator("[data-testid=verdict]").count()).toBe(0)
    expect(await page.content()).not.toMatch(/fetch failed|ECONNREFUSED|at async|Error:/)
    await page.screenshot({ path: path.join(RESULTS, "trace-offline-vi.png"), fullPage: true })
  })
})
