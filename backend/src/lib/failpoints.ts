/**
 * Named places where a test makes the code fail, to prove that a failure there leaves nothing
 * half-made. Inert outside tests: only NODE_ENV=test reads COOP_FAILPOINTS (comma-separated names).
 */
export function failpoint(name: string) {
  if (process.env.NODE_ENV !== "test") return
  if ((process.env.COOP_FAILPOINTS ?? "").split(",").includes(name)) {
    throw new Error(`Injected failure at ${name}`)
  }
}
