import { describe, expect, it } from "vitest"
import {
  findLink,
  GS1_VOC,
  knownLinkType,
  type LinkInput,
  linkLevels,
  toLinkset,
} from "./linkset.js"

const input: LinkInput = {
  publicUrl: "https://tem.test",
  storefrontUrl: "https://cho.test",
  gtin: "09506000134352",
  lotCode: "ST25/01",
  serial: "7K3M9Q2XAB4C5D6E7F8G",
  batchId: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
  productHandle: "gao-st25",
  productTitle: "Gạo ST25",
}

const defaults = (linkset: ReturnType<typeof toLinkset>) =>
  linkset.linkset.flatMap((context) => (context[`${GS1_VOC}defaultLink`] as unknown[]) ?? [])

describe("linkLevels and toLinkset", () => {
  it("gives a stamp links at the stamp, lot and product levels with one default", () => {
    const levels = linkLevels(input)
    expect(levels.map((level) => level.anchor)).toEqual([
      "https://tem.test/01/09506000134352/10/ST25%2F01/21/7K3M9Q2XAB4C5D6E7F8G",
      "https://tem.test/01/09506000134352/10/ST25%2F01",
      "https://tem.test/01/09506000134352",
    ])
    const linkset = toLinkset(levels)
    expect(defaults(linkset)).toEqual([
      expect.objectContaining({ href: "https://cho.test/vi/trace/7K3M9Q2XAB4C5D6E7F8G" }),
    ])
    expect(linkset.linkset[1]![`${GS1_VOC}traceability`]).toEqual([
      {
        href: `https://tem.test/batches/${input.batchId}/epcis`,
        title: "Nhật ký lô hàng (EPCIS)",
        type: "application/ld+json",
        hreflang: ["vi"],
      },
    ])
    expect(linkset.linkset[2]![`${GS1_VOC}pip`]).toEqual([
      expect.objectContaining({ href: "https://cho.test/vi/products/gao-st25", type: "text/html" }),
    ])
  })

  it("makes the product page the default of a lot and of a product", () => {
    const lot = linkLevels({ ...input, serial: null })
    expect(lot).toHaveLength(2)
    expect(defaults(toLinkset(lot))).toHaveLength(1)
    expect(lot[0]!.links["gs1:defaultLink"]?.href).toBe("https://cho.test/vi/products/gao-st25")

    const product = linkLevels({ ...input, serial: null, lotCode: null, batchId: null })
    expect(product.map((level) => level.anchor)).toEqual(["https://tem.test/01/09506000134352"])
    expect(defaults(toLinkset(product))).toHaveLength(1)
  })

  it("anchors a stamp without a GTIN at its short URI and its batch", () => {
    const levels = linkLevels({ ...input, gtin: null })
    expect(levels.map((level) => level.anchor)).toEqual([
      "https://tem.test/s/7K3M9Q2XAB4C5D6E7F8G",
      `https://tem.test/batches/${input.batchId}`,
    ])
    expect(findLink(levels, "gs1:pip")?.href).toBe("https://cho.test/vi/products/gao-st25")
    expect(defaults(toLinkset(levels))).toHaveLength(1)
  })

  it("falls back to the shop's front page when the product's page is unknown", () => {
    const levels = linkLevels({ ...input, serial: null, productHandle: null })
    expect(findLink(levels, "gs1:pip")).toBeNull()
    expect(levels[0]!.links["gs1:defaultLink"]?.href).toBe("https://cho.test/vi")
  })
})

describe("GS1's linkset rules", () => {
  it("describes every level, the stamp, its lot and its product", () => {
    const linkset = toLinkset(linkLevels(input))
    expect(linkset.linkset.map((context) => context.itemDescription)).toEqual([
      "Gạo ST25 - lô ST25/01 - tem 7K3M9Q2XAB4C5D6E7F8G",
      "Gạo ST25 - lô ST25/01",
      "Gạo ST25",
    ])
  })

  it("gives the default link a title and no other attribute", () => {
    for (const levels of [
      linkLevels(input),
      linkLevels({ ...input, serial: null }),
      linkLevels({ ...input, serial: null, productHandle: null }),
    ]) {
      expect(Object.keys(findLink(levels, "gs1:defaultLink")!).sort()).toEqual(["href", "title"])
    }
  })
})

describe("findLink", () => {
  it("searches from the most specific level up", () => {
    const levels = linkLevels(input)
    expect(findLink(levels, "gs1:defaultLink")?.href).toBe(
      "https://cho.test/vi/trace/7K3M9Q2XAB4C5D6E7F8G",
    )
    expect(findLink(levels, "gs1:traceability")?.href).toMatch(/\/epcis$/)
    expect(
      findLink(linkLevels({ ...input, batchId: null, serial: null }), "gs1:traceability"),
    ).toBe(null)
  })
})

describe("knownLinkType", () => {
  it("accepts short and full names of our link types only", () => {
    expect(knownLinkType("gs1:pip")).toBe("gs1:pip")
    expect(knownLinkType("https://gs1.org/voc/traceability")).toBe("gs1:traceability")
    // GS1's current address for its vocabulary names the same link types.
    expect(knownLinkType("https://ref.gs1.org/voc/traceability")).toBe("gs1:traceability")
    expect(knownLinkType("https://ref.gs1.org/voc/recipeInfo")).toBeNull()
    expect(knownLinkType("https://example.org/voc/pip")).toBeNull()
    expect(knownLinkType("gs1:recipeInfo")).toBeNull()
    expect(knownLinkType("pip")).toBeNull()
  })
})
