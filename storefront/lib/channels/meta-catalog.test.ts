import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { feedItems } from "./feed-items"
import { csvField, META_COLUMNS, metaCatalogCsv } from "./meta-catalog"
import { catalogue, TRICKY_DESCRIPTION, TRICKY_TITLE } from "./test-products"

describe("metaCatalogCsv", () => {
  const csv = metaCatalogCsv(feedItems(catalogue(), "https://cho.example"))
  // csv-parse (an RFC 4180 reader we did not write), strict about quotes and column counts.
  const rows = parse(csv, { columns: true, relax_quotes: false }) as Record<string, string>[]

  it("starts with Meta's required columns", () => {
    const [header] = parse(csv, { to_line: 1 }) as string[][]
    expect(header).toEqual([...META_COLUMNS])
    expect(header?.slice(0, 9)).toEqual([
      "id",
      "title",
      "description",
      "availability",
      "condition",
      "price",
      "link",
      "image_link",
      "brand",
    ])
  })

  it("has one row per priced variant, read back exactly, commas, quotes and lines included", () => {
    expect(rows).toHaveLength(3)
    expect(rows[0]).toEqual({
      id: "GAO-5KG",
      title: TRICKY_TITLE,
      description: TRICKY_DESCRIPTION,
      availability: "in stock",
      condition: "new",
      price: "185000 VND",
      link: "https://cho.example/vi/products/gao-seng-cu",
      image_link: "http://b/static/gao.svg",
      brand: "HTX Nông nghiệp Gia Phú",
      item_group_id: "",
      gtin: "",
    })
    expect(rows[1]).toMatchObject({
      id: "honey_250",
      availability: "out of stock",
      item_group_id: "prod_honey",
    })
    expect(rows[2]).toMatchObject({ id: "MO-500", price: "160000 VND", gtin: "8938505974194" })
  })
})

describe("csvField", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(csvField("Gạo")).toBe("Gạo")
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
    expect(csvField("a\nb")).toBe('"a\nb"')
    expect(csvField(null)).toBe("")
  })
})
