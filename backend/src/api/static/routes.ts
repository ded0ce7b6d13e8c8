import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import express from "express"
import { type S3Settings, s3Settings } from "../../lib/file-storage"
import { uploadDir } from "../../lib/upload-dir"

/** Types a browser may show inline; anything else (SVG or HTML from before uploads were checked) downloads. */
const INLINE = /\.(jpe?g|png|webp)$/i

/**
 * Stored files are served from the backend's own origin, the one the Medusa admin runs on, so a
 * file must never run as a page there: no sniffing into HTML, no script, no form, no plugin, even
 * if an old upload holds markup.
 */
export const STATIC_FILE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Referrer-Policy": "no-referrer",
} as const

const serve = express.static(uploadDir(), {
  index: false,
  redirect: false,
  dotfiles: "deny",
  fallthrough: true,
  setHeaders: (res, filePath) => {
    res.setHeader(
      "Content-Disposition",
      contentDisposition(filePath.split(/[\\/]/).pop() ?? "file"),
    )
  },
})

function contentDisposition(name: string) {
  const kind = INLINE.test(name) ? "inline" : "attachment"
  return `${kind}; filename="${name.replace(/[^\w.-]/g, "_")}"`
}

/**
 * With S3 settings the files live in the bucket (every backend instance sees every upload): the
 * object is streamed from there with the same headers as a file from disk.
 */
function s3Reader(s3: S3Settings) {
  const client = new S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  })
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next()
    let key: string
    try {
      key = decodeURIComponent(req.url.split("?")[0].replace(/^\/+/, ""))
    } catch {
      return next()
    }
    // No folder walking and no hidden files, as serve-static refuses them on disk.
    if (!key || key.split("/").some((part) => part === ".." || part.startsWith("."))) return next()
    try {
      const object = await client.send(
        new GetObjectCommand({ Bucket: s3.bucket, Key: `${s3.prefix}${key}` }),
      )
      const name = key.split("/").pop() ?? "file"
      res.setHeader("Content-Type", object.ContentType ?? "application/octet-stream")
      if (object.ContentLength !== undefined) res.setHeader("Content-Length", object.ContentLength)
      if (object.ETag) res.setHeader("ETag", object.ETag)
      res.setHeader("Cache-Control", "public, max-age=31536000, immutable")
      res.setHeader("Content-Disposition", contentDisposition(name))
      if (req.method === "HEAD" || !object.Body) return res.status(200).end()
      const body = Buffer.from(await object.Body.transformToByteArray())
      res.status(200).end(body)
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode
      if (status === 404 || (error as Error).name === "NoSuchKey") return next()
      next(error)
    }
  }
}

const s3 = s3Settings()
const readFromBucket = s3 ? s3Reader(s3) : null

function serveStoredFile(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  for (const [name, value] of Object.entries(STATIC_FILE_HEADERS)) res.setHeader(name, value)
  if (readFromBucket) {
    void readFromBucket(req, res, next)
    return
  }
  // Express strips the mount path from req.url; serve-static reads the rest of it.
  serve(req as never, res as never, next)
}

export const staticRoutes: MiddlewareRoute[] = [
  { matcher: "/static", middlewares: [serveStoredFile] },
]
