import { describe, expect, it } from "vitest"
import { DomainError, type DomainErrorKind } from "../domain/errors.js"
import { httpErrorOf } from "./errors.js"

const text = { vi: "Không được", en: "Not allowed" }

describe("httpErrorOf", () => {
  it("gives every kind of domain error its status, keeping code, message and field", () => {
    const statuses: Record<DomainErrorKind, number> = {
      invalid: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      quota_exceeded: 429,
      unavailable: 502,
    }
    for (const [kind, status] of Object.entries(statuses)) {
      const http = httpErrorOf(new DomainError(kind as DomainErrorKind, `code_${kind}`, text, "f"))
      expect([http.statusCode, http.code, http.text, http.field]).toEqual([
        status,
        `code_${kind}`,
        text,
        "f",
      ])
      expect(http.headers).toBeUndefined()
    }
  })

  it("carries a quota's reset time and Retry-After", () => {
    const error = new DomainError("quota_exceeded", "stamp_quota_exceeded", text, "count")
    error.resetsAt = new Date("2026-12-07T17:00:00Z")
    error.retryAfterSeconds = 3600
    const http = httpErrorOf(error)
    expect(http.resetsAt).toEqual(error.resetsAt)
    expect(http.headers).toEqual({ "retry-after": "3600" })
  })
})
