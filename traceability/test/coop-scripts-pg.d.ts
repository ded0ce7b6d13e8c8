// Types for the root's JavaScript helper (scripts/lib/pg.mjs), which ships none.
declare module "@coop/scripts/pg" {
  export function resolvePostgres(options?: { log?: (line: string) => void }): Promise<{
    serverUrl: string
    embedded: boolean
    stop: () => Promise<void>
  }>
  export function createTestDatabase(
    serverUrl: string,
    prefix: string,
  ): Promise<{ url: string; name: string; drop: () => Promise<void> }>
  export function withDatabase(url: string, database: string): string
}
