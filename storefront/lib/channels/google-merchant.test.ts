import { SaxesParser } from "saxes"
import { describe, expect, it } from "vitest"
import { feedItems } from "./feed-items"
import { GOOGLE_NS, googleMerchantFeed } from "./google-merchant"
import { catalogue, TEST_RATES, TRICKY_DESCRIPTION, TRICKY_TITLE } from "./test-products"

type XmlElement = { uri: string; name: string; text: string; children: XmlElement[] }

/** The document's tree, read by saxes, a strict, namespace-aware XML parser: malformed XML throws. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const stack: XmlElement[] = [{ uri: "", name: "#document", text: "", children: [] }]
  parser.on("opentag", (tag) => {
    const element = { uri: tag.uri ?? "", name: tag.local ?? tag.name, text: "", children: [] }
    stack[stack.length - 1]?.children.push(element)
    stack.push(element)
  })
  parser.on("text", (text) => {
    const top = stack[stack.length - 1]
    if (top) top.text += text
  })
  parser.on("closetag", () => void stack.pop())
  parser.write(xml).close()
  const [root] = stack[0]?.children ?? []
  if (!root) throw new Error("no root element")
  return root
}

const child = (parent: XmlElement, name: string, uri = "") =>
  parent.children.find((c) => c.name === name && c.uri === uri)
/** An item's Google fields by name (repeated ones joined with " | "). */
function fields(item: XmlElement): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of item.children.filter((c) => c.uri === GOOGLE_NS)) {
    const value = c.children.length
      ? c.children.map((s) => `${s.name}=${s.text}`).join(";")
      : c.text
    out[c.name] = out[c.name] ? `${out[c.name]} | ${value}` : value
  }
  return out
}

const CHANNEL = {
  title: "Chợ HTX Gia Phú & bạn",
  link: "https://cho.example/vi",
  description: "<Nông sản>",
}

describe("googleMerchantFeed", () => {
  const xml = googleMerchantFeed(
    CHANNEL,
    feedItems(catalogue(), "https://cho.example", { rates: TEST_RATES }),
  )
  const rss = parseXml(xml)

  it("is well-formed RSS 2.0 with the g: namespace and the channel's own fields", () => {
    expect(rss.name).toBe("rss")
    const channel = child(rss, "channel")
    if (!channel) throw new Error("no channel")
    expect(child(channel, "title")?.text).toBe("Chợ HTX Gia Phú & bạn")
    expect(child(channel, "description")?.text).toBe("<Nông sản>")
    expect(channel.children.filter((c) => c.name === "item")).toHaveLength(3)
  })

  it("gives every item Google's required fields, text escaped and read back unchanged", () => {
    const channel = child(rss, "channel")!
    const items = channel.children.filter((c) => c.name === "item").map(fields)
    for (const item of items) {
      for (const required of [
        "id",
        "title",
        "description",
        "link",
        "availability",
        "price",
        "condition",
        "brand",
      ]) {
        expect(item[required], required).toBeTruthy()
      }
      expect(item.gtin ?? item.identifier_exists).toBeTruthy()
    }
    expect(items[0]).toEqual({
      id: "GAO-5KG",
      title: TRICKY_TITLE,
      description: TRICKY_DESCRIPTION,
      link: "https://cho.example/vi/products/gao-seng-cu",
      image_link: "http://b/static/gao.svg",
      additional_image_link: "http://b/static/gao-2.svg",
      availability: "in_stock",
      price: "185000 VND",
      condition: "new",
      brand: "HTX Nông nghiệp Gia Phú",
      identifier_exists: "no",
      shipping: "country=VN;service=Giao ngoài xã (theo cân nặng);price=45000 VND",
    })
    expect(items[1]).toMatchObject({
      id: "honey_250",
      item_group_id: "prod_honey",
      availability: "out_of_stock",
      price: "90000 VND",
      brand: "Hộ kinh doanh Nguyễn Thị Lan",
    })
    // Without a weight no shipping price is claimed (Merchant Center's own settings apply).
    expect(items[1]).not.toHaveProperty("shipping")
    // The honey's seller has its own tariff: its 800 g bottle ships for that seller's price.
    expect(items[2]).toMatchObject({
      id: "MO-500",
      gtin: "8938505974194",
      price: "160000 VND",
      shipping: "country=VN;service=Giao ngoài xã (theo cân nặng);price=19000 VND",
    })
    expect(items[2]).not.toHaveProperty("identifier_exists")
  })

  it("drops control characters XML 1.0 cannot carry instead of breaking the document", () => {
    const [rice] = catalogue()
    const dirty = { ...rice!, title: "Gạo\u0000 \u0007Séng Cù\u000B" }
    const parsed = parseXml(googleMerchantFeed(CHANNEL, feedItems([dirty], "https://x")))
    const item = child(child(parsed, "channel")!, "item")!
    expect(fields(item).title).toBe("Gạo Séng Cù")
  })

  it("claims no shipping price when the backend's tariff is not known", () => {
    const parsed = parseXml(googleMerchantFeed(CHANNEL, feedItems(catalogue(), "https://x")))
    const first = child(child(parsed, "channel")!, "item")!
    expect(fields(first)).toMatchObject({ id: "GAO-5KG", price: "185000 VND" })
    expect(fields(first)).not.toHaveProperty("shipping")
  })
})
