import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { Certifications } from "@/lib/traceability"
import { dayToDate } from "@/lib/traceability/days"

const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)

type Props = { certifications: Certifications; locale: Locale }

/** VietGAP, organic and OCOP, as the batch declared them; says so when it declared none. */
export async function CertificationList({ certifications, locale }: Props) {
  const t = await getTranslations("Trace")
  const { vietgap, organic, ocopStars, ocopCertificate } = certifications
  const day = (value: string) => formatDate(dayToDate(value), locale)
  const ocopExpiry = ocopCertificate?.expiresOn ?? null
  // The registry's expiry, as of today in Vietnam (a certificate runs through its last day).
  const ocopExpired = ocopExpiry !== null && ocopExpiry < vietnamToday()
  const items = [
    ocopStars ? (
      <li key="ocop">
        <span aria-hidden="true">{"★".repeat(ocopStars)} </span>
        {t("ocop", { stars: ocopStars })}
        {ocopCertificate?.number ? (
          <>, {t("ocopNumber", { number: ocopCertificate.number })}</>
        ) : null}
        {ocopExpiry ? (
          <span data-testid="ocop-expiry" className={ocopExpired ? "warning" : undefined}>
            {", "}
            {ocopExpired
              ? t("ocopExpired", { date: day(ocopExpiry) })
              : t("ocopValidUntil", { date: day(ocopExpiry) })}
          </span>
        ) : null}
      </li>
    ) : null,
    vietgap ? (
      <li key="vietgap">
        {t("vietgap", { number: vietgap.number })},{" "}
        {t("validity", { from: day(vietgap.validFrom), until: day(vietgap.validUntil) })}
      </li>
    ) : null,
    organic ? (
      <li key="organic">
        {t("organic", { certifier: organic.certifier, number: organic.number })}
      </li>
    ) : null,
  ].filter(Boolean)
  return (
    <section
      className="provenance"
      aria-labelledby="certifications-heading"
      data-testid="trace-certifications"
    >
      <h2 id="certifications-heading">{t("certifications")}</h2>
      {items.length > 0 ? (
        <ul className="certifications">{items}</ul>
      ) : (
        <p className="muted">{t("noCertifications")}</p>
      )}
    </section>
  )
}
