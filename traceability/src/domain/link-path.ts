import { msg, type Text } from "../messages.js"
import { gtinProblem, lotCodeText, MAX_LOT_LENGTH, normaliseGtin } from "./digital-link.js"

/**
 * Parses the path of a request to the resolver: a GS1 Digital Link
 * `/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}]` or the platform's short `/s/{serial}`.
 * Syntax errors name the offending part, because a conformant resolver answers them with 400.
 */

export type ParsedLink =
  | {
      kind: "gtin"
      /** GTIN-14. */
      gtin: string
      cpv: string | null
      lot: string | null
      serial: string | null
    }
  | { kind: "short"; serial: string }

export type LinkParse =
  | { ok: true; link: ParsedLink }
  | { ok: false; field: string; reason: string; text: Text }

/** Key qualifiers of AI 01, in the only order GS1 allows. */
const QUALIFIERS = [
  { ai: "22", field: "cpv" },
  { ai: "10", field: "lot" },
  { ai: "21", field: "serial" },
] as const

const GS1_CHARSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/

const fail = (field: string, text: Text): LinkParse => ({ ok: false, field, reason: text.en, text })

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function valueProblem(field: string, value: string): Text | null {
  if (field === "lot") return lotCodeText(value)
  if (value.length === 0) return msg.linkEmpty(field)
  if (value.length > MAX_LOT_LENGTH) return msg.linkTooLong(field, MAX_LOT_LENGTH)
  if (!GS1_CHARSET_82.test(value)) return msg.linkCharset(field)
  return null
}

/** `path` is the request path without its query string, still percent-encoded. */
export function parseLinkPath(path: string): LinkParse {
  // A trailing slash is tolerated, nothing else empty.
  const segments = path.replace(/^\/+/, "").replace(/\/$/, "").split("/")

  if (segments[0] === "s") {
    if (segments.length !== 2) return fail("path", msg.shortUri())
    const serial = decode(segments[1]!)
    if (serial === null || serial === "") return fail("serial", msg.serialInvalid())
    return { ok: true, link: { kind: "short", serial } }
  }

  if (segments[0] !== "01") return fail("path", msg.digitalLinkStart())
  if (segments.length % 2 !== 0) {
    return fail("path", msg.digitalLinkPairs())
  }
  const gtinInput = decode(segments[1]!) ?? ""
  const gtin = normaliseGtin(gtinInput)
  if (!gtin.ok) return fail("gtin", gtinProblem(gtinInput)!)

  const values: Record<string, string | null> = { cpv: null, lot: null, serial: null }
  let next = 0
  for (let i = 2; i < segments.length; i += 2) {
    const ai = segments[i]!
    const position = QUALIFIERS.findIndex((q) => q.ai === ai)
    if (position === -1) return fail("path", msg.notQualifier(ai))
    if (position < next) {
      return fail("path", msg.qualifierOrder())
    }
    next = position + 1
    const { field } = QUALIFIERS[position]!
    const value = decode(segments[i + 1]!)
    if (value === null) return fail(field, msg.linkPercent(field))
    const problem = valueProblem(field, value)
    if (problem) return fail(field, problem)
    values[field] = value
  }
  return {
    ok: true,
    link: {
      kind: "gtin",
      gtin: gtin.gtin,
      cpv: values.cpv!,
      lot: values.lot!,
      serial: values.serial!,
    },
  }
}
