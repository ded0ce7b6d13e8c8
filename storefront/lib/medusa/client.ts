import Medusa from "@medusajs/js-sdk"
import { backendUrl, publishableKey } from "./config"

let cached: { key: string; sdk: Medusa } | undefined

/** The js-sdk client for the backend and key configured right now (rebuilt if they change). */
export function medusa(): Medusa {
  const baseUrl = backendUrl()
  const key = `${baseUrl}|${publishableKey() ?? ""}`
  if (cached?.key !== key) {
    cached = { key, sdk: new Medusa({ baseUrl, publishableKey: publishableKey() }) }
  }
  return cached.sdk
}
