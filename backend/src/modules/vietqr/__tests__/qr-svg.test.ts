import { Resvg } from "@resvg/resvg-js"
import jsQR from "jsqr"
import { QRPay } from "vietnam-qr-pay"
import { vietQrForPart } from "../part"
import { buildVietQrPayload, VietQrInputError } from "../payload"
import { vietQrSvg } from "../qr-svg"

/** Rasterises an SVG and reads the QR code in it. */
function scan(svg: string, width = 400): string | null {
  const image = new Resvg(svg, { fitTo: { mode: "width", value: width }, background: "white" })
  const rendered = image.render()
  const code = jsQR(new Uint8ClampedArray(rendered.pixels), rendered.width, rendered.height)
  return code?.data ?? null
}

describe("vietQrSvg", () => {
  it("renders a QR code that decodes to the exact payload", async () => {
    const payload = buildVietQrPayload({
      bankBin: "970405",
      accountNumber: "1507205123456",
      amount: 185000,
      bill: "DH1042",
      purpose: "Thanh toan DH1042",
    })
    const svg = await vietQrSvg(payload)
    expect(scan(svg)).toBe(payload)
    // Also at the small size a phone screen shows it.
    expect(scan(svg, 200)).toBe(payload)
  })

  it("renders the longest payload we can build", async () => {
    const payload = buildVietQrPayload({
      bankBin: "970418",
      accountNumber: "9".repeat(19),
      amount: 9_999_999_999_999,
      bill: "D".repeat(25),
      purpose: "P".repeat(25),
    })
    expect(scan(await vietQrSvg(payload))).toBe(payload)
  })

  it("is a standalone SVG with a viewBox and an explicit size", async () => {
    const svg = await vietQrSvg("000201010212")
    expect(svg.startsWith("<svg")).toBe(true)
    expect(svg.endsWith("</svg>")).toBe(true)
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(svg).toMatch(/viewBox="0 0 (\d+) \1"/)
    expect(svg).toContain('width="256"')
    expect(svg).toContain('height="256"')
    // Rendered at its own size, it is that big.
    const rendered = new Resvg(svg).render()
    expect(rendered.width).toBe(256)
    expect(rendered.height).toBe(256)
  })

  it("refuses an empty payload", async () => {
    await expect(vietQrSvg("")).rejects.toThrow(/non-empty/)
  })
})

describe("vietQrForPart", () => {
  const part = {
    bankBin: "970405",
    accountNumber: "1507205123456",
    accountName: " HTX NONG NGHIEP GIA PHU ",
    amount: 185000,
    reference: "DH1042",
  }

  it("returns the payload, a scannable SVG of it and the details to show", async () => {
    const result = await vietQrForPart(part)
    expect(result).toMatchObject({
      bank_bin: "970405",
      bank_name: "Agribank",
      account_number: "1507205123456",
      account_name: "HTX NONG NGHIEP GIA PHU",
      amount: 185000,
      reference: "DH1042",
      purpose: "DH1042",
    })
    expect(scan(result.svg)).toBe(result.payload)
    const qr = new QRPay(result.payload)
    expect(qr.isValid).toBe(true)
    expect(qr.consumer.bankBin).toBe("970405")
    expect(qr.consumer.bankNumber).toBe("1507205123456")
    expect(qr.amount).toBe("185000")
    expect(qr.additionalData.billNumber).toBe("DH1042")
    expect(qr.additionalData.purpose).toBe("DH1042")
  })

  it("keeps the reference in the transfer description", async () => {
    const added = await vietQrForPart({ ...part, purpose: "Thanh toán" })
    expect(added.purpose).toBe("Thanh toan DH1042")
    expect(new QRPay(added.payload).additionalData.purpose).toBe("Thanh toan DH1042")
    const present = await vietQrForPart({ ...part, purpose: "dh1042 gao ST25" })
    expect(present.purpose).toBe("dh1042 gao ST25")
  })

  it("reports unknown banks and missing names as null", async () => {
    const result = await vietQrForPart({ ...part, bankBin: "970999", accountName: null })
    expect(result.bank_name).toBeNull()
    expect(result.account_name).toBeNull()
    expect(new QRPay(result.payload).consumer.bankBin).toBe("970999")
  })

  it("names the field when the part cannot be encoded", async () => {
    const cases: Array<[Partial<typeof part> & { purpose?: string }, string]> = [
      [{ reference: "DH-1042" }, "bill"],
      [{ reference: "" }, "bill"],
      [{ purpose: "Thanh toan don hang gao" }, "purpose"],
      [{ amount: 0 }, "amount"],
      [{ bankBin: "9704" }, "bankBin"],
      [{ accountNumber: "" }, "accountNumber"],
    ]
    for (const [change, field] of cases) {
      const error = await vietQrForPart({ ...part, ...change }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VietQrInputError)
      expect((error as VietQrInputError).field).toBe(field)
    }
  })
})
