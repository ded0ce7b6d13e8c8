export type SeededBackend = {
  url: string
  publishableKey: string
  databaseUrl: string
  jwtSecret: string
  stop: () => Promise<void>
}
export declare function startSeededBackend(options?: {
  log?: (line: string) => void
}): Promise<SeededBackend>
