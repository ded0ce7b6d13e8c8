// Stripe's request encoding: application/x-www-form-urlencoded with bracket nesting, as the
// `stripe` SDK (qs) and Stripe.js send it: `metadata[session_id]=x`, `expand[]=latest_charge`,
// `expand[0]=latest_charge`, `payment_method_data[billing_details][name]=An`; and the parameter
// checks with Stripe's error format.

const UNSAFE = new Set(["__proto__", "prototype", "constructor"])

/** Splits `a[b][0][]` into ["a", "b", "0", ""]; a key without brackets is one segment. */
export function keySegments(key) {
  const open = key.indexOf("[")
  if (open <= 0) return [key]
  const segments = [key.slice(0, open)]
  const rest = key.slice(open)
  const pattern = /\[([^\]]*)\]/g
  let match = pattern.exec(rest)
  let consumed = 0
  while (match && match.index === consumed) {
    segments.push(match[1])
    consumed = pattern.lastIndex
    match = pattern.exec(rest)
  }
  // Text after a malformed bracket stays part of the last segment, like qs does.
  if (consumed < rest.length) segments[segments.length - 1] += rest.slice(consumed)
  return segments
}

const isIndex = (segment) => segment === "" || /^\d+$/.test(segment)

/** Parses a form body (string, Buffer or URLSearchParams) into nested objects and arrays. */
export function parseForm(input) {
  const params = input instanceof URLSearchParams ? input : new URLSearchParams(String(input ?? ""))
  const root = {}
  for (const [key, value] of params) {
    const segments = keySegments(key)
    if (segments.some((s) => UNSAFE.has(s))) continue
    let node = root
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]
      const last = i === segments.length - 1
      if (Array.isArray(node) && segment === "") {
        if (last) node.push(value)
        else {
          const child = isIndex(segments[i + 1]) ? [] : {}
          node.push(child)
          node = child
        }
        continue
      }
      if (last) {
        node[segment] = value
        break
      }
      const existing = node[segment]
      if (existing === null || typeof existing !== "object") {
        node[segment] = isIndex(segments[i + 1]) ? [] : {}
      }
      node = node[segment]
    }
  }
  return compactArrays(root)
}

/** Arrays built from sparse indices (`a[2]=x` alone) lose their holes, as in qs. */
function compactArrays(value) {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays)
  if (value && typeof value === "object") {
    for (const key of Object.keys(value)) value[key] = compactArrays(value[key])
  }
  return value
}

/** The inverse, for tests and clients: nested objects/arrays to a bracket-encoded body. */
export function encodeForm(value, prefix = "", out = new URLSearchParams()) {
  if (value === undefined) return out
  if (value === null || typeof value !== "object") {
    out.append(prefix, value === null ? "" : String(value))
    return out
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  for (const [key, child] of entries) encodeForm(child, prefix ? `${prefix}[${key}]` : key, out)
  return out
}

// --- parameter checks, failing like Stripe (`{ error: { type, code, message, param } }`) ---

/** A Stripe API error: thrown by the checks, answered as `{ error }` with its status. */
export class StripeFailure extends Error {
  constructor(status, error) {
    super(error.message)
    this.status = status
    this.error = error
  }
}
export const fail = (status, message, fields = {}) => {
  throw new StripeFailure(status, { type: "invalid_request_error", message, ...fields })
}
/** Stripe rejects parameters it does not know. */
export function allow(params, names) {
  for (const name of Object.keys(params)) {
    if (!names.includes(name) && !name.startsWith("_")) {
      fail(400, `Received unknown parameter: ${name}`, { code: "parameter_unknown", param: name })
    }
  }
}
export function integer(params, name, { required = false, min = 0 } = {}) {
  const raw = params[name]
  if (raw === undefined || raw === "") {
    if (required)
      fail(400, `Missing required param: ${name}.`, { code: "parameter_missing", param: name })
    return undefined
  }
  const code = "parameter_invalid_integer"
  if (!/^-?\d+$/.test(String(raw))) fail(400, `Invalid integer: ${raw}`, { code, param: name })
  const value = Number(raw)
  if (value < min)
    fail(400, `This value must be greater than or equal to ${min}.`, { code, param: name })
  return value
}
export function choice(params, name, options, fallback = null) {
  const value = params[name]
  if (value === undefined || value === "") return fallback
  if (!options.includes(value)) {
    fail(400, `Invalid ${name}: must be one of ${options.join(", ")}`, { param: name })
  }
  return value
}
/** Stripe merges metadata on update: `metadata[k]=` removes k, `metadata=` removes all. */
export function mergeMetadata(current, update) {
  if (update === undefined) return current
  if (update === "") return {}
  if (typeof update !== "object" || Array.isArray(update)) {
    fail(400, "Invalid object", { param: "metadata" })
  }
  const merged = { ...current }
  for (const [key, value] of Object.entries(update)) {
    if (typeof value !== "string")
      fail(400, "Invalid metadata value", { param: `metadata[${key}]` })
    if (value === "") delete merged[key]
    else merged[key] = value
  }
  return merged
}
