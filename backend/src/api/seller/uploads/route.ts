import { randomBytes } from "node:crypto"
import { open, unlink } from "node:fs/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  detectImageFormat,
  IMAGE_FORMATS,
  type ImageFormat,
  reencodeImage,
  SIGNATURE_BYTES,
  UnreadableImageError,
} from "../../../lib/images"
import { sellerUploadLimits, sellerUploadUsage } from "../../../lib/seller-uploads"
import { uploadSellerFilesWorkflow } from "../../../workflows/upload-seller-files"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { badRequest } from "../../utils/errors"
import { quotaExceeded, UPLOAD_FIELD } from "./middlewares"

/** A part multer spooled to disk. */
interface SpooledFile {
  originalname: string
  path: string
}

async function readSignature(file: string) {
  const handle = await open(file, "r")
  try {
    const head = Buffer.alloc(SIGNATURE_BYTES)
    const { bytesRead } = await handle.read(head, 0, SIGNATURE_BYTES, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

const notAPicture = (name: string) =>
  badRequest(UPLOAD_FIELD, {
    vi: `Chỉ nhận ảnh JPEG, PNG hoặc WebP (${name})`,
    en: `Only JPEG, PNG or WebP images are accepted (${name})`,
  })

/**
 * Stores product photos (multipart field "files"). Each file must be a JPEG, PNG or WebP by its
 * bytes; it is decoded and re-encoded (dropping EXIF, GPS included) and stored under a random
 * name with the detected type's extension. One bad file refuses the whole request and stores
 * nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  // multer's array() (middlewares.ts) leaves a list here, never its per-field dictionary.
  const files: SpooledFile[] = Array.isArray(req.files) ? req.files : []
  try {
    if (!files.length) {
      throw badRequest(UPLOAD_FIELD, { vi: "Chưa chọn ảnh nào", en: "No files were uploaded" })
    }
    // One at a time: a decoded photo is large, ten at once would be ten times that.
    const pictures: { format: ImageFormat; data: Buffer }[] = []
    for (const file of files) {
      const format = detectImageFormat(await readSignature(file.path))
      if (!format) throw notAPicture(file.originalname)
      try {
        pictures.push({ format, data: await reencodeImage(file.path, format) })
      } catch (error) {
        if (error instanceof UnreadableImageError) throw notAPicture(file.originalname)
        throw error
      }
    }

    const access = sellerAccess(req)
    const { quotaBytes } = sellerUploadLimits()
    const { bytes: used } = await sellerUploadUsage(req.scope, access.sellerId)
    const adding = pictures.reduce((sum, p) => sum + p.data.length, 0)
    if (used + adding > quotaBytes) throw quotaExceeded(quotaBytes)

    const { result } = await uploadSellerFilesWorkflow(req.scope).run({
      input: {
        seller_id: access.sellerId,
        commune_code: access.communeCode,
        actor: sellerActor(access),
        files: pictures.map(({ format, data }) => ({
          filename: `${randomBytes(16).toString("hex")}.${IMAGE_FORMATS[format].extension}`,
          mimeType: IMAGE_FORMATS[format].mimeType,
          content: data.toString("base64"),
          bytes: data.length,
        })),
      },
    })
    res.status(201).json({ files: result.map((f) => ({ id: f.id, url: f.url })) })
  } finally {
    await Promise.all(files.map((f) => unlink(f.path).catch(() => undefined)))
  }
}
