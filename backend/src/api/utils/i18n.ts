import { type Lang, preferredLang } from "@coop/contracts/i18n"
import type { MedusaRequest } from "@medusajs/framework/http"

export type { Lang, Text } from "@coop/contracts/i18n"

/** The language a request asked for (Accept-Language): English when preferred, else Vietnamese. */
export function requestLang(req: Pick<MedusaRequest, "headers">): Lang {
  return preferredLang(req.headers["accept-language"])
}
