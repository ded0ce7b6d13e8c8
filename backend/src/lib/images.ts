import sharp from "sharp"

/** The only picture formats the platform stores, with the extension and type each is served as. */
export const IMAGE_FORMATS = {
  jpeg: { extension: "jpg", mimeType: "image/jpeg" },
  png: { extension: "png", mimeType: "image/png" },
  webp: { extension: "webp", mimeType: "image/webp" },
} as const

export type ImageFormat = keyof typeof IMAGE_FORMATS

/** Bytes enough to recognise every accepted format. */
export const SIGNATURE_BYTES = 12

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * The format a file's first bytes say it is, or null. The client's declared type and the file's
 * name are never asked: an HTML page called photo.png labelled image/png is still HTML.
 */
export function detectImageFormat(head: Uint8Array): ImageFormat | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "jpeg"
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "png"
  if (
    bytes.length >= 12 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  ) {
    return "webp"
  }
  return null
}

/** The longest side a stored picture keeps: sharp enough for a product page, small to serve. */
export const MAX_IMAGE_SIDE = 2560
/** A decompression bomb (a small file of a huge canvas) is refused before it is decoded. */
export const MAX_INPUT_PIXELS = 50_000_000

export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super(`The picture could not be decoded: ${cause instanceof Error ? cause.message : cause}`)
    this.name = "UnreadableImageError"
  }
}

/**
 * Decodes a picture of a known format and writes a new file of the same format from its pixels
 * alone: whatever else the file carried (EXIF with the phone's GPS position, comments, trailing
 * bytes, a second payload) is gone. The EXIF orientation is applied first, so the photo stays
 * upright without it.
 */
export async function reencodeImage(input: string | Buffer, format: ImageFormat): Promise<Buffer> {
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
    const { format: decoded } = await image.metadata()
    // The signature and the decoder must agree; a JPEG header on another container is refused.
    if (decoded !== format) throw new Error(`signature says ${format}, decoder says ${decoded}`)
    const pipeline = image
      .rotate()
      .resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: "inside", withoutEnlargement: true })
    switch (format) {
      case "jpeg":
        return await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
      case "png":
        return await pipeline.png({ compressionLevel: 9 }).toBuffer()
      case "webp":
        return await pipeline.webp({ quality: 85 }).toBuffer()
    }
  } catch (error) {
    throw new UnreadableImageError(error)
  }
}
