import type { HttpTypes } from "@medusajs/types"
import { reshapeAddress } from "./cart-reshape"
import type { Address } from "./cart-types"
import { medusa } from "./client"
import { customerHeaders } from "./session"

// A signed-in buyer's delivery addresses live in Medusa's customer addresses, so they follow the
// account to any device. The address step saves each new one; the checkout offers them next time.

export type SavedAddress = Address & { id: string }

const FIELDS = "id,first_name,last_name,phone,address_1,city,province,metadata,created_at"

/** Medusa's address body for an address of the shop (commune and province codes in metadata). */
export type MedusaAddress = {
  first_name: string
  last_name: string
  address_1: string
  city?: string
  province?: string
  country_code: string
  phone: string
  metadata: { commune_code: string; province_code: string }
}

function reshapeSaved(address: HttpTypes.StoreCustomerAddress): SavedAddress | null {
  const shaped = reshapeAddress(address as unknown as HttpTypes.StoreCartAddress)
  return shaped ? { ...shaped, id: address.id } : null
}

/** The signed-in buyer's addresses, newest first; [] for a guest or when the backend fails. */
export async function listSavedAddresses(limit = 5): Promise<SavedAddress[]> {
  const headers = await customerHeaders()
  if (!headers.authorization) return []
  try {
    const { addresses } = await medusa().store.customer.listAddress(
      { fields: FIELDS, limit, order: "-created_at" },
      headers,
    )
    return addresses.map(reshapeSaved).filter((a): a is SavedAddress => a !== null)
  } catch (error) {
    // The form below still works: the buyer types the address once more.
    console.error(`[checkout] list saved addresses failed: ${(error as Error).message}`)
    return []
  }
}

/** One of the buyer's own addresses by id (Medusa answers 404 for anyone else's), or null. */
export async function retrieveSavedAddress(id: string): Promise<SavedAddress | null> {
  const headers = await customerHeaders()
  if (!headers.authorization || !/^[0-9A-Za-z_]+$/.test(id)) return null
  try {
    const { address } = await medusa().store.customer.retrieveAddress(
      id,
      { fields: FIELDS },
      headers,
    )
    return reshapeSaved(address)
  } catch {
    return null
  }
}

const sameAs = (a: SavedAddress, b: MedusaAddress) =>
  a.fullName === b.first_name &&
  a.phone === b.phone &&
  a.line === b.address_1 &&
  a.communeCode === b.metadata.commune_code

/** Adds the address to the signed-in buyer's book unless the same one is already there. */
export async function saveCustomerAddress(address: MedusaAddress): Promise<void> {
  const headers = await customerHeaders()
  if (!headers.authorization) return
  const existing = await listSavedAddresses(50)
  if (existing.some((a) => sameAs(a, address))) return
  await medusa().store.customer.createAddress(address, { fields: "id" }, headers)
}
