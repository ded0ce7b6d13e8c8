import { describe, expect, it } from "vitest"
import {
  acceptsVietQr,
  approvedValues,
  changedPayeeFields,
  planProfileUpdate,
} from "../seller-review"

const confirmed = {
  name: "HTX Gia Phú",
  address: "Thôn Cóc",
  phone: "0912 000 111",
  bank_bin: "970415",
  bank_account_number: "1000000001",
  bank_account_name: "HTX GIA PHU",
  payee_confirmed_at: new Date("2026-12-01T00:00:00Z"),
  pending_changes: null,
}

describe("planProfileUpdate", () => {
  it("applies unreviewed fields at once and holds reviewed ones", () => {
    const plan = planProfileUpdate(confirmed, {
      description: "Gạo",
      name: "HTX Khác",
      phone: "0912 000 111",
    })
    expect(plan.direct).toEqual({ description: "Gạo" })
    // The same phone as the live one is no change.
    expect(plan.changed).toEqual({ name: "HTX Khác" })
    expect(plan.pending).toEqual({ name: "HTX Khác" })
  })

  it("merges with what already waits, and setting a field back withdraws its change", () => {
    const seller = { ...confirmed, pending_changes: { name: "HTX Khác", bank_bin: "970436" } }
    const plan = planProfileUpdate(seller, { name: "HTX Gia Phú", address: "Thôn Mới" })
    expect(plan.changed).toEqual({ name: "HTX Gia Phú", address: "Thôn Mới" })
    expect(plan.pending).toEqual({ bank_bin: "970436", address: "Thôn Mới" })
    expect(
      planProfileUpdate(seller, { name: "HTX Gia Phú", bank_bin: "970415" }).pending,
    ).toBeNull()
  })
})

describe("changedPayeeFields", () => {
  it("names payee fields that differ from the live or pending value", () => {
    expect(changedPayeeFields(confirmed, { bank_bin: "970415", description: "x" })).toEqual([])
    expect(changedPayeeFields(confirmed, { bank_account_number: "999" })).toEqual([
      "bank_account_number",
    ])
    const pending = { ...confirmed, pending_changes: { bank_bin: "970436" } }
    expect(changedPayeeFields(pending, { bank_bin: "970436" })).toEqual([])
    // Sending the live value back would withdraw the owner's pending change: a change too.
    expect(changedPayeeFields(pending, { bank_bin: "970415" })).toEqual(["bank_bin"])
  })
})

describe("acceptsVietQr", () => {
  it("needs a confirmed, complete payee with no payee change waiting", () => {
    expect(acceptsVietQr(confirmed)).toBe(true)
    expect(acceptsVietQr({ ...confirmed, payee_confirmed_at: null })).toBe(false)
    expect(acceptsVietQr({ ...confirmed, bank_account_number: null })).toBe(false)
    expect(acceptsVietQr({ ...confirmed, pending_changes: { bank_account_name: "X" } })).toBe(false)
    // A pending name change does not hold the money.
    expect(acceptsVietQr({ ...confirmed, pending_changes: { name: "X" } })).toBe(true)
  })
})

describe("approvedValues", () => {
  it("confirms the payee only when a payee field was approved", () => {
    const now = new Date("2026-12-07T00:00:00Z")
    expect(approvedValues({ ...confirmed, pending_changes: { name: "X" } }, "u:1", now)).toEqual({
      name: "X",
      pending_changes: null,
      pending_changes_at: null,
      pending_changes_by: null,
    })
    expect(
      approvedValues({ ...confirmed, pending_changes: { bank_bin: "970436" } }, "u:1", now),
    ).toMatchObject({ bank_bin: "970436", payee_confirmed_at: now, payee_confirmed_by: "u:1" })
  })
})
