// Read at request time, never at module load: one build can be started against any
// traceability service.
export function traceabilityUrl(): string {
  return (process.env.TRACEABILITY_URL || "http://localhost:9100").replace(/\/+$/, "")
}

/** How long a scan waits for the service before the page says it is unavailable. */
export const TRACE_TIMEOUT_MS = 3_000
