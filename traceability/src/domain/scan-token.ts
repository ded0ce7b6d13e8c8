import { createHmac, timingSafeEqual } from "node:crypto"
import { VERDICTS, type Verdict } from "./verdict.js"

/**
 * A scan's id as the buyer's page holds it: the scan's facts signed with a key derived from
 * STAMP_SIGNING_SECRET. It lets the page read this scan's verdict and attach a consented location
 * without a database lookup, and even before the scan's row is written (scans are written in
 * batches, possibly by another instance).
 */

export interface ScanClaims {
  /** The scan row's id (a UUID). */
  scanId: string
  serial: string
  scannedAt: Date
  /** The stamp's first scan, as known when this scan happened. */
  firstScannedAt: Date
  /** This scan's number among the stamp's scans (1 for the first). */
  number: number
  verdict: Verdict
}

const VERSION = 1
const MAC_BYTES = 12
// version, uuid, scannedAt, firstScannedAt (48-bit ms each), number, verdict, serial length
const FIXED_BYTES = 1 + 16 + 6 + 6 + 4 + 1 + 1

/** The key scan tokens are signed with; distinct from the serials' key though derived from it. */
export function scanTokenKey(stampSigningSecret: string): Buffer {
  return createHmac("sha256", stampSigningSecret).update("scan-token/v1").digest()
}

const mac = (key: Buffer, payload: Buffer) =>
  createHmac("sha256", key).update(payload).digest().subarray(0, MAC_BYTES)

export function signScanToken(claims: ScanClaims, key: Buffer): string {
  const serial = Buffer.from(claims.serial, "latin1")
  const payload = Buffer.alloc(FIXED_BYTES + serial.length)
  let offset = payload.writeUInt8(VERSION, 0)
  offset += Buffer.from(claims.scanId.replaceAll("-", ""), "hex").copy(payload, offset)
  offset = payload.writeUIntBE(claims.scannedAt.getTime(), offset, 6)
  offset = payload.writeUIntBE(claims.firstScannedAt.getTime(), offset, 6)
  offset = payload.writeUInt32BE(claims.number, offset)
  offset = payload.writeUInt8(VERDICTS.indexOf(claims.verdict), offset)
  offset = payload.writeUInt8(serial.length, offset)
  serial.copy(payload, offset)
  return Buffer.concat([payload, mac(key, payload)]).toString("base64url")
}

const uuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`

/** The token's claims when its signature holds, else null. */
export function verifyScanToken(token: string, key: Buffer): ScanClaims | null {
  if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null
  const bytes = Buffer.from(token, "base64url")
  if (bytes.length < FIXED_BYTES + MAC_BYTES) return null
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES)
  const given = bytes.subarray(bytes.length - MAC_BYTES)
  if (!timingSafeEqual(mac(key, payload), given)) return null
  if (payload.readUInt8(0) !== VERSION) return null
  const serialLength = payload.readUInt8(FIXED_BYTES - 1)
  const verdict = VERDICTS[payload.readUInt8(FIXED_BYTES - 2)]
  if (!verdict || payload.length !== FIXED_BYTES + serialLength) return null
  return {
    scanId: uuid(payload.subarray(1, 17).toString("hex")),
    scannedAt: new Date(payload.readUIntBE(17, 6)),
    firstScannedAt: new Date(payload.readUIntBE(23, 6)),
    number: payload.readUInt32BE(29),
    verdict,
    serial: payload.subarray(FIXED_BYTES).toString("latin1"),
  }
}
