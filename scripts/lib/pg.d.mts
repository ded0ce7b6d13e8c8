export declare const ROOT: string
export declare const EMBEDDED_PORT: number
export declare function isPortOpen(
  port: number,
  host?: string,
  timeoutMs?: number,
): Promise<boolean>
export declare function withDatabase(url: string, database: string): string
export declare function databaseName(url: string): string
export type ResolvedPostgres = {
  /** URL of the server's maintenance database ("postgres"). */
  serverUrl: string
  embedded: boolean
  /** Stops the server only when this call started it. */
  stop: () => Promise<void>
}
export declare function resolvePostgres(options?: {
  log?: (line: string) => void
}): Promise<ResolvedPostgres>
export declare function ensureDatabase(serverUrl: string, name: string): Promise<boolean>
export declare function dropDatabase(serverUrl: string, name: string): Promise<void>
export declare function createTestDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }>
