import { describe, expect, it } from "vitest"
import { asciiSlug, bankText, fold, payeeName, stripMarks, toHandle } from "./text.js"

describe("fold", () => {
  it("strips tones and marks, maps đ to d, lowers case and spaces", () => {
    expect(fold("  Phường  Ba Đình ")).toBe("phuong ba dinh")
    expect(fold("ĐẮK LẮK")).toBe("dak lak")
    expect(fold("Thành phố Hồ Chí Minh")).toBe("thanh pho ho chi minh")
    expect(fold("Lò Văn Sinh")).toBe("lo van sinh")
    expect(fold("HỢP TÁC XÃ  Đường   Nghị")).toBe("hop tac xa duong nghi")
  })

  it("folds decomposed (NFD) input the same as composed", () => {
    expect(fold("Ba Đình".normalize("NFD"))).toBe(fold("Ba Đình"))
    expect(fold("Lò Văn Sinh".normalize("NFD"))).toBe("lo van sinh")
  })

  it("keeps case and spacing when only stripping marks", () => {
    expect(stripMarks("Gạo  Séng Cù")).toBe("Gao  Seng Cu")
    expect(stripMarks("ĐẶC SẢN")).toBe("DAC SAN")
  })
})

describe("bank text", () => {
  it("writes a transfer's purpose as banks print it", () => {
    expect(bankText("Trả   tiền\tđơn\n42")).toBe("Tra tien don 42")
    expect(bankText("Mua ĐẶC SẢN")).toBe("Mua DAC SAN")
    // What has no ASCII form stays, for the caller to refuse.
    expect(bankText("Giá 5₫")).toBe("Gia 5₫")
  })

  it("writes the account holder in capitals without diacritics", () => {
    expect(payeeName("  Hợp tác xã  Đồng Tâm ")).toBe("HOP TAC XA DONG TAM")
    expect(payeeName("lò văn sinh")).toBe("LO VAN SINH")
  })
})

describe("toHandle", () => {
  it("writes a Vietnamese name without diacritics, in lower case, words joined by hyphens", () => {
    expect(toHandle("HTX Nông nghiệp Gia Phú")).toBe("htx-nong-nghiep-gia-phu")
    expect(toHandle("  Đặc sản (túi 5 kg)! ")).toBe("dac-san-tui-5-kg")
  })

  it("keeps at most 60 characters and never ends a long name's handle with a hyphen", () => {
    const handle = toHandle(`Gạo nếp cẩm PolishX ${"đặc sản vùng cao Lào Cai ".repeat(8)}`)
    expect(handle).toBe("gao-nep-cam-polishx-dac-san-vung-cao-lao-cai-dac-san-vung-ca")
    const cutAtSpace = toHandle(`${"a".repeat(59)} b`)
    expect(cutAtSpace).toBe("a".repeat(59))
  })
})

describe("asciiSlug", () => {
  it("keeps letters and digits, case included, for file names", () => {
    expect(asciiSlug("Gia Phú")).toBe("Gia-Phu")
    expect(asciiSlug(" Xã Đồng Tâm (2026-Q3) ")).toBe("Xa-Dong-Tam-2026-Q3")
  })
})
