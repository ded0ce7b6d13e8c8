import jsQRModule from "jsqr"
import { describe, expect, it } from "vitest"
import { QUIET_ZONE, qrMatrix, qrPathOperators } from "./qr.js"

const jsQR = jsQRModule as unknown as typeof jsQRModule.default

/** Paints the `x y w 1 re` operators into a bitmap, as a PDF viewer would fill them. */
function paint(operators: string, modules: number, scale: number) {
  const size = (modules + 2 * QUIET_ZONE) * scale
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255)
  for (const line of operators.split("\n")) {
    const [x, y, w, h, op] = line.split(" ")
    expect(op).toBe("re")
    for (let py = Number(y) * scale; py < (Number(y) + Number(h)) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
        pixels.fill(0, (py * size + px) * 4, (py * size + px) * 4 + 3)
      }
    }
  }
  return { pixels, size }
}

describe("QR path operators", () => {
  const uri = "https://tem.example.vn/01/08930000000019/10/LOT-1/21/0123456789ABCDEFGHJK"

  it("cover exactly the dark modules, one rectangle per horizontal run", () => {
    const matrix = qrMatrix(uri)
    const operators = qrPathOperators(matrix, 0)
    const dark = new Uint8Array(matrix.size * matrix.size)
    for (const line of operators.split("\n")) {
      const [x, y, w] = line.split(" ").map(Number) as [number, number, number]
      expect(dark[y * matrix.size + x - 1] && x > 0).toBeFalsy() // runs are maximal
      for (let i = 0; i < w; i++) dark[y * matrix.size + x + i] = 1
    }
    expect([...dark]).toEqual([...matrix.data])
  })

  it("draw a code that an independent decoder reads back", () => {
    const matrix = qrMatrix(uri)
    const { pixels, size } = paint(qrPathOperators(matrix), matrix.size, 4)
    expect(jsQR(pixels, size, size)?.data).toBe(uri)
  })
})
