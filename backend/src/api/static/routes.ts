import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import express from "express"
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
    const name = filePath.split(/[\\/]/).pop() ?? "file"
    const kind = INLINE.test(name) ? "inline" : "attachment"
    res.setHeader("Content-Disposition", `${kind}; filename="${name.replace(/[^\w.-]/g, "_")}"`)
  },
})

function serveStoredFile(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  for (const [name, value] of Object.entries(STATIC_FILE_HEADERS)) res.setHeader(name, value)
  // Express strips the mount path from req.url; serve-static reads the rest of it.
  serve(req as never, res as never, next)
}

export const staticRoutes: MiddlewareRoute[] = [
  { matcher: "/static", middlewares: [serveStoredFile] },
]
