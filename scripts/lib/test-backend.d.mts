export type SeededBackend = {
  url: string
  publishableKey: string
  databaseUrl: string
  jwtSecret: string
  stop: () => Promise<void>
}
export declare function startSeededBackend(options?: {
  log?: (line: string) => void
  /** Extra environment variables for the backend. */
  env?: Record<string, string>
}): Promise<SeededBackend>
