import { createHash } from "node:crypto"
import { LruCache } from "../cache/lru.js"

/**
 * The QR images of stamps (`GET /stamps/:serial.png|.svg`), rendered once and kept: a serial's
 * URI never changes, so neither does its image. Bounded (least recently used first out); two
 * requests missing the same image at once share one rendering.
 */

export type QrFormat = "png" | "svg"

export interface QrImage {
  bytes: Buffer
  /** A strong validator of the bytes, for If-None-Match. */
  etag: string
}

export type QrRenderer = (uri: string, format: QrFormat) => Promise<Buffer>

export class QrImageCache {
  private readonly images: LruCache<string, QrImage>
  private readonly pending = new Map<string, Promise<QrImage | null>>()
  /** Images rendered so far (tests read it: a cached image is not rendered again). */
  renders = 0

  constructor(
    private readonly render: QrRenderer,
    maxImages = 2_000,
  ) {
    // About 10 KB an image at most: 2,000 of them stay within ~20 MB.
    this.images = new LruCache(maxImages, Number.POSITIVE_INFINITY)
  }

  /** The image of `serial`, rendered from `uriOf` on a miss; null when the serial has no stamp. */
  get(
    serial: string,
    format: QrFormat,
    uriOf: (serial: string) => Promise<string | null>,
  ): QrImage | Promise<QrImage | null> {
    const key = `${format}:${serial}`
    const cached = this.images.get(key)
    if (cached) return cached
    let pending = this.pending.get(key)
    if (!pending) {
      pending = this.fill(key, serial, format, uriOf).finally(() => this.pending.delete(key))
      this.pending.set(key, pending)
    }
    return pending
  }

  private async fill(
    key: string,
    serial: string,
    format: QrFormat,
    uriOf: (serial: string) => Promise<string | null>,
  ): Promise<QrImage | null> {
    const uri = await uriOf(serial)
    if (!uri) return null
    this.renders += 1
    const bytes = await this.render(uri, format)
    const digest = createHash("sha256").update(bytes).digest("base64url").slice(0, 22)
    const image = { bytes, etag: `"${digest}"` }
    this.images.set(key, image)
    return image
  }
}
