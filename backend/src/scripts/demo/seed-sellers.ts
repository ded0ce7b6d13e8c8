/**
 * The demo commune's sellers as seller records (linked to their stock locations and products),
 * their member accounts, the commune's officer, a province officer, one community tech helper and
 * the OCOP registry with its 9 entries. Certificate and decision numbers and dates are INVENTED.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { rowsOf } from "../../lib/query-rows"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"
import { COMMUNE, type DemoSeller, PRODUCTS, PROVINCE, SELLERS, VILLAGES } from "./data"

export const DEMO_ACCOUNTS = {
  sellerOwner: (handle: string) => `${handle}@giaphu.example`,
  communeOfficer: "canbo@giaphu.example",
  provinceOfficer: "canbo.tinh@laocai.example",
  helper: "hotro.phuxuan@giaphu.example",
}

/** The seller whose owner granted the demo helper. */
export const HELPED_SELLER = "hkd-lo-van-sinh"

type Log = string[]

/**
 * Demo e-invoice settings: clearly fictional tax codes (no province's code starts with 99) and a
 * Circular 78 series, form 1 (VAT invoice) for cooperatives, form 2 (sales invoice) for households.
 */
export function demoInvoiceSettings(s: DemoSeller) {
  return {
    tax_code: `9999${String(SELLERS.indexOf(s) + 1).padStart(6, "0")}`,
    invoice_series: s.kind === "household" ? "2C26THK" : "1C26TAA",
  }
}

export async function seedSellers(
  container: MedusaContainer,
  locationBySeller: Map<string, string>,
  password: string,
  created: Log,
) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const existing = await sellers.listSellers({ handle: SELLERS.map((s) => s.handle) })
  const byHandle = new Map(existing.map((s) => [s.handle, s]))
  const missing = SELLERS.filter((s) => !byHandle.has(s.handle))
  if (missing.length) {
    const made = await sellers.createSellers(
      missing.map((s) => ({
        handle: s.handle,
        name: s.name,
        kind: s.kind,
        commune_code: COMMUNE.code,
        province_code: PROVINCE.code,
        village_code: `${COMMUNE.code}-${String(VILLAGES.indexOf(s.village) + 1).padStart(2, "0")}`,
        address: `Thôn ${s.village}, ${COMMUNE.name}, ${PROVINCE.name}`,
        phone: s.phone,
        description: null,
        ...demoInvoiceSettings(s),
        // VietinBank's NAPAS BIN; the account numbers are invented.
        bank_bin: "970415",
        bank_account_number: `10${String(SELLERS.indexOf(s) + 1).padStart(8, "0")}`,
        bank_account_name: s.name.toUpperCase(),
        // The demo's payees count as confirmed by the commune, so VietQR works from the start.
        payee_confirmed_at: new Date(),
        payee_confirmed_by: "seed",
        state: "approved" as const,
        state_changed_at: new Date(),
        state_changed_by: "seed",
      })),
    )
    for (const s of made) byHandle.set(s.handle, s)
    created.push(`${made.length} sellers`)
  }
  // A demo database from before payee review had its payees moved to review by the migration.
  const unconfirmed = SELLERS.filter((s) => {
    const row = byHandle.get(s.handle)
    return row && !row.payee_confirmed_at
  })
  if (unconfirmed.length) {
    await sellers.updateSellers(
      unconfirmed.map((s) => ({
        id: byHandle.get(s.handle)!.id,
        bank_bin: "970415",
        bank_account_number: `10${String(SELLERS.indexOf(s) + 1).padStart(8, "0")}`,
        bank_account_name: s.name.toUpperCase(),
        payee_confirmed_at: new Date(),
        payee_confirmed_by: "seed",
        pending_changes: null,
        pending_changes_at: null,
        pending_changes_by: null,
      })),
    )
    created.push(`${unconfirmed.length} confirmed payees`)
  }

  // A demo database from before e-invoices gets the demo tax codes and series.
  const withoutInvoice = SELLERS.filter((s) => {
    const row = byHandle.get(s.handle)
    return row && (!row.tax_code || !row.invoice_series)
  })
  if (withoutInvoice.length) {
    await sellers.updateSellers(
      withoutInvoice.map((s) => {
        const row = byHandle.get(s.handle)!
        const demo = demoInvoiceSettings(s)
        return {
          id: row.id,
          tax_code: row.tax_code ?? demo.tax_code,
          invoice_series: row.invoice_series ?? demo.invoice_series,
        }
      }),
    )
    created.push(`${withoutInvoice.length} invoice settings`)
  }

  // Links: each seller to its stock location and to its products (only the missing ones).
  const sellerIds = [...byHandle.values()].map((s) => s.id)
  // Link definitions are not imported here: the tests import this file, and a second copy of a
  // link definition in the same process is refused by Medusa's link loader.
  const [current, { data: products }] = await Promise.all([
    query.graph({
      entity: "seller",
      fields: ["id", "stock_location.id", "products.id"],
      filters: { id: sellerIds },
    }),
    query.graph({
      entity: "product",
      fields: ["id", "handle"],
      filters: { handle: PRODUCTS.map((p) => p.handle) },
    }),
  ])
  const rows = rowsOf<{
    id: string
    stock_location?: { id: string }
    products?: { id: string }[]
  }>(current)
  const located = new Set(rows.filter((r) => r.stock_location).map((r) => r.id))
  const linked = new Set(rows.flatMap((r) => (r.products ?? []).map((p) => p.id)))
  const productId = new Map(products.map((p) => [p.handle as string, p.id as string]))
  const links = [
    ...SELLERS.filter((s) => !located.has(byHandle.get(s.handle)!.id)).map((s) => ({
      [SELLER_MODULE]: { seller_id: byHandle.get(s.handle)!.id },
      [Modules.STOCK_LOCATION]: { stock_location_id: locationBySeller.get(s.handle)! },
    })),
    ...PRODUCTS.filter((p) => productId.has(p.handle) && !linked.has(productId.get(p.handle)!)).map(
      (p) => ({
        [SELLER_MODULE]: { seller_id: byHandle.get(p.seller)!.id },
        [Modules.PRODUCT]: { product_id: productId.get(p.handle)! },
      }),
    ),
  ]
  if (links.length) {
    await link.create(links)
    created.push(`${links.length} seller links`)
  }

  await seedAccounts(container, byHandle, password, created)
  await seedRegistry(container, byHandle, productId, created)
}

async function registerLogin(
  container: MedusaContainer,
  email: string,
  password: string,
  appMetadata: Record<string, string>,
) {
  const auth = container.resolve(Modules.AUTH)
  const [identity] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" })
  let authIdentityId = identity?.auth_identity_id
  if (!authIdentityId) {
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email, password },
    })
    if (!success || !authIdentity) throw new Error(`Could not register ${email}: ${error}`)
    authIdentityId = authIdentity.id
  }
  const current = await auth.retrieveAuthIdentity(authIdentityId)
  await auth.updateAuthIdentities({
    id: authIdentityId,
    app_metadata: { ...(current.app_metadata ?? {}), ...appMetadata },
  })
}

async function seedAccounts(
  container: MedusaContainer,
  byHandle: Map<string, { id: string; name: string }>,
  password: string,
  created: Log,
) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)

  const emails = SELLERS.map((s) => DEMO_ACCOUNTS.sellerOwner(s.handle))
  const members = await sellers.listSellerMembers({ email: emails })
  const haveMember = new Set(members.map((m) => m.email))
  let newMembers = 0
  for (const s of SELLERS) {
    const email = DEMO_ACCOUNTS.sellerOwner(s.handle)
    if (haveMember.has(email)) continue
    const seller = byHandle.get(s.handle)!
    const member = await sellers.createSellerMembers({
      email,
      name: `Chủ ${s.name}`,
      role: "owner",
      seller_id: seller.id,
    })
    await registerLogin(container, email, password, {
      seller_member_id: member.id,
      seller_id: seller.id,
      role: "owner",
    })
    newMembers++
  }
  if (newMembers) created.push(`${newMembers} seller member accounts`)

  const officers = [
    {
      email: DEMO_ACCOUNTS.communeOfficer,
      name: "Cán bộ xã Gia Phú",
      level: "commune" as const,
      commune_code: COMMUNE.code,
      province_code: PROVINCE.code,
      actor: "commune_officer",
    },
    {
      email: DEMO_ACCOUNTS.provinceOfficer,
      name: "Cán bộ tỉnh Lào Cai",
      level: "province" as const,
      commune_code: null,
      province_code: PROVINCE.code,
      actor: "province_officer",
    },
  ]
  for (const { actor, ...data } of officers) {
    const [officer] = await communes.listOfficers({ email: data.email })
    if (officer) continue
    const made = await communes.createOfficers(data)
    await registerLogin(container, data.email, password, { [`${actor}_id`]: made.id })
    created.push(`officer ${data.email}`)
  }

  const [helper] = await sellers.listHelpers({ email: DEMO_ACCOUNTS.helper })
  if (!helper) {
    const made = await sellers.createHelpers({
      email: DEMO_ACCOUNTS.helper,
      name: "Tổ công nghệ số thôn Phú Xuân",
      commune_code: COMMUNE.code,
    })
    await registerLogin(container, DEMO_ACCOUNTS.helper, password, { helper_id: made.id })
    const seller = byHandle.get(HELPED_SELLER)!
    await sellers.createHelperGrants({
      helper_id: made.id,
      seller_id: seller.id,
      granted_by: "seed",
      accepted_at: new Date(),
    })
    await container.resolve<AuditModuleService>(AUDIT_MODULE).createAuditEntries({
      actor_type: "seed",
      actor_id: "seed",
      seller_id: seller.id,
      commune_code: COMMUNE.code,
      action: "seller.grant_helper",
      resource_type: "helper_grant",
      data: { helper_id: made.id },
    })
    created.push(`helper ${DEMO_ACCOUNTS.helper}`)
  }
}

async function seedRegistry(
  container: MedusaContainer,
  byHandle: Map<string, { id: string }>,
  productId: Map<string, string>,
  created: Log,
) {
  const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const existing = await communes.listOcopEntries({ commune_code: COMMUNE.code })
  const have = new Set(existing.map((e) => e.product_id))
  const ocop = PRODUCTS.filter((p) => p.ocop_stars)
  const missing = ocop.filter((p) => productId.has(p.handle) && !have.has(productId.get(p.handle)!))
  if (!missing.length) return
  const issued = new Date("2024-10-15T00:00:00+07:00")
  const expires = new Date(issued)
  expires.setMonth(expires.getMonth() + 36)
  await communes.createOcopEntries(
    missing.map((p) => ({
      commune_code: COMMUNE.code,
      seller_id: byHandle.get(p.seller)!.id,
      product_name: p.title.replace(/\s*\(.*\)\s*$/, ""),
      group: "food" as const,
      stars: p.ocop_stars!,
      certificate_number: `OCOP-GP-2024-${String(ocop.indexOf(p) + 1).padStart(2, "0")}`,
      decision_number: "2150/QĐ-UBND",
      issuing_level: "district" as const,
      issued_on: issued,
      expires_on: expires,
      product_id: productId.get(p.handle)!,
    })),
  )
  created.push(`${missing.length} OCOP registry entries`)
}
