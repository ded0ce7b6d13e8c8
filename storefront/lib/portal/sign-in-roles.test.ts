import { describe, expect, it } from "vitest"
import { planSignIn, rolesOfToken } from "./sign-in-roles"

const token = (appMetadata: Record<string, unknown>) =>
  [
    "e30",
    Buffer.from(JSON.stringify({ app_metadata: appMetadata })).toString("base64url"),
    "sig",
  ].join(".")

describe("portal sign-in roles", () => {
  it("reads the roles bound to a login from its token", () => {
    expect(rolesOfToken(token({ helper_id: "hlp_1", roles: undefined }))).toEqual(["helper"])
    expect(
      rolesOfToken(token({ seller_member_id: "mem_1", seller_id: "sel_1", helper_id: "hlp_1" })),
    ).toEqual(["seller_member", "helper"])
    // A buyer's login (customer_id) or one with an empty binding holds no portal role.
    expect(rolesOfToken(token({ customer_id: "cus_1", commune_officer_id: "" }))).toEqual([])
    expect(rolesOfToken("not a token")).toEqual([])
  })

  it("signs in with the only role without asking, even through the other portal's door", () => {
    expect(planSignIn("seller", ["helper"], null)).toEqual({ kind: "use", actor: "helper" })
    expect(planSignIn("seller", ["helper"], "seller_member")).toEqual({
      kind: "use",
      actor: "helper",
    })
    expect(planSignIn("seller", ["commune_officer"], null)).toEqual({
      kind: "use",
      actor: "commune_officer",
    })
  })

  it("asks only when the login has several roles here", () => {
    expect(planSignIn("seller", ["seller_member", "helper"], null)).toEqual({
      kind: "ask",
      roles: ["seller_member", "helper"],
    })
    expect(planSignIn("seller", ["seller_member", "helper"], "helper")).toEqual({
      kind: "use",
      actor: "helper",
    })
    // A role of this portal wins over one of the other portal.
    expect(planSignIn("commune", ["seller_member", "commune_officer"], null)).toEqual({
      kind: "use",
      actor: "commune_officer",
    })
    expect(planSignIn("seller", [], null)).toEqual({ kind: "none" })
  })
})
