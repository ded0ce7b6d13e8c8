import { describe, expect, it } from "vitest"
import { msg, reasonText, schemaText } from "./messages.js"

describe("the message catalogue", () => {
  it("has every message in Vietnamese, apart from its English", () => {
    for (const [key, say] of Object.entries(msg)) {
      const text = (say as (...args: unknown[]) => { vi: string; en: string })(
        "FIELD",
        "X",
        "Y",
        "Z",
      )
      expect(text.vi, key).toBeTruthy()
      expect(text.en, key).toBeTruthy()
      expect(text.vi, key).not.toBe(text.en)
    }
  })

  it("names the field in schema failures in both languages", () => {
    for (const keyword of ["required", "type", "maxLength", "minimum", "enum", "pattern", "x"]) {
      const text = schemaText(keyword, "area.village", {
        type: "string",
        limit: 3,
        allowedValues: ["kg"],
      })
      expect(text.vi, keyword).toContain("area.village")
      expect(text.en, keyword).toContain("area.village")
    }
    expect(reasonText("count", "must be at most 5000")).toEqual({
      vi: "count không được lớn hơn 5000",
      en: "count must be at most 5000",
    })
  })
})
