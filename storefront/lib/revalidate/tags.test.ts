import { describe, expect, it } from "vitest"
import { parseTags } from "./tags"

describe("parseTags", () => {
  it("keeps the storefront's own tags once and reports others as ignored", () => {
    expect(parseTags({ tags: ["products", "batches", "products", "carts"] })).toEqual({
      ok: true,
      tags: ["products", "batches"],
      ignored: ["carts"],
    })
  })

  it("refuses bodies that are not a short list of strings", () => {
    for (const body of [null, {}, { tags: [] }, { tags: "products" }, { tags: [1] }]) {
      expect(parseTags(body).ok).toBe(false)
    }
    expect(parseTags({ tags: Array.from({ length: 51 }, () => "products") }).ok).toBe(false)
  })
})
