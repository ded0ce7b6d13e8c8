import { SaxesParser } from "saxes"
import { describe, expect, it } from "vitest"
import {
  buildInvoice,
  INVOICE_SERIES,
  periodBounds,
  shippingRate,
  splitSeries,
  TAX_CODE,
  vietnamDay,
} from "../invoice"
import { vndInWords } from "../words"
import { invoiceFileName, invoiceXml } from "../xml"

type El = { name: string; attributes: Record<string, string>; children: El[]; text: string }

/** Parses with a real XML parser (saxes throws on anything not well-formed) into a small tree. */
function parse(xml: string): El {
  const parser = new SaxesParser()
  const stack: El[] = [{ name: "#doc", attributes: {}, children: [], text: "" }]
  parser.on("opentag", (tag) => {
    const el: El = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: "",
    }
    stack.at(-1)!.children.push(el)
    stack.push(el)
  })
  parser.on("text", (text) => {
    stack.at(-1)!.text += text
  })
  parser.on("closetag", () => {
    stack.pop()
  })
  parser.write(xml).close()
  return stack[0]!.children[0]!
}

const child = (el: El, ...path: string[]): El =>
  path.reduce((at, name) => {
    const next = at.children.find((c) => c.name === name)
    if (!next) throw new Error(`no ${name} in ${at.name}`)
    return next
  }, el)
const all = (el: El, name: string) => el.children.filter((c) => c.name === name)
const num = (el: El, ...path: string[]) => Number(child(el, ...path).text)

describe("amounts in Vietnamese words", () => {
  it.each([
    [0, "Không đồng"],
    [15_000, "Mười lăm nghìn đồng"],
    [185_000, "Một trăm tám mươi lăm nghìn đồng"],
    [1_000_005, "Một triệu không trăm linh năm đồng"],
    [2_401_000, "Hai triệu bốn trăm linh một nghìn đồng"],
    [1_000_000_000, "Một tỷ đồng"],
    [21, "Hai mươi mốt đồng"],
    [11, "Mười một đồng"],
    [105, "Một trăm linh năm đồng"],
    [1_015_000, "Một triệu không trăm mười lăm nghìn đồng"],
    [3_000_050_000, "Ba tỷ không trăm năm mươi nghìn đồng"],
    [
      1_234_567_891,
      "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng",
    ],
  ])("%i → %s", (amount, words) => {
    expect(vndInWords(amount)).toBe(words)
  })

  it("refuses fractions and negatives", () => {
    expect(() => vndInWords(1.5)).toThrow(RangeError)
    expect(() => vndInWords(-1)).toThrow(RangeError)
  })
})

describe("tax code, series and period", () => {
  it("accepts 10 digits or a branch's 10-3, nothing else", () => {
    for (const ok of ["0101234567", "0101234567-001"]) expect(TAX_CODE.test(ok)).toBe(true)
    for (const bad of ["010123456", "0101234567-01", "01012345678", "0101234567001", "abc"]) {
      expect(TAX_CODE.test(bad)).toBe(false)
    }
  })

  it("accepts Circular 78 series with or without the form digit", () => {
    for (const ok of ["1C26TAA", "C26TAA", "2K26TYY", "1C27MAB"]) {
      expect(INVOICE_SERIES.test(ok)).toBe(true)
    }
    for (const bad of ["1A26TAA", "7C26TAA", "1C6TAA", "1C26QAA", "1C26Taa", "1C26TAAA", ""]) {
      expect(INVOICE_SERIES.test(bad)).toBe(false)
    }
    expect(splitSeries("1C26TAA", "household")).toEqual({ form: "1", series: "C26TAA" })
    expect(splitSeries("C26TAA", "cooperative")).toEqual({ form: "1", series: "C26TAA" })
    expect(splitSeries("C26TAA", "household")).toEqual({ form: "2", series: "C26TAA" })
  })

  it("bounds a month in Vietnam time and refuses anything else", () => {
    const bounds = periodBounds("2026-12")!
    expect(bounds.from.toISOString()).toBe("2026-11-30T17:00:00.000Z")
    expect(bounds.to.toISOString()).toBe("2026-12-31T17:00:00.000Z")
    for (const bad of ["2026-13", "2026-1", "202612", "12-2026", ""]) {
      expect(periodBounds(bad)).toBeNull()
    }
    expect(vietnamDay(new Date("2026-11-30T18:00:00Z"))).toEqual({
      day: "2026-12-01",
      period: "2026-12",
    })
  })

  it("ships at the goods' rate, or their highest", () => {
    expect(shippingRate(["KCT", "KCT"])).toBe("KCT")
    expect(shippingRate(["KCT", "5%"])).toBe("5%")
    expect(shippingRate(["10%", "5%"])).toBe("10%")
  })
})

describe("an invoice of a paid part", () => {
  const input = {
    form: "1",
    series: "C26TAA",
    number: 7,
    issued_on: "2026-12-05",
    payment_method: "cod",
    reference: "DH1043",
    seller: {
      name: "HTX Lúa gạo <Gia Phú> & Co",
      tax_code: "5300000001",
      address: "Thôn Phú Xuân",
    },
    buyer: { name: "Nguyễn Văn An", address: "Xã Gia Phú", phone: "0912000111" },
    lines: [
      {
        code: "gao",
        name: "Gạo Séng Cù",
        unit: "túi",
        quantity: 2,
        amount: 370_000,
        vat_rate: "KCT" as const,
      },
      {
        code: "mien",
        name: "Miến dong",
        unit: "gói",
        quantity: 3,
        amount: 100_000,
        vat_rate: "5%" as const,
      },
      {
        code: "ruou",
        name: "Rượu ngô",
        unit: "chai",
        quantity: 1,
        amount: 123_457,
        vat_rate: "10%" as const,
      },
      {
        code: null,
        name: "Phí vận chuyển",
        unit: "lần",
        quantity: 1,
        amount: 30_000,
        vat_rate: "10%" as const,
      },
    ],
  }

  it("splits VAT per line in whole dong and every total adds up to what the buyer paid", () => {
    const invoice = buildInvoice(input)
    expect(invoice.lines.map((l) => [l.vat_rate, l.net, l.vat])).toEqual([
      ["KCT", 370_000, 0],
      ["5%", 95_238, 4_762],
      ["10%", 112_234, 11_223],
      ["10%", 27_273, 2_727],
    ])
    expect(invoice.rates).toEqual([
      { vat_rate: "KCT", net: 370_000, vat: 0 },
      { vat_rate: "5%", net: 95_238, vat: 4_762 },
      { vat_rate: "10%", net: 139_507, vat: 13_950 },
    ])
    expect(invoice.total).toBe(623_457)
    expect(invoice.total_net + invoice.total_vat).toBe(invoice.total)
    expect(invoice.total_in_words).toBe("Sáu trăm hai mươi ba nghìn bốn trăm năm mươi bảy đồng")
  })

  it("renders well-formed XML in the HDon layout whose numbers add up", () => {
    const xml = invoiceXml(buildInvoice(input))
    const root = parse(xml)
    expect(root.name).toBe("HDon")
    const data = child(root, "DLHDon")
    expect(data.attributes.Id).toBe("C26TAA-7")
    const general = child(data, "TTChung")
    expect(child(general, "KHMSHDon").text).toBe("1")
    expect(child(general, "KHHDon").text).toBe("C26TAA")
    expect(child(general, "SHDon").text).toBe("7")
    expect(child(general, "NLap").text).toBe("2026-12-05")
    expect(child(general, "DVTTe").text).toBe("VND")
    expect(child(general, "HTTToan").text).toBe("Tiền mặt")
    const body = child(data, "NDHDon")
    expect(child(body, "NBan", "Ten").text).toBe("HTX Lúa gạo <Gia Phú> & Co")
    expect(child(body, "NBan", "MST").text).toBe("5300000001")
    expect(child(body, "NMua", "HVTNMHang").text).toBe("Nguyễn Văn An")
    const lines = all(child(body, "DSHHDVu"), "HHDVu")
    expect(lines.map((l) => child(l, "TSuat").text)).toEqual(["KCT", "5%", "10%", "10%"])
    expect(lines.map((l) => num(l, "STT"))).toEqual([1, 2, 3, 4])
    expect(child(lines[0]!, "DVTinh").text).toBe("túi")
    expect(num(lines[0]!, "DGia")).toBe(185_000)
    const totals = child(body, "TToan")
    const byRate = all(child(totals, "THTTLTSuat"), "LTSuat")
    const net = lines.reduce((s, l) => s + num(l, "ThTien"), 0)
    expect(byRate.reduce((s, r) => s + num(r, "ThTien"), 0)).toBe(net)
    expect(num(totals, "TgTCThue")).toBe(net)
    const vat = byRate.reduce((s, r) => s + num(r, "TThue"), 0)
    expect(num(totals, "TgTThue")).toBe(vat)
    expect(num(totals, "TgTTTBSo")).toBe(net + vat)
    expect(num(totals, "TgTTTBSo")).toBe(623_457)
    for (const el of [...lines.flatMap((l) => [child(l, "ThTien")]), child(totals, "TgTTTBSo")]) {
      expect(Number.isInteger(Number(el.text))).toBe(true)
    }
    expect(child(totals, "TgTTTBChu").text).toBe(vndInWords(623_457))
    expect(child(root, "DSCKS").children.map((c) => c.name)).toEqual(["NBan"])
    expect(invoiceFileName(buildInvoice(input))).toBe("1C26TAA-00000007.xml")
  })

  it("a sales invoice (form 2) carries no VAT", () => {
    const invoice = buildInvoice({ ...input, form: "2" })
    expect(invoice.rates).toEqual([])
    expect(invoice.total_vat).toBe(0)
    expect(invoice.total_net).toBe(623_457)
    const root = parse(invoiceXml(invoice))
    const body = child(root, "DLHDon", "NDHDon")
    expect(child(root, "DLHDon", "TTChung", "THDon").text).toBe("HÓA ĐƠN BÁN HÀNG")
    expect(all(child(body, "DSHHDVu"), "HHDVu").every((l) => !all(l, "TSuat").length)).toBe(true)
    expect(all(child(body, "TToan"), "THTTLTSuat")).toEqual([])
    expect(all(child(body, "TToan"), "TgTThue")).toEqual([])
  })
})
