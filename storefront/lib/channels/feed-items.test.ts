import { describe, expect, it } from "vitest"
import { feedItems } from "./feed-items"
import { catalogue, TRICKY_TITLE } from "./test-products"

describe("feedItems", () => {
  it("makes one item per priced variant, grouped by product when it has several", () => {
    const items = feedItems(catalogue(), "https://cho.example")
    expect(items.map((i) => [i.id, i.groupId, i.title, i.price, i.inStock])).toEqual([
      ["GAO-5KG", null, TRICKY_TITLE, 185000, true],
      ["honey_250", "prod_honey", "Mật ong rừng - chai 250 ml", 90000, false],
      ["MO-500", "prod_honey", "Mật ong rừng - chai 500 ml", 160000, true],
    ])
    expect(items[0]).toMatchObject({
      link: "https://cho.example/vi/products/gao-seng-cu",
      imageLink: "http://b/static/gao.svg",
      additionalImageLinks: ["http://b/static/gao-2.svg"],
      brand: "HTX Nông nghiệp Gia Phú",
    })
    // No description: the title stands in (Meta requires one); no image: none is made up.
    expect(items[1]).toMatchObject({ description: "Mật ong rừng", imageLink: null })
  })

  it("leaves out products without a seller and prices in another currency", () => {
    const [rice] = catalogue()
    if (!rice) throw new Error("no rice")
    expect(feedItems([{ ...rice, seller: null }], "https://x")).toEqual([])
    const euro = {
      ...rice,
      variants: [{ ...rice.variants[0]!, price: { amount: 5, currencyCode: "eur" } }],
    }
    expect(feedItems([euro], "https://x")).toEqual([])
  })
})
