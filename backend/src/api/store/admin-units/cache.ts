import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * Admin units change only when an operator imports a new list; pickers may reuse an answer for
 * ten minutes rather than ask the backend on every keystroke.
 */
export function cacheForPickers(res: MedusaResponse) {
  res.setHeader("Cache-Control", "public, max-age=600")
}
