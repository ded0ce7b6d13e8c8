import { z } from "zod"
import { ApiError } from "../errors"
import { requestLang } from "../i18n"
import { ownMessage, parseInput } from "../validate"

const failure = (schema: z.ZodType, input: unknown) => {
  try {
    parseInput(schema, input)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error("expected a validation error")
}

describe("parseInput", () => {
  it("names the nested field and speaks both languages", () => {
    const schema = z.strictObject({
      variants: z.array(z.strictObject({ price: z.number().int() })),
    })
    const error = failure(schema, { variants: [{ price: 1 }, { price: "x" }] })
    expect(error.status).toBe(400)
    expect(error.field).toBe("variants.1.price")
    expect(error.text.en).toBe('"variants.1.price" must be a number')
    expect(error.text.vi).toBe('"variants.1.price" phải là số')
  })

  it("reports a missing field and an unknown one", () => {
    const schema = z.strictObject({ name: z.string() })
    expect(failure(schema, {}).text.en).toBe('"name" is required')
    const unknown = failure(schema, { name: "a", nam: "b" })
    expect(unknown.field).toBe("nam")
  })

  it("uses our own bilingual messages but not zod's bars", () => {
    expect(ownMessage("Giá phải là số đồng nguyên|Prices are whole dong")).toEqual({
      vi: "Giá phải là số đồng nguyên",
      en: "Prices are whole dong",
    })
    expect(ownMessage("expected one of 3|4|5")).toBeNull()
    expect(ownMessage("expected one of 3|4")).toBeNull()
    const stars = failure(z.object({ stars: z.literal([3, 4, 5]) }), { stars: 2 })
    expect(stars.field).toBe("stars")
    expect(stars.text.en).toMatch(/"stars" must be one of: 3, 4, 5/)
  })

  it("refuses over-long text naming the limit and the length typed, never cutting it", () => {
    const schema = z.strictObject({ title: z.string().trim().min(2).max(200) })
    const error = failure(schema, { title: `  ${"Gạo ".repeat(66)}x  ` })
    expect(error.status).toBe(400)
    expect(error.field).toBe("title")
    expect(error.text.vi).toBe('"title" chỉ được tối đa 200 ký tự (đã nhập 265)')
    expect(error.text.en).toBe('"title" must have at most 200 characters (265 given)')
    const list = failure(z.object({ ids: z.array(z.string()).max(1) }), { ids: ["a", "b"] })
    expect(list.text.en).toBe('"ids" must have at most 1 items')
  })

  it("returns the parsed value when the input is valid", () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: "5" })).toEqual({ n: 5 })
  })
})

describe("requestLang", () => {
  const lang = (header?: string) => requestLang({ headers: { "accept-language": header } })
  it("follows Accept-Language, Vietnamese first", () => {
    expect(lang()).toBe("vi")
    expect(lang("en-US,en;q=0.9")).toBe("en")
    expect(lang("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi")
    expect(lang("fr-FR,en;q=0.5")).toBe("en")
    expect(lang("en;q=0.4,vi;q=0.6")).toBe("vi")
    expect(lang("de")).toBe("vi")
  })
})
