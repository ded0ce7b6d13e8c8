import { resolvePostgres } from "@coop/scripts/pg"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string
  }
}

/**
 * Finds PostgreSQL once for all test files: the server of DATABASE_URL when set, otherwise the
 * embedded one (started here, or reused when already running). Test files each create their own
 * database on it.
 */
export default async function setup(project: TestProject) {
  const postgres = await resolvePostgres({ log: (line: string) => console.log(line) })
  project.provide("pgServerUrl", postgres.serverUrl)
  return () => postgres.stop()
}
