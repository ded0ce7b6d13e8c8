import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PortalShell } from "@/components/portal/portal-shell"
import { SignInForm } from "@/components/portal/sign-in-form"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.commune")
  return { title: t("signInTitle"), robots: { index: false } }
}

export default async function CommuneSignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.commune")
  const tSign = await getTranslations("Portal.signIn")
  const { next } = await searchParams
  return (
    <PortalShell
      locale={locale}
      portal="commune"
      pathname="/commune/sign-in"
      title={t("portalName")}
    >
      <h1>{t("signInTitle")}</h1>
      <SignInForm
        locale={locale}
        portal="commune"
        next={next ?? localePath(locale, "/commune")}
        labels={{
          email: tSign("email"),
          password: tSign("password"),
          role: tSign("role"),
          submit: tSign("submit"),
          roles: [
            { value: "commune_officer", label: t("roleCommune") },
            { value: "province_officer", label: t("roleProvince") },
          ],
        }}
      />
    </PortalShell>
  )
}
