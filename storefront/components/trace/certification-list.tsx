import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { Certifications } from "@/lib/traceability"
import { dayToDate } from "@/lib/traceability/days"

const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)

type Props = { certifications: Certifications; locale: Locale }

// A certificate number or a date broken across two lines of a phone ("OCOP-GP-2024-" / "06",
// "14 tháng 10," / "2027") reads as two things: each stays on one line.
const nb = (chunks: ReactNode) => <span className="nowrap">{chunks}</span>

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
          <>, {t.rich("ocopNumber", { number: ocopCertificate.number, nb })}</>
        ) : null}
        {ocopExpiry ? (
          <span data-testid="ocop-expiry" className={ocopExpired ? "warning" : undefined}>
            {", "}
            {ocopExpired
              ? t.rich("ocopExpired", { date: day(ocopExpiry), nb })
              : t.rich("ocopValidUntil", { date: day(ocopExpiry), nb })}
          </span>
        ) : null}
      </li>
    ) : null,
    vietgap ? (
      <li key="vietgap">
        {t.rich("vietgap", { number: vietgap.number, nb })},{" "}
        {t.rich("validity", { from: day(vietgap.validFrom), until: day(vietgap.validUntil), nb })}
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
