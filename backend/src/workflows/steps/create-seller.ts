import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"

export interface NewSeller {
  handle: string
  name: string
  kind: "cooperative" | "household"
  commune_code: string
  province_code: string
  tax_code?: string | null
  invoice_series?: string | null
  village_code?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  description?: string | null
  logo_url?: string | null
  bank_bin?: string | null
  bank_account_number?: string | null
  bank_account_name?: string | null
  payee_confirmed_at?: Date | null
  payee_confirmed_by?: string | null
  pending_changes?: Record<string, string> | null
  pending_changes_at?: Date | null
  pending_changes_by?: string | null
  state?: "pending" | "approved" | "suspended"
}

export interface CreateSellerStepInput {
  seller: NewSeller
  owner: { email: string; name: string; phone?: string | null }
}

export const createSellerStepId = "create-seller"

/** Creates a seller together with its owner member; both are deleted again on rollback. */
export const createSellerStep = createStep(
  createSellerStepId,
  async (input: CreateSellerStepInput, { container }) => {
    const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
    const seller = await sellers.createSellers(input.seller)
    const owner = await sellers.createSellerMembers({
      ...input.owner,
      role: "owner",
      seller_id: seller.id,
    })
    return new StepResponse({ seller, owner }, { sellerId: seller.id, ownerId: owner.id })
  },
  async (created, { container }) => {
    if (!created) return
    const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
    await sellers.deleteSellerMembers(created.ownerId)
    await sellers.deleteSellers(created.sellerId)
  },
)
