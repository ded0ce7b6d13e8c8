import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PortalShell } from "@/components/portal/portal-shell"
import { SignInForm } from "@/components/portal/sign-in-form"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.seller")
  return { title: t("signInTitle"), robots: { index: false } }
}

export default async function SellerSignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.seller")
  const tSign = await getTranslations("Portal.signIn")
  const { next } = await searchParams
  return (
    <PortalShell locale={locale} portal="seller" pathname="/seller/sign-in" title={t("portalName")}>
      <h1>{t("signInTitle")}</h1>
      <SignInForm
        locale={locale}
        portal="seller"
        next={next ?? localePath(locale, "/seller")}
        labels={{
          email: tSign("email"),
          password: tSign("password"),
          role: tSign("role"),
          submit: tSign("submit"),
          roles: [
            { value: "seller_member", label: t("roleMember") },
            { value: "helper", label: t("roleHelper") },
          ],
        }}
      />
      <p>
        {t("noAccount")} <a href={localePath(locale, "/seller/sign-up")}>{t("signUpLink")}</a>
      </p>
    </PortalShell>
  )
}
