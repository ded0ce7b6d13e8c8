/** An HS256 token like the backend's, for the operator (actor type "user"). */
export declare function operatorToken(secret: string, actorId?: string): string
export declare function ensureDemoTrace(options: {
  backendUrl: string
  traceabilityUrl: string
  publishableKey: string
  jwtSecret: string
  /** Where the demo remembers its batches; .data/demo-trace.json by default. */
  statePath?: string
}): Promise<{
  batchId: string
  stampUrl: string
  qrUrl: string
  /** A stamp buyers have scanned before (its verdict says how often). */
  scannedStampUrl: string
  /** A stamp voided as part of a lost roll. */
  voidedStampUrl: string
  batches: { handle: string; batchId: string; stamps: number }[]
}>
