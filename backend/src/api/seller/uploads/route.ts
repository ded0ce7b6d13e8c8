import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { badRequest } from "../../utils/errors"

interface UploadedFile {
  originalname: string
  mimetype: string
  buffer: Buffer
}

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"])

/** Stores product photos (multipart field "files") through Medusa's file module. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const files = (req as unknown as { files?: UploadedFile[] }).files ?? []
  if (!files.length) {
    throw badRequest("files", { vi: "Chưa chọn ảnh nào", en: "No files were uploaded" })
  }
  const wrong = files.find((f) => !IMAGE_TYPES.has(f.mimetype))
  if (wrong) {
    throw badRequest("files", {
      vi: `Chỉ nhận ảnh JPEG, PNG hoặc WebP (${wrong.originalname})`,
      en: `Only JPEG, PNG or WebP images are accepted (${wrong.originalname})`,
    })
  }
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: files.map((f) => ({
        filename: f.originalname,
        mimeType: f.mimetype,
        content: f.buffer.toString("base64"),
        access: "public" as const,
      })),
    },
  })
  res.status(201).json({ files: result.map((f) => ({ id: f.id, url: f.url })) })
}
