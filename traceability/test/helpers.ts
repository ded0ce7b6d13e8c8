import net from "node:net"
import { SignJWT } from "jose"

export const JWT_SECRET = "test-jwt-secret-shared-with-medusa"
export const STAMP_SIGNING_SECRET = "test-stamp-signing-secret-0123456789abcdef"

/** A token shaped like the ones Medusa's auth module issues. */
export function signToken(
  claims: {
    actor_id: string
    actor_type: string
    app_metadata?: Record<string, unknown>
  },
  secret = JWT_SECRET,
): Promise<string> {
  return new SignJWT({ auth_identity_id: `authid_${claims.actor_id}`, app_metadata: {}, ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret))
}

/** A port nothing listens on right now, so stamp URIs can name the port the service will use. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
