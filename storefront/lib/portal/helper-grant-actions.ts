"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { backend } from "./api"
import { type FormState, failureState } from "./seller-form"
import { readPortalSession } from "./session"

/**
 * A helper, signed in with its own account, accepts a seller's grant with the token from the
 * mailed link (POST /helper/grants/accept); then it chooses whom to act for.
 */
export async function acceptHelperGrant(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const f = await getTranslations({ locale, namespace: "Portal.sellerForm" })
  const texts = {
    unavailable: f("unavailable"),
    signInAgain: f("signInAgain"),
    failed: f("failed"),
  }
  const session = await readPortalSession()
  if (session?.actor !== "helper") {
    return { values: {}, errors: {}, formError: texts.signInAgain }
  }
  const accepted = await backend("/helper/grants/accept", {
    method: "POST",
    locale,
    token: session.token,
    body: { token: String(form.get("token") ?? "") },
  })
  if (!accepted.ok) return failureState(accepted.error, {}, {}, texts)
  redirect(localePath(locale, "/seller/choose"))
}
