import { describe, expect, it } from "vitest"
import {
  createSerial,
  RANDOM_LENGTH,
  SERIAL_ALPHABET,
  SERIAL_LENGTH,
  signature,
  verifySerial,
} from "./serial.js"

const secret = "k".repeat(32)
const GS1_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/

describe("serial", () => {
  it("is 20 characters from an alphabet inside GS1's 82-character set", () => {
    expect(SERIAL_LENGTH).toBeLessThanOrEqual(20)
    expect(SERIAL_ALPHABET).toMatch(GS1_82)
    expect(new Set(SERIAL_ALPHABET).size).toBe(32)
    for (let i = 0; i < 200; i++) {
      const serial = createSerial(secret)
      expect(serial).toHaveLength(SERIAL_LENGTH)
      expect([...serial].every((c) => SERIAL_ALPHABET.includes(c))).toBe(true)
    }
  })

  it("verifies a serial it created", () => {
    for (let i = 0; i < 50; i++) expect(verifySerial(createSerial(secret), secret)).toBe(true)
  })

  it("rejects a serial with any single character changed", () => {
    const serial = createSerial(secret)
    for (let position = 0; position < serial.length; position++) {
      const original = serial[position]!
      const replacement = SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(original) + 1) % 32]!
      const forged = serial.slice(0, position) + replacement + serial.slice(position + 1)
      expect(verifySerial(forged, secret), `changed position ${position}`).toBe(false)
    }
  })

  it("rejects a serial signed with another secret", () => {
    expect(verifySerial(createSerial("other".repeat(8)), secret)).toBe(false)
  })

  it("rejects wrong lengths, lower case and characters outside the alphabet", () => {
    const serial = createSerial(secret)
    expect(verifySerial(serial.slice(1), secret)).toBe(false)
    expect(verifySerial(`${serial}0`, secret)).toBe(false)
    expect(verifySerial(serial.toLowerCase(), secret)).toBe(false)
    expect(verifySerial(`${serial.slice(0, -1)}I`, secret)).toBe(false)
    expect(verifySerial("", secret)).toBe(false)
  })

  it("uses the random source for the random part and signs it deterministically", () => {
    const zeros = createSerial(secret, (size) => new Uint8Array(size))
    expect(zeros.slice(0, RANDOM_LENGTH)).toBe("000000000000")
    expect(zeros.slice(RANDOM_LENGTH)).toBe(signature("000000000000", secret))
    const ones = createSerial(secret, (size) => new Uint8Array(size).fill(0xff))
    expect(ones.slice(0, RANDOM_LENGTH)).toBe("ZZZZZZZZZZZZ")
  })

  it("does not repeat itself", () => {
    const serials = new Set(Array.from({ length: 1000 }, () => createSerial(secret)))
    expect(serials.size).toBe(1000)
  })
})
