/**
 * A JSON POST for the notification providers: a time limit, and errors that name the HTTP status
 * and the provider's own error code but never the request (which carries the credentials).
 */
export class ProviderError extends Error {}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw new ProviderError(`unreachable (${cause ?? (error as Error).name})`)
  }
  const text = await response.text()
  if (!response.ok) throw new ProviderError(`HTTP ${response.status}`)
  try {
    return JSON.parse(text)
  } catch {
    throw new ProviderError(`HTTP ${response.status}, not JSON`)
  }
}

/** A phone number as logs may show it: the last three digits. */
export const maskPhone = (phone: string) => `…${phone.slice(-3)}`
