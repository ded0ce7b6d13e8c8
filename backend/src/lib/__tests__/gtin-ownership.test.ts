import { gtinSpellings } from "../gtin-ownership"

describe("gtinSpellings", () => {
  it("spells one GTIN every way a variant may carry it", () => {
    expect(gtinSpellings("036000291452")).toEqual([
      "00036000291452",
      "0036000291452",
      "036000291452",
    ])
    expect(gtinSpellings("0036000291452")).toEqual(gtinSpellings("00036000291452"))
    expect(gtinSpellings("96385074")).toEqual([
      "00000096385074",
      "0000096385074",
      "000096385074",
      "96385074",
    ])
    expect(gtinSpellings("8930000000019")).toEqual(["08930000000019", "8930000000019"])
  })

  it("ignores what cannot be a GTIN", () => {
    expect(gtinSpellings("GAO-5KG")).toEqual([])
    expect(gtinSpellings("1234567")).toEqual([])
  })
})
