import { randomBytes } from "node:crypto"
import { mkdirSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import {
  MAX_FILE_BYTES,
  MAX_FILES,
  sellerUploadLimits,
  sellerUploadUsage,
} from "../../../lib/seller-uploads"
import { sellerAccess } from "../../utils/access"
import { type ApiError, badRequest, tooLarge, tooManyRequests } from "../../utils/errors"

export const UPLOAD_FIELD = "files"

// Parts go to temporary files as they arrive, so a request holds no picture in memory while it
// is received; the route deletes them when it is done, multer when it refuses the request.
const spool = path.join(tmpdir(), "coop-seller-uploads")
mkdirSync(spool, { recursive: true })

const receive = multer({
  storage: multer.diskStorage({
    destination: spool,
    filename: (_req, _file, done) => done(null, randomBytes(16).toString("hex")),
  }),
  limits: {
    fileSize: MAX_FILE_BYTES,
    files: MAX_FILES,
    fields: 10,
    fieldSize: 10 * 1024,
    parts: MAX_FILES + 10,
    headerPairs: 100,
  },
}).array(UPLOAD_FIELD, MAX_FILES)

const tooManyFiles = () =>
  badRequest(UPLOAD_FIELD, {
    vi: `Mỗi lần tải lên tối đa ${MAX_FILES} ảnh`,
    en: `At most ${MAX_FILES} pictures per upload`,
  })

/** What went wrong in a multipart body, in words the seller can act on. */
function refusal(error: multer.MulterError | Error): ApiError | Error {
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case "LIMIT_FILE_SIZE":
        return tooLarge(UPLOAD_FIELD, {
          vi: `Mỗi ảnh tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB`,
          en: `Each picture may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        })
      case "LIMIT_FILE_COUNT":
        return tooManyFiles()
      case "LIMIT_UNEXPECTED_FILE":
        // multer also says this when the array's own field has one file too many.
        if (error.field === UPLOAD_FIELD) return tooManyFiles()
        return badRequest(UPLOAD_FIELD, {
          vi: `Ảnh phải được gửi trong trường "${UPLOAD_FIELD}", không phải "${error.field}"`,
          en: `Pictures go in the field "${UPLOAD_FIELD}", not "${error.field}"`,
        })
      default:
        return badRequest(error.field || UPLOAD_FIELD, {
          vi: "Yêu cầu tải lên có quá nhiều trường hoặc trường quá dài",
          en: "The upload has too many or too long form fields",
        })
    }
  }
  // The disk failing is the server's problem; everything busboy says is about the body it got.
  if ((error as NodeJS.ErrnoException).code) return error
  return badRequest(UPLOAD_FIELD, {
    vi: "Dữ liệu tải lên bị hỏng hoặc không đầy đủ, vui lòng gửi lại",
    en: "The upload is malformed or incomplete; send it again",
  })
}

/**
 * Refuses an upload while the seller is over its hourly rate or storage quota, before a byte of
 * the body is read; the route checks the quota again with the new pictures' real sizes.
 */
export async function checkUploadAllowance(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const limits = sellerUploadLimits()
  const usage = await sellerUploadUsage(req.scope, sellerAccess(req).sellerId)
  if (usage.recentFiles >= limits.filesPerHour) {
    throw tooManyRequests(
      {
        vi: `Đã tải lên ${usage.recentFiles} ảnh trong một giờ qua (tối đa ${limits.filesPerHour}); vui lòng thử lại sau`,
        en: `${usage.recentFiles} pictures uploaded in the last hour (at most ${limits.filesPerHour}); try again later`,
      },
      usage.secondsUntilOldestExpires,
      UPLOAD_FIELD,
    )
  }
  if (usage.bytes >= limits.quotaBytes) throw quotaExceeded(limits.quotaBytes)
  next()
}

export const quotaExceeded = (quotaBytes: number) =>
  tooLarge(UPLOAD_FIELD, {
    vi: `Đã dùng hết dung lượng lưu ảnh (${Math.round(quotaBytes / 1024 / 1024)} MB); liên hệ quản trị để được thêm`,
    en: `The picture storage quota (${Math.round(quotaBytes / 1024 / 1024)} MB) is used up; ask the operator for more`,
  })

/** Receives the multipart body within the limits, turning every refusal into a 4xx. */
export function receiveUploads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  receive(req as never, res as never, (error?: unknown) => {
    if (error) return next(refusal(error as Error))
    next()
  })
}
