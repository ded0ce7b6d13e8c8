import sharp from "sharp"
import { detectImageFormat, reencodeImage, UnreadableImageError } from "../images"

const picture = (format: "jpeg" | "png" | "webp" | "gif" | "tiff") =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: "#c33" } })
    .toFormat(format)
    .toBuffer()

describe("detectImageFormat", () => {
  it("recognises JPEG, PNG and WebP by their bytes and nothing else", async () => {
    expect(detectImageFormat(await picture("jpeg"))).toBe("jpeg")
    expect(detectImageFormat(await picture("png"))).toBe("png")
    expect(detectImageFormat(await picture("webp"))).toBe("webp")
    expect(detectImageFormat(await picture("gif"))).toBeNull()
    expect(detectImageFormat(await picture("tiff"))).toBeNull()
    expect(detectImageFormat(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull()
    expect(detectImageFormat(Buffer.from("<!doctype html><script>"))).toBeNull()
    expect(detectImageFormat(Buffer.alloc(0))).toBeNull()
  })
})

describe("reencodeImage", () => {
  it("refuses a file whose body is not the picture its signature claims", async () => {
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from("<html>"),
    ])
    await expect(reencodeImage(fake, "png")).rejects.toBeInstanceOf(UnreadableImageError)
    await expect(reencodeImage(await picture("jpeg"), "png")).rejects.toBeInstanceOf(
      UnreadableImageError,
    )
  })

  it("keeps the format and shrinks a picture larger than the stored size", async () => {
    const big = await sharp({
      create: { width: 3000, height: 1000, channels: 3, background: "#3c3" },
    })
      .webp()
      .toBuffer()
    const out = await reencodeImage(big, "webp")
    expect(await sharp(out).metadata()).toMatchObject({ format: "webp", width: 2560 })
  })
})
