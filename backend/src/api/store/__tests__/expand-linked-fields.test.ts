import { PUBLIC_SELLER_FIELDS } from "../../../lib/seller-views"
import { expandLinkedFields } from "../routes"

const sellerFields = PUBLIC_SELLER_FIELDS.map((f) => `+seller.${f}`).join(",")

describe("expanding *seller and *ocop_entry into public fields", () => {
  it("rewrites each way of asking for a whole relation", () => {
    for (const ask of ["*seller", "seller.*", "+seller.*", "+*seller", "seller"]) {
      expect(expandLinkedFields(ask)).toBe(sellerFields)
    }
    expect(expandLinkedFields("*ocop_entry")).toBe(
      "+ocop_entry.id,+ocop_entry.stars,+ocop_entry.group,+ocop_entry.certificate_number,+ocop_entry.expires_on",
    )
  })

  it("leaves other fields, and single seller fields, as they are", () => {
    expect(expandLinkedFields("title,*variants,+seller.bank_account_number")).toBe(
      "title,*variants,+seller.bank_account_number",
    )
    expect(expandLinkedFields("title,*seller").startsWith("title,+seller.id,")).toBe(true)
    expect(expandLinkedFields("*sellers")).toBe("*sellers")
  })
})
