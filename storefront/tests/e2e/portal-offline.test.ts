import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "@coop/scripts/chromium"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { PNG } from "pngjs"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"

// The seller portal's offline field diary, as the rice cooperative on a 360 px phone with the
// network switched off: the portal installs (manifest, service worker), five entries (one with a
// photo) wait on the phone, survive a reload served by the service worker, and are sent in the
// order they were recorded once the network is back: exactly five events with their field times
// and an intact hash chain. A batch sealed while an entry waited shows the conflict in words.

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results")
const PASSWORD = "giaphu-demo"
const OWNER = "htx-nong-nghiep-gia-phu@giaphu.example"

const url = inject("storefrontUrl")
const backendUrl = inject("backendUrl")
const traceabilityUrl = inject("traceabilityUrl")
const seededBatchId = inject("traceBatchId")

type TraceEvent = {
  seq: number
  type: string
  occurred_at: string
  recorded_at: string
  photos: string[]
  note: string | null
  details: Record<string, unknown>
}

let browser: Browser
let context: BrowserContext
let page: Page
let headers: Record<string, string>
let productId = ""

const shot = (name: string) =>
  page.screenshot({ path: path.join(RESULTS, `portal-offline-${name}.png`), fullPage: true })

async function trace<T>(route: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${traceabilityUrl}${route}`, {
    ...init,
    headers: init.body ? { ...headers, "content-type": "application/json" } : headers,
  })
  const body = await response.json()
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status} ${JSON.stringify(body)}`)
  return body as T
}

async function newBatch(): Promise<string> {
  const lot = `OFF-${Date.now().toString(36).toUpperCase()}`
  const batch = await trace<{ id: string }>("/batches", {
    method: "POST",
    body: JSON.stringify({ product_id: productId, lot_code: lot, quantity: 800, unit: "kg" }),
  })
  return batch.id
}

const events = async (batchId: string) =>
  (await trace<{ events: TraceEvent[] }>(`/batches/${batchId}/events`)).events

/** A datetime-local value in Vietnam's time, `hoursAgo` hours before now. */
function fieldTime(hoursAgo: number): string {
  const at = new Date(Date.now() - hoursAgo * 3600_000 + 7 * 3600_000)
  return at.toISOString().slice(0, 16)
}

/** The service's answer for a field time typed in Vietnam. */
const served = (local: string) => `${local}:00.000+07:00`

/** A photo from the phone's camera: 2000 × 1500, which the portal shrinks to 1280 px wide. */
function cameraPhoto(): Buffer {
  const png = new PNG({ width: 2000, height: 1500 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([47, 107 + (i % 97), 58, 255], i)
  return PNG.sync.write(png)
}

const waiting = async () =>
  Number(await page.getAttribute("[data-testid=diary-queue]", "data-waiting"))

async function openForm(batchId: string, type: string) {
  await page.goto(`${url}/vi/seller/origin/${batchId}/events/new?type=${type}`)
  await page.locator("[data-testid=event-form]").waitFor()
  // The form's script is running: the field time was set to now on the phone.
  await page.locator("[data-testid=diary-queue]").waitFor({ state: "attached" })
}

/** Fills the form of the type, sets its field time and keeps it on the phone. */
async function record(fields: Record<string, string>, at: string, before: number) {
  for (const [selector, value] of Object.entries(fields)) await page.fill(selector, value)
  await page.fill("#origin-occurred_at", at)
  await page.click("[data-testid=event-form] button[type=submit]")
  await page.waitForFunction(
    (count) =>
      document.querySelector("[data-testid=diary-queue]")?.getAttribute("data-waiting") ===
      String(count),
    before + 1,
  )
  expect(await page.textContent("[data-testid=offline-note]")).toContain("Đã lưu trên điện thoại")
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true })
  const signedIn = await fetch(`${backendUrl}/auth/seller_member/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: OWNER, password: PASSWORD }),
  })
  const { token } = (await signedIn.json()) as { token: string }
  headers = { authorization: `Bearer ${token}` }
  productId = (await trace<{ product_id: string }>(`/batches/${seededBatchId}`)).product_id
  browser = await launchChromium()
  context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe("the offline field diary", () => {
  let batchId = ""

  it("installs the seller portal as an app, scoped to the portal", async () => {
    batchId = await newBatch()
    const diary = `/vi/seller/origin/${batchId}/events/new`
    await page.goto(`${url}${diary}`)
    expect(new URL(page.url()).pathname).toBe("/vi/seller/sign-in")
    await page.fill("#portal-email", OWNER)
    await page.fill("#portal-password", PASSWORD)
    await Promise.all([
      page.waitForURL((u) => u.pathname === diary),
      page.click("button[type=submit]"),
    ])
    const href = await page.getAttribute('link[rel="manifest"]', "href")
    expect(href).toBe("/vi/seller/manifest.webmanifest")
    const manifest = await (await fetch(`${url}${href}`)).json()
    expect(manifest).toMatchObject({
      name: "Chợ số HTX – Người bán",
      start_url: "/vi/seller",
      scope: "/vi/seller",
      display: "standalone",
    })
    for (const size of [192, 512]) {
      const icons = manifest.icons.filter((i: { sizes: string }) => i.sizes === `${size}x${size}`)
      expect(icons.map((i: { purpose: string }) => i.purpose).sort()).toEqual(["any", "maskable"])
      const png = PNG.sync.read(
        Buffer.from(await (await fetch(`${url}${icons[0].src}`)).arrayBuffer()),
      )
      expect([png.width, png.height]).toEqual([size, size])
    }
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(scope).toBe(`${url}/vi/seller`)
    // The diary's forms are kept for offline use as soon as the batch's diary was opened once.
    await page.waitForFunction(
      async (base) => {
        const kept = (await (await caches.open("seller-pages-v1")).keys()).map((r) => r.url)
        return ["planting", "input_applied", "harvest", "packing", "note"].every((type) =>
          kept.includes(`${base}?type=${type}`),
        )
      },
      `${url}${diary}`,
      { timeout: 30_000 },
    )
    // The shop's public pages have no manifest and register nothing.
    await page.goto(`${url}/vi`)
    expect(await page.locator('link[rel="manifest"]').count()).toBe(0)
    const registrations = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    )
    expect(registrations).toEqual([`${url}/vi/seller`])
  })

  it("keeps five entries on the phone offline, through a reload, and sends them in order", async () => {
    const times = [fieldTime(9), fieldTime(7), fieldTime(5), fieldTime(3), fieldTime(1)]
    await context.setOffline(true)
    await openForm(batchId, "planting")
    expect(await page.textContent("[data-testid=diary-offline]")).toContain("Đang không có mạng")
    await record({ "#origin-crop": "lúa", "#origin-variety": "Séng Cù" }, times[0]!, 0)
    await openForm(batchId, "input_applied")
    await record(
      {
        "#origin-product": "Phân hữu cơ vi sinh",
        "#origin-dose-amount": "500",
        "#origin-dose-unit": "kg/ha",
        "#origin-pre_harvest_interval_days": "0",
      },
      times[1]!,
      1,
    )
    await openForm(batchId, "harvest")
    await page.setInputFiles("#origin-photos-camera", {
      name: "ruong.png",
      mimeType: "image/png",
      buffer: cameraPhoto(),
    })
    await record({ "#origin-quantity-amount": "750", "#origin-quantity-unit": "kg" }, times[2]!, 2)
    // The photo waits shrunk: a JPEG at most 1280 px on its long side.
    const kept = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("coop-seller-diary")
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      const all = await new Promise<{ photos: { blob: Blob }[] }[]>((resolve) => {
        const request = db.transaction("entries").objectStore("entries").getAll()
        request.onsuccess = () => resolve(request.result)
      })
      const blob = all[2]!.photos[0]!.blob
      const bitmap = await createImageBitmap(blob)
      return { type: blob.type, width: bitmap.width, height: bitmap.height }
    })
    expect(kept).toEqual({ type: "image/jpeg", width: 1280, height: 960 })
    await openForm(batchId, "packing")
    await record({ "#origin-package": "túi 5 kg", "#origin-units": "150" }, times[3]!, 3)
    await openForm(batchId, "note")
    await record({ "#origin-note": "Ruộng khô, chờ mưa" }, times[4]!, 4)
    expect((await page.textContent("[data-testid=diary-waiting]"))?.trim()).toBe(
      "5 mục đang chờ gửi",
    )
    expect(await page.locator(".diary-entries li").count()).toBe(5)
    await shot("queue")

    // Closing and opening the page without a network: the service worker serves it, the
    // entries are still on the phone.
    await page.reload()
    await page.locator("[data-testid=diary-waiting]").waitFor()
    expect((await page.textContent("[data-testid=diary-waiting]"))?.trim()).toBe(
      "5 mục đang chờ gửi",
    )
    // A portal page never opened on this phone: the offline page says so in words.
    await page.goto(`${url}/vi/seller/team`)
    expect(await page.textContent("[data-testid=offline-page] h1")).toBe("Chưa có mạng")
    expect(await events(batchId)).toEqual([])

    await openForm(batchId, "note")
    expect(await waiting()).toBe(5)
    await context.setOffline(false)
    await page.waitForFunction(
      () =>
        document.querySelector("[data-testid=diary-queue]")?.getAttribute("data-waiting") === "0",
      undefined,
      { timeout: 30_000 },
    )
    const sent = await events(batchId)
    expect(sent.map((e) => e.type)).toEqual([
      "planting",
      "input_applied",
      "harvest",
      "packing",
      "note",
    ])
    expect(sent.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    // The time each was recorded in the field, not the time it was sent.
    expect(sent.map((e) => e.occurred_at)).toEqual(times.map(served))
    for (const event of sent) {
      expect(Date.parse(event.recorded_at)).toBeGreaterThan(
        Date.parse(event.occurred_at) + 30 * 60_000,
      )
    }
    expect(sent[1]!.details).toMatchObject({ dose: { amount: 500, unit: "kg/ha" } })
    expect(sent[2]!.photos).toHaveLength(1)
    const photo = await fetch(sent[2]!.photos[0]!)
    expect(photo.status).toBe(200)
    expect(sent[4]!.note).toBe("Ruộng khô, chờ mưa")
    const chain = await (await fetch(`${traceabilityUrl}/batches/${batchId}/verify`)).json()
    expect(chain).toEqual({ valid: true, events: 5, broken_at: null })
  })

  it("sends an entry sent twice once: the key made when it was recorded", async () => {
    const before = (await events(batchId)).length
    const answers = await page.evaluate(async (batch) => {
      const entry = {
        key: "e2e-replayed-entry-0001",
        batch_id: batch,
        type: "note",
        values: { occurred_at: "2026-12-01T07:00", note: "Gửi hai lần" },
        photos: [],
      }
      const send = () =>
        fetch("/vi/seller/diary/events", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(entry),
        }).then((r) => r.json())
      return [await send(), await send()]
    }, batchId)
    expect(answers).toEqual([
      { result: "sent", seq: before + 1 },
      { result: "sent", seq: before + 1 },
    ])
    expect(await events(batchId)).toHaveLength(before + 1)
    // Another site's page cannot post a diary entry with the seller's cookie.
    const forged = await page.request.post(`${url}/vi/seller/diary/events`, {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: { key: "e2e-forged-entry-0001", batch_id: batchId, type: "note", values: {} },
    })
    expect(forged.status()).toBe(403)
  })

  it("shows a batch sealed meanwhile in words, keeps the entry marked, and discards it", async () => {
    const sealed = await newBatch()
    await openForm(sealed, "planting")
    await page.waitForFunction(
      async (form) =>
        (await (await caches.open("seller-pages-v1")).keys()).some((r) => r.url === form),
      `${url}/vi/seller/origin/${sealed}/events/new?type=planting`,
    )
    await context.setOffline(true)
    await page.reload()
    await record({ "#origin-crop": "ngô" }, fieldTime(2), 0)
    await trace(`/batches/${sealed}/seal`, { method: "POST" })
    await context.setOffline(false)
    const failed = page.locator(".diary-entries li[data-status=failed]")
    await failed.waitFor({ timeout: 30_000 })
    expect(await failed.textContent()).toContain("Lô này đã được chốt trong lúc mục còn chờ gửi")
    expect(await failed.textContent()).toContain("bỏ mục này")
    expect(await page.getAttribute("[data-testid=diary-queue]", "data-failed")).toBe("1")
    expect((await page.textContent("[data-testid=diary-queue] p"))?.trim()).toBe(
      "1 mục chưa gửi được",
    )
    await shot("conflict")
    page.once("dialog", (dialog) => void dialog.accept())
    await page.click("[data-testid=diary-discard]")
    await page.waitForFunction(
      () =>
        document.querySelector("[data-testid=diary-queue]")?.getAttribute("data-failed") === null,
    )
    expect(await events(sealed)).toEqual([])
  })
})
