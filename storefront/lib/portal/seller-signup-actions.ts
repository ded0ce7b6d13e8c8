"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { listCommunes } from "@/lib/medusa/admin-units"
import { type ApiResult, backend } from "./api"
import { type ErrorTexts, type FormState, failureState, type Option, readText } from "./seller-form"
import { villagesOf } from "./seller-units"
import { writePortalSession } from "./session"

// A new seller signs up in three calls: the login (Medusa's emailpass register), the seller
// (POST /seller/sign-up with that login's token, pending until the commune approves), then a
// fresh sign-in, whose token names the seller. An invited staff member does the same with
// /seller/invites/accept. A retry after a failure in the middle finds the login already made
// and signs in with it instead, so nothing typed is lost and nothing is made twice.

const SIGN_UP_FIELDS = [
  "name",
  "kind",
  "province_code",
  "commune_code",
  "village_code",
  "address",
  "phone",
  "bank_bin",
  "bank_account_number",
  "bank_account_name",
  "owner_name",
  "owner_phone",
  "email",
] as const

const INVITE_FIELDS = ["email", "name", "phone"] as const

async function errorTexts(locale: Locale): Promise<ErrorTexts> {
  const t = await getTranslations({ locale, namespace: "Portal.sellerForm" })
  return { unavailable: t("unavailable"), signInAgain: t("signInAgain"), failed: t("failed") }
}

/** A token for a login that is not yet bound to a seller: a new one, or the one made before. */
async function unboundToken(
  locale: Locale,
  email: string,
  password: string,
): Promise<ApiResult<{ token: string }>> {
  const body = { email, password }
  const made = await backend<{ token: string }>("/auth/seller_member/emailpass/register", {
    method: "POST",
    body,
    locale,
    token: null,
  })
  if (made.ok || made.error.status === 0 || made.error.status >= 500) return made
  // Already registered (an earlier attempt stopped half way, or the person has a login).
  return backend<{ token: string }>("/auth/seller_member/emailpass", {
    method: "POST",
    body,
    locale,
    token: null,
  })
}

async function signInAndGoHome(locale: Locale, email: string, password: string, status: string) {
  const login = await backend<{ token: string }>("/auth/seller_member/emailpass", {
    method: "POST",
    body: { email, password },
    locale,
    token: null,
  })
  if (!login.ok) redirect(localePath(locale, "/seller/sign-in"))
  await writePortalSession(login.data.token, "seller_member")
  redirect(`${localePath(locale, "/seller")}?status=${status}`)
}

export async function signUpSeller(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.signUp" })
  const texts = await errorTexts(locale)
  const v = readText(form, SIGN_UP_FIELDS)
  const password = String(form.get("password") ?? "")
  const options: Record<string, Option[]> = {}
  if (/^\d{2}$/.test(v.province_code)) {
    options.commune_code = (await listCommunes(v.province_code).catch(() => [])).map((c) => ({
      value: c.code,
      label: c.name,
    }))
  }
  if (v.commune_code) options.village_code = await villagesOf(v.commune_code)

  const errors: Record<string, string> = {}
  if (v.name.length < 2) errors.name = t("errors.name")
  if (v.kind !== "cooperative" && v.kind !== "household") errors.kind = t("errors.kind")
  if (!/^\d{5}$/.test(v.commune_code)) errors.commune_code = t("errors.commune")
  if (v.address.length < 3) errors.address = t("errors.address")
  if (!/^\+?[0-9 .-]{8,15}$/.test(v.phone)) errors.phone = t("errors.phone")
  if (v.owner_name.length < 2) errors.owner_name = t("errors.ownerName")
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = t("errors.email")
  if (password.length < 8) errors.password = t("errors.password")
  const bank = [v.bank_bin, v.bank_account_number, v.bank_account_name]
  if (bank.some(Boolean) && !bank.every(Boolean)) errors.bank_account_number = t("errors.bank")
  if (Object.keys(errors).length) {
    return { values: v, errors, formError: t("errors.fixFields"), options }
  }

  const fields = {
    "seller.name": { name: "name", label: t("name") },
    "seller.kind": { name: "kind", label: t("kind") },
    "seller.commune_code": { name: "commune_code", label: t("commune") },
    "seller.village_code": { name: "village_code", label: t("village") },
    "seller.address": { name: "address", label: t("address") },
    "seller.phone": { name: "phone", label: t("phone") },
    "seller.handle": { name: "name", label: t("name") },
    "seller.bank_bin": { name: "bank_bin", label: t("bank") },
    "seller.bank_account_number": { name: "bank_account_number", label: t("accountNumber") },
    "seller.bank_account_name": { name: "bank_account_name", label: t("accountName") },
    "member.name": { name: "owner_name", label: t("ownerName") },
    "member.phone": { name: "owner_phone", label: t("ownerPhone") },
    email: { name: "email", label: t("email") },
    password: { name: "password", label: t("password") },
  }
  const login = await unboundToken(locale, v.email, password)
  if (!login.ok) {
    if (login.error.status === 401 || login.error.status === 400) {
      return { values: v, errors: { email: t("errors.emailTaken") }, formError: null, options }
    }
    return { ...failureState(login.error, v, fields, texts), options }
  }
  const optional = (text: string) => text || undefined
  const made = await backend("/seller/sign-up", {
    method: "POST",
    locale,
    token: login.data.token,
    body: {
      seller: {
        name: v.name,
        kind: v.kind,
        commune_code: v.commune_code,
        village_code: optional(v.village_code),
        address: v.address,
        phone: v.phone,
        email: v.email,
        bank_bin: optional(v.bank_bin),
        bank_account_number: optional(v.bank_account_number),
        bank_account_name: optional(v.bank_account_name.toUpperCase()),
      },
      member: { name: v.owner_name, phone: optional(v.owner_phone) },
    },
  })
  // 409 "this login already belongs to a seller": the first attempt went through; go on.
  if (!made.ok && !(made.error.status === 409 && !made.error.field)) {
    return { ...failureState(made.error, v, fields, texts), options }
  }
  await signInAndGoHome(locale, v.email, password, "signed-up")
  return { values: v, errors: {}, formError: null }
}

/** An invited person makes their login with the invited email and joins the seller as staff. */
export async function acceptInvite(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.team" })
  const texts = await errorTexts(locale)
  const v = readText(form, INVITE_FIELDS)
  const token = String(form.get("token") ?? "")
  const password = String(form.get("password") ?? "")
  const errors: Record<string, string> = {}
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = t("errors.email")
  if (v.name.length < 2) errors.name = t("errors.name")
  if (password.length < 8) errors.password = t("errors.password")
  if (Object.keys(errors).length) return { values: v, errors, formError: null }
  const fields = {
    email: { name: "email", label: t("email") },
    name: { name: "name", label: t("memberName") },
    phone: { name: "phone", label: t("phone") },
  }
  const login = await unboundToken(locale, v.email, password)
  if (!login.ok) {
    if (login.error.status === 401 || login.error.status === 400) {
      return { values: v, errors: { email: t("errors.emailTaken") }, formError: null }
    }
    return failureState(login.error, v, fields, texts)
  }
  const joined = await backend("/seller/invites/accept", {
    method: "POST",
    locale,
    token: login.data.token,
    body: { token, name: v.name, phone: v.phone || undefined },
  })
  if (!joined.ok && !(joined.error.status === 409 && !joined.error.field)) {
    return failureState(joined.error, v, fields, texts)
  }
  await signInAndGoHome(locale, v.email, password, "joined")
  return { values: v, errors: {}, formError: null }
}
