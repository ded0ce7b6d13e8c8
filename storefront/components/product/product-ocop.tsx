import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { OcopBadge } from "@/lib/medusa"

type Props = { ocop: OcopBadge; locale: Locale; now?: Date }

/** The OCOP certificate behind the stars: its number and how long it is valid. */
export async function ProductOcop({ ocop, locale, now = new Date() }: Props) {
  const t = await getTranslations("Product")
  const expired = ocop.expiresOn !== null && ocop.expiresOn.getTime() < now.getTime()
  return (
    <section className="ocop-certificate" aria-labelledby="ocop-heading" data-testid="ocop">
      <h2 id="ocop-heading">
        <span className="ocop-stars" aria-hidden="true">
          {"★".repeat(ocop.stars)}
        </span>{" "}
        {t("ocopTitle", { stars: ocop.stars })}
      </h2>
      <dl>
        {ocop.certificateNumber ? (
          <>
            <dt>{t("certificate")}</dt>
            <dd data-testid="ocop-certificate">{ocop.certificateNumber}</dd>
          </>
        ) : null}
        {ocop.expiresOn && !expired ? (
          <>
            <dt>{t("expires")}</dt>
            <dd>
              <time dateTime={ocop.expiresOn.toISOString()}>
                {formatDate(ocop.expiresOn, locale)}
              </time>
            </dd>
          </>
        ) : null}
      </dl>
      {ocop.expiresOn && expired ? (
        <p className="warning">{t("expired", { date: formatDate(ocop.expiresOn, locale) })}</p>
      ) : null}
    </section>
  )
}
