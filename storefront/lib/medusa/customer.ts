import type { Customer } from "./cart-types"
import { medusa } from "./client"
import { callStore } from "./errors"
import { clearCustomerToken, customerHeaders } from "./session"

/** The signed-in buyer, or null (no token, or an expired one). */
export async function getCustomer(): Promise<Customer | null> {
  const headers = await customerHeaders()
  if (!headers.authorization) return null
  try {
    const { customer } = await medusa().store.customer.retrieve(
      { fields: "id,email,first_name" },
      headers,
    )
    return { id: customer.id, email: customer.email, firstName: customer.first_name ?? null }
  } catch (error) {
    if ((error as { status?: number }).status === 401) return null
    return callStore("retrieve customer", () => Promise.reject(error))
  }
}

export { clearCustomerToken }
