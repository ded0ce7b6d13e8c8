import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { readPortalSession } from "@/lib/portal/session"
import { portalOf } from "@/lib/portal/sign-in-roles"
import { PortalShell } from "./portal-shell"
import { SignInForm } from "./sign-in-form"

type Props = { locale: Locale; portal: "seller" | "commune"; next?: string; status?: string }

/**
 * Both portals' sign-in page. A person already signed in to the other portal (a helper who
 * followed a link to the commune portal) is told so, instead of seeing an empty form.
 */
export async function SignInPage({ locale, portal, next, status }: Props) {
  const t = await getTranslations(portal === "seller" ? "Portal.seller" : "Portal.commune")
  const s = await getTranslations("Portal.signIn")
  const session = await readPortalSession()
  const elsewhere = session && portalOf(session.actor) !== portal ? session.actor : null
  const roleNames = {
    seller_member: s("roles.seller_member"),
    helper: s("roles.helper"),
    commune_officer: s("roles.commune_officer"),
    province_officer: s("roles.province_officer"),
  }
  return (
    <PortalShell
      locale={locale}
      portal={portal}
      pathname={`/${portal}/sign-in`}
      title={t("portalName")}
    >
      <h1>{t("signInTitle")}</h1>
      {elsewhere ? (
        <p className="notice" role="status" data-testid="sign-in-elsewhere">
          {s("signedInElsewhere", { role: roleNames[elsewhere] })}{" "}
          <a href={localePath(locale, `/${portalOf(elsewhere)}`)}>
            {s(`goTo.${portalOf(elsewhere)}`)}
          </a>
        </p>
      ) : null}
      {status === "choice-expired" ? (
        <p className="notice notice-error" role="alert">
          {s("choiceExpired")}
        </p>
      ) : null}
      <SignInForm
        locale={locale}
        portal={portal}
        next={next ?? localePath(locale, `/${portal}`)}
        labels={{
          email: s("email"),
          password: s("password"),
          submit: s("submit"),
          severalRoles: s("severalRoles"),
          chooseRole: s("chooseRole"),
          continue: s("continue"),
          roleNames,
        }}
      />
      <p className="muted">{s("oneDoor")}</p>
      {portal === "seller" ? (
        <p>
          {t("noAccount")} <a href={localePath(locale, "/seller/sign-up")}>{t("signUpLink")}</a>
        </p>
      ) : null}
    </PortalShell>
  )
}
