import { model } from "@medusajs/framework/utils"
import { HelperGrant } from "./helper-grant"
import { SellerInvite } from "./seller-invite"
import { SellerMember } from "./seller-member"

/** A cooperative (HTX) or business household that sells through the platform. */
export const Seller = model
  .define("seller", {
    id: model.id({ prefix: "sel" }).primaryKey(),
    handle: model.text().unique(),
    name: model.text().searchable(),
    kind: model.enum(["cooperative", "household"]),
    tax_code: model.text().nullable(),
    // E-invoice series (Circular 78/2021): "1C26TAA", or "C26TAA"; see src/lib/einvoice.
    invoice_series: model.text().nullable(),
    // Official admin-unit codes (see the adminUnit module); the province is derived from the commune.
    commune_code: model.text().index(),
    province_code: model.text(),
    village_code: model.text().nullable(),
    address: model.text().nullable(),
    phone: model.text().nullable(),
    email: model.text().nullable(),
    description: model.text().nullable(),
    logo_url: model.text().nullable(),
    // VietQR payee: NAPAS bank BIN (6 digits), account number and the account holder's name.
    bank_bin: model.text().nullable(),
    bank_account_number: model.text().nullable(),
    bank_account_name: model.text().nullable(),
    // When the commune (or an operator) confirmed the payee above; VietQR needs a confirmed one.
    payee_confirmed_at: model.dateTime().nullable(),
    payee_confirmed_by: model.text().nullable(),
    // An owner's change to reviewed fields (public name, address, phone; the payee), held until
    // the commune approves or rejects it: { field: new value }. See src/lib/seller-review.ts.
    pending_changes: model.json().nullable(),
    pending_changes_at: model.dateTime().nullable(),
    pending_changes_by: model.text().nullable(),
    state: model.enum(["pending", "approved", "suspended"]).default("pending"),
    state_reason: model.text().nullable(),
    state_changed_at: model.dateTime().nullable(),
    state_changed_by: model.text().nullable(),
    members: model.hasMany(() => SellerMember, { mappedBy: "seller" }),
    invites: model.hasMany(() => SellerInvite, { mappedBy: "seller" }),
    helper_grants: model.hasMany(() => HelperGrant, { mappedBy: "seller" }),
  })
  .cascades({ delete: ["members", "invites", "helper_grants"] })
