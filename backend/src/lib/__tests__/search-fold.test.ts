import { describe, expect, it } from "vitest"
import { FOLD_FROM, FOLD_TO, foldForSearch, searchWords } from "../search-fold"

describe("foldForSearch", () => {
  it("finds a Vietnamese name typed without diacritics", () => {
    expect(foldForSearch("Lò Văn Sinh")).toBe("lo van sinh")
    expect(foldForSearch("HỢP TÁC XÃ  Đường   Nghị")).toBe("hop tac xa duong nghi")
    expect(foldForSearch("Lò Văn Sinh".normalize("NFD"))).toBe("lo van sinh")
  })

  it("gives translate() one plain letter for every Vietnamese letter", () => {
    expect([...FOLD_FROM]).toHaveLength([...FOLD_TO].length)
    expect([...FOLD_FROM]).toHaveLength(134)
    expect(FOLD_TO).toMatch(/^[a-zA-Z]+$/)
    for (const [i, letter] of [...FOLD_FROM].entries()) {
      expect(FOLD_TO[i]!.toLowerCase()).toBe(foldForSearch(letter))
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
