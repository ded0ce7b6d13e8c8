import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { backend } from "@/lib/portal/api"
import { chooseSeller } from "@/lib/portal/auth-actions"
import { readPortalSession } from "@/lib/portal/session"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }

type Granted = { sellers: { id: string; name: string; state: string }[] }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.seller")
  return { title: t("chooseTitle"), robots: { index: false } }
}

/** A helper of the village's tech team picks which granting seller's portal to open. */
export default async function ChooseSellerPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.seller")
  const { next } = await searchParams
  const session = await readPortalSession()
  if (session?.actor !== "helper") redirect(localePath(locale, "/seller/sign-in"))
  const granted = await backend<Granted>("/helper/sellers", { locale, token: session.token })
  const here = localePath(locale, "/seller/choose")
  return (
    <PortalShell
      locale={locale}
      portal="seller"
      pathname="/seller/choose"
      title={t("portalName")}
      person={t("helperSignedIn")}
    >
      <h1>{t("chooseTitle")}</h1>
      {!granted.ok && (granted.error.status === 0 || granted.error.status >= 500) ? (
        <StoreUnavailable retryHref={here} />
      ) : !granted.ok ? (
        <p className="notice notice-error" role="alert">
          {granted.error.message || t("signInAgain")}
        </p>
      ) : granted.data.sellers.length === 0 ? (
        <p className="notice">{t("noGrants")}</p>
      ) : (
        <ul className="choose-list">
          {granted.data.sellers.map((seller) => (
            <li key={seller.id}>
              <form action={chooseSeller}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="seller_id" value={seller.id} />
                <input type="hidden" name="next" value={next ?? localePath(locale, "/seller")} />
                <button type="submit" className="button button-wide">
                  {t("actFor", { seller: seller.name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </PortalShell>
  )
}
