import { describe, expect, it } from "vitest"
import type { SellerMe } from "./context"
import {
  isOwner,
  normaliseAccountNumber,
  payeeState,
  pendingFields,
  reviewed,
  validAccountNumber,
  validPayeeName,
} from "./seller-settings"

const seller = (extra: Partial<SellerMe["seller"]> = {}): SellerMe["seller"] => ({
  id: "sel_1",
  handle: "htx",
  name: "HTX Gia Phú",
  kind: "cooperative",
  state: "approved",
  commune_code: "02923",
  phone: "0912 345 678",
  address: "Thôn Phú Xuân",
  bank_bin: "970405",
  bank_account_number: "1234567890",
  bank_account_name: "HTX GIA PHU",
  payee_confirmed_at: "2026-12-01T00:00:00.000Z",
  ...extra,
})

const me = (type: "seller_member" | "helper", role: string | null): SellerMe => ({
  seller: seller(),
  actor: { type, role, id: "a", name: "A", email: "a@example.vn" },
  acting_on_behalf_of: null,
})

describe("seller settings", () => {
  it("writes the account holder in capitals without diacritics", () => {
    expect(validPayeeName("HOP TAC XA DONG TAM")).toBe(true)
    expect(validPayeeName("A")).toBe(false)
    expect(validPayeeName("HTX <SCRIPT>")).toBe(false)
    expect(validPayeeName("X".repeat(71))).toBe(false)
  })

  it("takes an account number typed in groups, and refuses what a bank would not", () => {
    expect(normaliseAccountNumber("1234 5678.90-12")).toBe("123456789012")
    expect(validAccountNumber("123456789012")).toBe(true)
    expect(validAccountNumber("123")).toBe(false)
    expect(validAccountNumber("12345678901234567890")).toBe(false)
    expect(validAccountNumber("1234+678")).toBe(false)
  })

  it("shows the pending value next to the live one", () => {
    const s = seller({ pending_changes: { phone: "0987 000 111", bank_account_name: "HTX MOI" } })
    expect(reviewed(s, "phone")).toEqual({ live: "0912 345 678", pending: "0987 000 111" })
    expect(reviewed(s, "name")).toEqual({ live: "HTX Gia Phú", pending: null })
    expect(pendingFields(s, true)).toEqual(["phone", "bank_account_name"])
    // Staff and helpers never see the payee, not even a pending one.
    expect(pendingFields(s, false)).toEqual(["phone"])
  })

  it("holds VietQR until the commune confirms the payee", () => {
    expect(payeeState(seller())).toBe("confirmed")
    expect(payeeState(seller({ payee_confirmed_at: null }))).toBe("unconfirmed")
    expect(payeeState(seller({ pending_changes: { bank_bin: "970436" } }))).toBe("pending")
    expect(payeeState(seller({ bank_bin: null, bank_account_number: null }))).toBe("none")
  })

  it("only the owner is shown the payee", () => {
    expect(isOwner(me("seller_member", "owner"))).toBe(true)
    expect(isOwner(me("seller_member", "staff"))).toBe(false)
    expect(isOwner(me("helper", "helper"))).toBe(false)
  })
})
