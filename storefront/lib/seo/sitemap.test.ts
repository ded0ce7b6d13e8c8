import { describe, expect, it } from "vitest"
import { catalogue } from "../channels/test-products"
import type { Seller } from "../medusa/types"
import { sitemapEntries } from "./sitemap"

const seller = (handle: string, commune: string): Seller => ({
  id: handle,
  handle,
  name: handle,
  kind: "cooperative",
  description: null,
  address: null,
  phone: null,
  logoUrl: null,
  commune: { code: commune, name: commune },
  province: null,
  village: null,
  productCount: 1,
})

describe("sitemapEntries", () => {
  const [rice, honey, tea] = catalogue()
  const products = [
    {
      ...rice!,
      updatedAt: new Date("2026-12-01T00:00:00Z"),
      categories: [{ id: "c", handle: "gao", name: { vi: "Gạo", en: "Rice" } }],
    },
    { ...honey!, updatedAt: new Date("2026-12-05T00:00:00Z") },
    { ...tea!, updatedAt: null },
  ]
  const entries = sitemapEntries({
    origin: "https://cho.example",
    products,
    sellers: [seller("htx-gia-phu", "02923"), seller("hkd-lan", "02926")],
    categories: [{ id: "c", handle: "gao", name: { vi: "Gạo", en: "Rice" } }],
    communes: [
      { code: "02923", name: "Xã Gia Phú", province: { code: "15", name: "Lào Cai" }, sellers: 1 },
    ],
  })
  const entry = (url: string) => entries.find((e) => e.url === `https://cho.example${url}`)

  it("lists every public page in both languages, each naming the other", () => {
    expect(entries.map((e) => e.url.replace("https://cho.example", ""))).toEqual([
      "/vi",
      "/en",
      "/vi/categories/gao",
      "/en/categories/gao",
      "/vi/communes/02923",
      "/en/communes/02923",
      "/vi/sellers/htx-gia-phu",
      "/en/sellers/htx-gia-phu",
      "/vi/sellers/hkd-lan",
      "/en/sellers/hkd-lan",
      "/vi/products/gao-seng-cu",
      "/en/products/gao-seng-cu",
      "/vi/products/mat-ong",
      "/en/products/mat-ong",
      "/vi/products/che",
      "/en/products/che",
    ])
    expect(entry("/en/products/mat-ong")?.alternates.languages).toEqual({
      vi: "https://cho.example/vi/products/mat-ong",
      en: "https://cho.example/en/products/mat-ong",
      "x-default": "https://cho.example/vi/products/mat-ong",
    })
  })

  it("dates each page by the newest change among the products it shows", () => {
    expect(entry("/vi")?.lastModified).toEqual(new Date("2026-12-05T00:00:00Z"))
    expect(entry("/vi/categories/gao")?.lastModified).toEqual(new Date("2026-12-01T00:00:00Z"))
    // Gia Phú's commune shows the rice's seller only (the honey's seller is in another commune).
    expect(entry("/vi/communes/02923")?.lastModified).toEqual(new Date("2026-12-01T00:00:00Z"))
    expect(entry("/vi/sellers/hkd-lan")?.lastModified).toEqual(new Date("2026-12-05T00:00:00Z"))
    expect(entry("/vi/products/che")).not.toHaveProperty("lastModified")
  })
})
