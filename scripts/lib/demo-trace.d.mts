/** An HS256 token like the backend's, for the operator (actor type "user"). */
export declare function operatorToken(secret: string, actorId?: string): string
export declare function ensureDemoTrace(options: {
  backendUrl: string
  traceabilityUrl: string
  publishableKey: string
  jwtSecret: string
}): Promise<{ batchId: string; stampUrl: string; qrUrl: string }>
