/** The shop backend could not answer: down, unreachable, misconfigured or failing. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError"
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Runs one backend call, turning any failure into a StoreUnavailableError logged once here. */
export async function callStore<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    console.error(`[medusa] ${what} failed: ${describe(error)}`)
    throw new StoreUnavailableError(`${what} failed`, { cause: error })
  }
}

/**
 * Like callStore for a read by handle or code: the backend's 404 is an answer (there is no such
 * seller or commune), null; any other failure is a StoreUnavailableError.
 */
export async function findInStore<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call()
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 404) return null
    return callStore(what, () => Promise.reject(error))
  }
}
