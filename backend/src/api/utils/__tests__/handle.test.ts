import { toHandle } from "../handle"

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
