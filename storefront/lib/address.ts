import type { AdminUnit } from "./medusa/cart-types"
import { parsePhone, phoneError } from "./phone"

// The delivery address a buyer types at checkout, checked the same way as they type (in the
// browser, by the input attributes) and here on the server, which alone decides.

export type AddressInput = {
  email: string
  full_name: string
  phone: string
  province_code: string
  commune_code: string
  line: string
}

export type AddressField = keyof AddressInput

/** Message keys of the Checkout.errors namespace, per field. */
export type AddressErrors = Partial<Record<AddressField, string>>

export const ADDRESS_FIELDS: AddressField[] = [
  "email",
  "full_name",
  "phone",
  "province_code",
  "commune_code",
  "line",
]

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function readAddressInput(form: FormData): AddressInput {
  const value = (name: AddressField) => {
    const raw = form.get(name)
    return typeof raw === "string" ? raw.trim() : ""
  }
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, value(f)])) as AddressInput
}

/** The phone in its stored form (lib/phone.ts); call only after validateAddress passed. */
export function normalisePhone(phone: string): string {
  return parsePhone(phone) ?? phone
}

export function validateAddress(
  input: AddressInput,
  provinces: AdminUnit[],
  communes: AdminUnit[],
): AddressErrors {
  const errors: AddressErrors = {}
  // The phone is how a seller reaches the buyer; the e-mail is optional (many buyers have none).
  if (input.email && (!EMAIL.test(input.email) || input.email.length > 200)) errors.email = "email"
  // Over-long text is refused with its limit (the form has no maxlength that would cut a paste).
  if (input.full_name.length > 100) errors.full_name = "fullNameTooLong"
  else if (input.full_name.length < 2) errors.full_name = "fullName"
  const phone = phoneError(input.phone)
  if (phone) errors.phone = phone
  if (!provinces.some((p) => p.code === input.province_code)) errors.province_code = "province"
  if (!communes.some((c) => c.code === input.commune_code)) errors.commune_code = "commune"
  if (input.line.length > 200) errors.line = "lineTooLong"
  else if (input.line.length < 2) errors.line = "line"
  return errors
}
