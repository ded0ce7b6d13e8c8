import { TRACE_TIMEOUT_MS, traceabilityUrl } from "./config"
import { TraceUnavailableError } from "./errors"
import { isApiProvenance, isNotGenuineAnswer, reshapeProvenance } from "./reshape"
import type { Provenance } from "./types"

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function unavailable(serial: string, reason: string, cause?: unknown): TraceUnavailableError {
  console.error(`[traceability] resolve ${serial} failed: ${reason}`)
  return new TraceUnavailableError(`resolve ${serial} failed: ${reason}`, { cause })
}

/**
 * What the traceability service says about a stamp serial. The scan was counted when the phone
 * hit the resolver; this read counts nothing, and `scanId` (the `scan` query parameter of the
 * resolver's redirect) gives that scan's own verdict. Never cached: counts and verdicts change.
 * Throws TraceUnavailableError when the service cannot give a verdict; a 404 only means "not
 * genuine" when the service itself says so, so a misconfigured TRACEABILITY_URL never brands a
 * real stamp as fake.
 */
export async function getProvenance(serial: string, scanId?: string): Promise<Provenance> {
  const query = scanId ? `?scan=${encodeURIComponent(scanId)}` : ""
  const url = `${traceabilityUrl()}/stamps/${encodeURIComponent(serial)}/provenance${query}`
  let response: Response
  let body: unknown
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      cache: "no-store",
      redirect: "manual",
      signal: AbortSignal.timeout(TRACE_TIMEOUT_MS),
    })
    body = await response.json().catch(() => undefined)
  } catch (error) {
    throw unavailable(serial, describe(error), error)
  }
  if (response.status === 200 && isApiProvenance(body)) return reshapeProvenance(body)
  // A scan id from an edited or stale link: the stamp's standing verdict is still worth showing.
  if (response.status === 400 && scanId) return getProvenance(serial)
  if (response.status === 404 && isNotGenuineAnswer(body)) {
    return { verdict: "not_genuine", serial }
  }
  throw unavailable(serial, `unexpected answer HTTP ${response.status}`)
}
