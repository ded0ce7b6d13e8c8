import { createHash, randomBytes } from "node:crypto"

/**
 * One-time tokens mailed in invitations and helper grants: the mail holds the only copy, the
 * database a SHA-256 hash (the token has 192 random bits, so a plain hash cannot be reversed).
 */
export const newOneTimeToken = () => randomBytes(24).toString("base64url")

export const hashOneTimeToken = (token: string) => createHash("sha256").update(token).digest("hex")

/** The storefront page a mailed link opens, with the token. */
export function storefrontLink(path: string, token: string) {
  const storefront = process.env.STOREFRONT_URL ?? "http://localhost:8000"
  return `${storefront}/vi${path}?token=${token}`
}
