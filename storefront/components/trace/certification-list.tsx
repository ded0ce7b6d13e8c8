import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { Certifications } from "@/lib/traceability"
import { dayToDate } from "@/lib/traceability/days"

type Props = { certifications: Certifications; locale: Locale }

/** VietGAP, organic and OCOP, as the batch declared them; says so when it declared none. */
export async function CertificationList({ certifications, locale }: Props) {
  const t = await getTranslations("Trace")
  const { vietgap, organic, ocopStars } = certifications
  const day = (value: string) => formatDate(dayToDate(value), locale)
  const items = [
    ocopStars ? (
      <li key="ocop">
        <span aria-hidden="true">{"★".repeat(ocopStars)} </span>
        {t("ocop", { stars: ocopStars })}
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
