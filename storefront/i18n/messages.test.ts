import { describe, expect, it } from "vitest"
import en from "../messages/en.json"
import vi from "../messages/vi.json"

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

describe("messages", () => {
  it("has the same keys in Vietnamese and English", () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort())
  })
})
