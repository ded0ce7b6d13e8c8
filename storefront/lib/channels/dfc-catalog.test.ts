import { readFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import jsonld from "jsonld"
import { describe, expect, it } from "vitest"
import type { Seller } from "../medusa/types"
import { DFC_CONTEXT_URL, dfcCatalogue, VND_UNIT } from "./dfc-catalog"
import { feedItems } from "./feed-items"
import { catalogue, TRICKY_TITLE } from "./test-products"

const VENDORED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../vendor/dfc/context_1.8.2.json",
)
const DFC =
  "https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#"

/** Expands with jsonld.js, the DFC context read from the repository: never the network. */
async function expand(doc: object) {
  const context = JSON.parse(await readFile(VENDORED, "utf8"))
  return jsonld.expand(doc, {
    documentLoader: async (url) => {
      if (url !== DFC_CONTEXT_URL) throw new Error(`unexpected context ${url}`)
      return { contextUrl: null, documentUrl: url, document: context }
    },
  })
}

function seller(handle: string, name: string): Seller {
  return {
    id: handle,
    handle,
    name,
    kind: "cooperative",
    description: null,
    address: "Thôn Phú Xuân",
    phone: null,
    logoUrl: null,
    commune: { code: "02923", name: "Xã Gia Phú" },
    province: { code: "15", name: "Tỉnh Lào Cai" },
    village: null,
    productCount: 1,
  }
}

type Node = Record<string, unknown> & { "@id": string; "@type": string[] }
const value = (node: Node | undefined, term: string) =>
  (node?.[`${DFC}${term}`] as { "@value"?: unknown; "@id"?: string }[] | undefined)?.map(
    (v) => v["@value"] ?? v["@id"],
  )

describe("dfcCatalogue", () => {
  const base = "https://cho.example/feeds/dfc-catalog.jsonld"
  const doc = dfcCatalogue(
    [
      seller("htx-gia-phu", "HTX Nông nghiệp Gia Phú"),
      seller("hkd-lan", "Hộ kinh doanh Nguyễn Thị Lan"),
    ],
    feedItems(catalogue(), "https://cho.example"),
    base,
  )

  it("expands with the DFC context into the business ontology's enterprise, items, offers and products", async () => {
    const nodes = (await expand(doc)) as Node[]
    const ofType = (type: string) => nodes.filter((n) => n["@type"].includes(`${DFC}${type}`))
    expect(ofType("Enterprise")).toHaveLength(2)
    expect(ofType("SuppliedProduct")).toHaveLength(3)
    expect(ofType("CatalogItem")).toHaveLength(3)
    expect(ofType("Offer")).toHaveLength(3)
    const byId = new Map(nodes.map((n) => [n["@id"], n]))

    const [rice] = ofType("CatalogItem")
    const product = byId.get(value(rice, "references")?.[0] as string)
    expect(product?.["@type"]).toEqual([`${DFC}SuppliedProduct`])
    expect(value(product, "name")).toEqual([TRICKY_TITLE])
    expect(value(rice, "sku")).toEqual(["GAO-5KG"])
    const offer = byId.get(value(rice, "offeredThrough")?.[0] as string)
    const price = (offer?.[`${DFC}hasPrice`] as Node[] | undefined)?.[0]
    expect(price?.["@type"]).toEqual([`${DFC}Price`])
    expect(value(price, "value")).toEqual([185000])
    // hasUnit is an object property in the context: the unit is an IRI, not a string.
    expect(value(price, "hasUnit")).toEqual([VND_UNIT])

    const [gaPhu] = ofType("Enterprise")
    expect(value(gaPhu, "name")).toEqual(["HTX Nông nghiệp Gia Phú"])
    expect(value(gaPhu, "manages")).toEqual([rice?.["@id"]])
    const address = byId.get(value(gaPhu, "hasAddress")?.[0] as string)
    expect(value(address, "city")).toEqual(["Xã Gia Phú"])
  })

  it("marks an item that cannot be ordered with a stock limit of 0, and only that one", async () => {
    const nodes = (await expand(doc)) as Node[]
    const items = nodes.filter((n) => n["@type"].includes(`${DFC}CatalogItem`))
    expect(items.map((i) => value(i, "stockLimitation"))).toEqual([undefined, [0], undefined])
  })

  it("keeps every node's id under the catalogue's own URL", () => {
    for (const node of doc["@graph"]) expect(node["@id"].startsWith(`${base}#`)).toBe(true)
  })
})
