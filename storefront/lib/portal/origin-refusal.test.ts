import { describe, expect, it } from "vitest"
import { refusalProblems } from "./origin-refusal"

const say = (key: string) => `<${key}>`
const values = { lot_code: "A", from_serial: "S1", count: "5" }

describe("refusalProblems", () => {
  it("shows the service's message, in the person's language, beside the field it names", () => {
    const vi = refusalProblems(
      {
        status: 400,
        code: "invalid_request",
        field: "from_serial",
        message: "S1 không phải tem của lô B",
      },
      values,
      {},
      say,
    )
    expect(vi).toEqual({ errors: { from_serial: "S1 không phải tem của lô B" }, formError: null })
    const en = refusalProblems(
      {
        status: 400,
        code: "invalid_request",
        field: "from_serial",
        message: "S1 is not a stamp of batch B",
      },
      values,
      {},
      say,
    )
    expect(en.errors.from_serial).toBe("S1 is not a stamp of batch B")
  })

  it("shows a refusal about no field of the form above it, as the service said it", () => {
    expect(
      refusalProblems(
        { status: 409, code: "conflict", field: null, message: "Lô B đã bị thu hồi" },
        values,
        {},
        say,
      ),
    ).toEqual({ errors: {}, formError: "Lô B đã bị thu hồi" })
    expect(
      refusalProblems({ status: 409, field: "elsewhere", message: "" }, values, {}, say).formError,
    ).toBe("<refused>")
  })

  it("keeps the portal's own advice for the refusals it knows, and when the service is away", () => {
    const known = { 409: { field: "lot_code", key: "lotTaken" } }
    expect(
      refusalProblems(
        { status: 409, code: "conflict", field: null, message: "Product P already has …" },
        values,
        known,
        say,
      ).errors,
    ).toEqual({ lot_code: "<lotTaken>" })
    expect(refusalProblems({ status: 0, field: null, message: "" }, values, known, say)).toEqual({
      errors: {},
      formError: "<unavailable>",
    })
    expect(
      refusalProblems({ status: 502, field: "lot_code", message: "x" }, values, known, say)
        .formError,
    ).toBe("<unavailable>")
    // A named field with no words from the service: the portal's general hint.
    expect(
      refusalProblems({ status: 400, field: "count", message: "" }, values, {}, say).errors,
    ).toEqual({ count: "<service>" })
  })
})
