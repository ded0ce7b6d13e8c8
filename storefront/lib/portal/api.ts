import { headers } from "next/headers"
import type { Locale } from "@/i18n/routing"
import { backendUrl } from "@/lib/medusa/config"
import { traceabilityUrl } from "@/lib/traceability/config"
import { type PortalSession, readPortalSession } from "./session"

// The portals' one door to the backend's /seller, /helper and /commune APIs and to the
// traceability service. Answers are never cached: they are one person's working data.

export type ApiError = {
  status: number
  /** The backend's or traceability service's message, in the person's language (Accept-Language). */
  message: string
  /** The offending field, when the backend names one. */
  field: string | null
  /** The machine-readable error code (`error` in the body), stable across languages. */
  code?: string | null
}

export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; error: ApiError }

type CallOptions = {
  method?: string
  body?: unknown
  locale: Locale
  /** Use this token instead of the session's (sign-in, sign-up). */
  token?: string | null
  /** FormData bodies (uploads) are sent as they are. */
  form?: FormData
  headers?: Record<string, string>
}

const TIMEOUT_MS = 10_000

async function call<T>(base: string, path: string, options: CallOptions): Promise<ApiResult<T>> {
  const requestHeaders: Record<string, string> = {
    accept: "application/json",
    "accept-language": options.locale,
    ...options.headers,
  }
  if (options.token) requestHeaders.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) requestHeaders["content-type"] = "application/json"
  let response: Response
  try {
    response = await fetch(`${base}${path}`, {
      method: options.method ?? "GET",
      headers: requestHeaders,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    console.error(`[portal] ${options.method ?? "GET"} ${path} failed: ${(error as Error).message}`)
    return { ok: false, error: { status: 0, message: "", field: null } }
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (response.ok) return { ok: true, data: body as T, status: response.status }
  const shaped = (body ?? {}) as { message?: unknown; field?: unknown; error?: unknown }
  return {
    ok: false,
    error: {
      status: response.status,
      message: typeof shaped.message === "string" ? shaped.message : "",
      field: typeof shaped.field === "string" ? shaped.field : null,
      code: typeof shaped.error === "string" ? shaped.error : null,
    },
  }
}

/**
 * The token that acts now: a member's or officer's own; for a helper acting for a seller, a
 * fresh delegated token for that seller (they live 15 minutes; asking per request is one small
 * call and means a revoked grant stops at once).
 */
export async function actingToken(session: PortalSession, locale: Locale): Promise<string | null> {
  if (session.actor !== "helper" || !session.actingFor) return session.token
  const result = await call<{ token: string }>(
    backendUrl(),
    `/helper/sellers/${encodeURIComponent(session.actingFor)}/token`,
    { method: "POST", locale, token: session.token },
  )
  return result.ok ? result.data.token : null
}

/** A call to the backend as the signed-in person (or with `token`). */
export async function backend<T>(path: string, options: CallOptions): Promise<ApiResult<T>> {
  let token = options.token
  if (token === undefined) {
    const session = await readPortalSession()
    token = session ? await actingToken(session, options.locale) : null
  }
  return call<T>(backendUrl(), path, { ...options, token })
}

/** A call to the traceability service as the signed-in person. */
export async function traceability<T>(path: string, options: CallOptions): Promise<ApiResult<T>> {
  let token = options.token
  if (token === undefined) {
    const session = await readPortalSession()
    token = session ? await actingToken(session, options.locale) : null
  }
  return call<T>(traceabilityUrl(), path, { ...options, token })
}

/** The request's own origin, for links the browser follows back to this app. */
export async function requestOrigin(): Promise<string> {
  const h = await headers()
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"
  const proto = h.get("x-forwarded-proto") ?? "http"
  return `${proto}://${host}`
}
