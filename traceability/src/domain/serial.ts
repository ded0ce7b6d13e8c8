import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * Stamp serials: a random part followed by a truncated HMAC-SHA256 of it, so the resolver can
 * reject a forged serial without touching the database.
 *
 * Crockford's base32 alphabet (no I, L, O, U) sits inside GS1's 82-character set, needs no
 * percent-encoding in a URI and cannot be misread when someone types a serial off a label.
 */
export const SERIAL_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
/** 12 characters x 5 bits = 60 random bits. */
export const RANDOM_LENGTH = 12
/** 8 characters x 5 bits = 40 bits of signature: one forgery in 2^40 guesses passes the check. */
export const SIGNATURE_LENGTH = 8
export const SERIAL_LENGTH = RANDOM_LENGTH + SIGNATURE_LENGTH

const SERIAL_PATTERN = new RegExp(`^[${SERIAL_ALPHABET}]{${SERIAL_LENGTH}}$`)

/** Encodes the leading `length * 5` bits of `bytes` in the serial alphabet. */
function encodeBits(bytes: Uint8Array, length: number): string {
  let out = ""
  let buffer = 0
  let bits = 0
  let index = 0
  while (out.length < length) {
    if (bits < 5) {
      buffer = (buffer << 8) | bytes[index++]!
      bits += 8
    }
    bits -= 5
    out += SERIAL_ALPHABET[(buffer >> bits) & 31]
    buffer &= (1 << bits) - 1
  }
  return out
}

/** The signature characters for a random part. */
export function signature(randomPart: string, secret: string): string {
  const mac = createHmac("sha256", secret).update(randomPart, "utf8").digest()
  return encodeBits(mac, SIGNATURE_LENGTH)
}

/** A new serial. `random` is injectable so tests can pin the random part. */
export function createSerial(
  secret: string,
  random: (size: number) => Uint8Array = randomBytes,
): string {
  const randomPart = encodeBits(random(Math.ceil((RANDOM_LENGTH * 5) / 8)), RANDOM_LENGTH)
  return randomPart + signature(randomPart, secret)
}

/** Whether the serial has the right shape and its signature matches; no I/O. */
export function verifySerial(serial: string, secret: string): boolean {
  if (!SERIAL_PATTERN.test(serial)) return false
  const expected = Buffer.from(signature(serial.slice(0, RANDOM_LENGTH), secret))
  const given = Buffer.from(serial.slice(RANDOM_LENGTH))
  return timingSafeEqual(expected, given)
}
