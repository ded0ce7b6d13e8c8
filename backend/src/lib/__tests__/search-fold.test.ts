import { fold } from "@coop/contracts/text"
import { describe, expect, it } from "vitest"
import { FOLD_FROM, FOLD_TO, searchWords } from "../search-fold"

describe("the SQL fold", () => {
  it("gives translate() one plain letter for every Vietnamese letter", () => {
    expect([...FOLD_FROM]).toHaveLength([...FOLD_TO].length)
    expect([...FOLD_FROM]).toHaveLength(134)
    expect(FOLD_TO).toMatch(/^[a-zA-Z]+$/)
    for (const [i, letter] of [...FOLD_FROM].entries()) {
      expect(FOLD_TO[i]!.toLowerCase()).toBe(fold(letter))
    }
    for (const letter of "ỳýỷỹỵĐđỮ") expect(FOLD_FROM).toContain(letter)
  })
})

describe("searchWords", () => {
  it("turns each typed word into a LIKE pattern that matches only what was typed", () => {
    expect(searchWords("  Lò  văn ")).toEqual(["%lo%", "%van%"])
    expect(searchWords("50%_off\\")).toEqual(["%50\\%\\_off\\\\%"])
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8)
    expect(searchWords("   ")).toEqual([])
  })
})
