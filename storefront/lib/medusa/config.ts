// Read at request time, never at module load: a built app can be started against another
// backend or with another publishable key (the backend's seed writes it into .env.local).
const PUBLISHABLE_KEY_VAR = "NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY"

export function backendUrl(): string {
  return process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
}

export function publishableKey(): string | undefined {
  // Read through Reflect.get on purpose: Next inlines `process.env.NEXT_PUBLIC_*` at build time,
  // and Turbopack folds `process.env[CONSTANT]` too, baking in the key of the .env.local present
  // at build time (seen with Next 16.4: every request then sent that stale key).
  return Reflect.get(process.env, PUBLISHABLE_KEY_VAR) || undefined
}
