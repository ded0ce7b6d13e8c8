import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerForm } from "@/components/portal/seller-form"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { acceptHelperGrant } from "@/lib/portal/helper-grant-actions"
import { emptyFormState } from "@/lib/portal/seller-form"
import { readPortalSession } from "@/lib/portal/session"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.team")
  return { title: t("helperAcceptTitle"), robots: { index: false } }
}

/**
 * The link in a helper-grant e-mail. The grant becomes live only when the helper the owner chose
 * accepts it, signed in, with this link's token: proof that it reads that address.
 */
export default async function HelperAcceptPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.team")
  const tSeller = await getTranslations("Portal.seller")
  const { token } = await searchParams
  const valid = typeof token === "string" && /^[A-Za-z0-9_-]{20,200}$/.test(token)
  const pathname = `/seller/helper-accept${valid ? `?token=${token}` : ""}`
  const session = await readPortalSession()
  if (valid && session?.actor !== "helper") {
    redirect(
      `${localePath(locale, "/seller/sign-in")}?next=${encodeURIComponent(localePath(locale, pathname))}`,
    )
  }
  return (
    <PortalShell locale={locale} portal="seller" pathname={pathname} title={tSeller("portalName")}>
      <h1>{t("helperAcceptTitle")}</h1>
      {valid ? (
        <>
          <p>{t("helperAcceptIntro")}</p>
          <SellerForm
            id="helper-accept"
            testId="helper-accept-form"
            action={acceptHelperGrant}
            initial={emptyFormState()}
            hidden={{ locale, token }}
            submit={t("helperAcceptSubmit")}
            pendingLabel={t("sending")}
            fields={[]}
          />
        </>
      ) : (
        <p className="notice notice-error" role="alert">
          {t("badLink")}
        </p>
      )}
    </PortalShell>
  )
}
