import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerForm } from "@/components/portal/seller-form"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { emptyFormState } from "@/lib/portal/seller-form"
import { acceptInvite } from "@/lib/portal/seller-signup-actions"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.team")
  return { title: t("acceptTitle"), robots: { index: false } }
}

/** The link in an invitation e-mail: the invited person makes a login and joins as staff. */
export default async function AcceptInvitePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.team")
  const tSeller = await getTranslations("Portal.seller")
  const { token } = await searchParams
  const valid = typeof token === "string" && /^[A-Za-z0-9_-]{20,200}$/.test(token)
  return (
    <PortalShell
      locale={locale}
      portal="seller"
      pathname={`/seller/invite${valid ? `?token=${token}` : ""}`}
      title={tSeller("portalName")}
    >
      <h1>{t("acceptTitle")}</h1>
      {valid ? (
        <>
          <p>{t("acceptIntro")}</p>
          <SellerForm
            id="accept"
            testId="accept-form"
            action={acceptInvite}
            initial={emptyFormState()}
            hidden={{ locale, token }}
            submit={t("acceptSubmit")}
            pendingLabel={t("sending")}
            fields={[
              {
                name: "email",
                label: t("email"),
                type: "email",
                hint: t("acceptEmailHint"),
                required: true,
                autoComplete: "email",
              },
              {
                name: "name",
                label: t("memberName"),
                required: true,
                minLength: 2,
                autoComplete: "name",
              },
              {
                name: "phone",
                label: t("phone"),
                type: "tel",
                pattern: "\\+?[0-9 .\\-]{8,15}",
                inputMode: "tel",
              },
              {
                name: "password",
                label: t("password"),
                type: "password",
                hint: t("passwordHint"),
                required: true,
                minLength: 8,
                autoComplete: "new-password",
              },
            ]}
          />
        </>
      ) : (
        <p className="notice notice-error" role="alert">
          {t("badLink")}{" "}
          <a href={localePath(locale, "/seller/sign-in")}>{tSeller("signInTitle")}</a>
        </p>
      )}
    </PortalShell>
  )
}
