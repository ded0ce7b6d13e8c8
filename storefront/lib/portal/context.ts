import { redirect } from "next/navigation"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { backend } from "./api"
import { COMMUNE_ACTORS, type PortalSession, readPortalSession, SELLER_ACTORS } from "./session"

// Every portal page starts by asking who is signed in; without a usable login it sends the
// person to the portal's sign-in page and back here afterwards.

export type SellerMe = {
  seller: {
    id: string
    handle: string
    name: string
    kind: string
    state: string
    commune_code: string
    village?: string | null
    village_code?: string | null
    address?: string | null
    phone?: string | null
    logo_url?: string | null
    /** What the officer wrote when approving or suspending. */
    state_reason?: string | null
    /** On every invoice; the owner sets them (see /seller/invoices). */
    tax_code?: string | null
    invoice_series?: string | null
    bank_bin?: string | null
    bank_account_number?: string | null
    bank_account_name?: string | null
    /** When the commune confirmed the payee; VietQR is held until then. */
    payee_confirmed_at?: string | null
    /** Reviewed fields (name, address, phone, payee) changed and waiting for the commune. */
    pending_changes?: Record<string, string | null> | null
    pending_changes_at?: string | null
  }
  actor: {
    type: "seller_member" | "helper"
    role: string | null
    id: string
    name: string
    email: string
  }
  acting_on_behalf_of: string | null
}

export type OfficerMe = {
  officer: {
    id: string
    email: string
    name: string
    level: string
    actor_type: "commune_officer" | "province_officer"
    read_only: boolean
    commune: { code: string; name: string } | null
    province: { code: string; name: string | null }
  }
}

export type SellerContext = { session: PortalSession; me: SellerMe }
export type CommuneContext = { session: PortalSession; me: OfficerMe }

function signIn(locale: Locale, portal: "seller" | "commune", back: string): never {
  redirect(`${localePath(locale, `/${portal}/sign-in`)}?next=${encodeURIComponent(back)}`)
}

/**
 * The seller portal's person and seller. A helper who has not chosen whom to act for goes to
 * the chooser. Returns "unavailable" when the backend cannot be reached.
 */
export async function sellerContext(
  locale: Locale,
  back: string,
): Promise<SellerContext | "unavailable"> {
  const session = await readPortalSession()
  if (!session || !SELLER_ACTORS.includes(session.actor)) signIn(locale, "seller", back)
  if (session.actor === "helper" && !session.actingFor) {
    redirect(`${localePath(locale, "/seller/choose")}?next=${encodeURIComponent(back)}`)
  }
  const me = await backend<SellerMe>("/seller/me", { locale })
  if (me.ok) return { session, me: me.data }
  if (me.error.status === 0 || me.error.status >= 500) return "unavailable"
  signIn(locale, "seller", back)
}

/** The commune portal's officer (commune or province). */
export async function communeContext(
  locale: Locale,
  back: string,
): Promise<CommuneContext | "unavailable"> {
  const session = await readPortalSession()
  if (!session || !COMMUNE_ACTORS.includes(session.actor)) signIn(locale, "commune", back)
  const me = await backend<OfficerMe>("/commune/me", { locale })
  if (me.ok) return { session, me: me.data }
  if (me.error.status === 0 || me.error.status >= 500) return "unavailable"
  signIn(locale, "commune", back)
}
