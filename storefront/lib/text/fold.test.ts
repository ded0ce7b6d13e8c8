import { describe, expect, it } from "vitest"
import { matchUnits } from "./fold"

const HANOI = [
  { code: "00004", name: "Phường Ba Đình" },
  { code: "00008", name: "Phường Ngọc Hà" },
  { code: "00103", name: "Phường Đống Đa" },
  { code: "09999", name: "Xã Đình Bả" },
  { code: "10000", name: "Xã Yên Bài" },
]

describe("matchUnits", () => {
  it("finds Ba Đình from 'ba dinh' typed without diacritics, first", () => {
    const found = matchUnits(HANOI, "ba dinh")
    expect(found[0]?.name).toBe("Phường Ba Đình")
    expect(found.map((u) => u.code)).toEqual(["00004", "09999"])
  })

  it("matches with diacritics, with đ typed as d and in any word order", () => {
    expect(matchUnits(HANOI, "Đống Đa").map((u) => u.code)).toEqual(["00103"])
    expect(matchUnits(HANOI, "dong da").map((u) => u.code)).toEqual(["00103"])
    expect(matchUnits(HANOI, "ha ngoc").map((u) => u.code)).toEqual(["00008"])
  })

  it("returns every unit for an empty query and none for no match", () => {
    expect(matchUnits(HANOI, "  ")).toHaveLength(HANOI.length)
    expect(matchUnits(HANOI, "ben thanh")).toEqual([])
  })
})
