/** The traceability service could not answer: down, unreachable, slow, misconfigured or failing. */
export class TraceUnavailableError extends Error {
  override name = "TraceUnavailableError"
}
