import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { communeInSentence, formatDate } from "@/lib/format"
import type { StampProvenance, StampVerdict } from "@/lib/traceability"

type Props =
  | { verdict: "not_genuine" }
  | { verdict: StampVerdict; provenance: StampProvenance; locale: Locale }

// Colour and mark per verdict: green genuine, amber suspicious or seller suspended, grey voided,
// red not genuine.
const LOOK: Record<Props["verdict"], { className: string; mark: string }> = {
  genuine_first_scan: { className: "verdict-genuine", mark: "✓" },
  genuine_repeat: { className: "verdict-genuine", mark: "✓" },
  suspicious: { className: "verdict-suspicious", mark: "!" },
  voided: { className: "verdict-voided", mark: "✕" },
  seller_suspended: { className: "verdict-suspicious", mark: "!" },
  not_genuine: { className: "verdict-not-genuine", mark: "!" },
}

/** The answer a buyer scanned for, first and in plain words, with what to do about it. */
export async function TraceVerdict(props: Props) {
  const t = await getTranslations("Trace")
  const { className, mark } = LOOK[props.verdict]
  let title: string
  let lines: string[]
  // The rules behind a suspicious verdict, in plain words (traceability/README.md, "Verdicts").
  let why: string[] = []
  if (props.verdict === "not_genuine") {
    title = t("notGenuineTitle")
    lines = [t("notGenuineAdvice")]
  } else {
    const { seller, scans } = props.provenance
    const count = scans.count
    switch (props.verdict) {
      case "genuine_first_scan":
        title = t("genuineTitle")
        lines = [t("firstScan"), t("genuineBody", { seller: seller.name })]
        break
      case "genuine_repeat": {
        const since = scans.firstScannedAt
        title = t("genuineTitle")
        lines = [
          since
            ? t("repeatScans", { count, date: formatDate(since, props.locale) })
            : t("genuineBody", { seller: seller.name }),
          t("repeatAdvice"),
        ]
        break
      }
      case "suspicious":
        title = t("suspiciousTitle")
        lines = [t("suspiciousBody", { count }), t("suspiciousAdvice", { seller: seller.name })]
        why = [t("suspiciousWhyNetworks"), t("suspiciousWhyTravel"), t("suspiciousWhyNotRepeats")]
        break
      case "voided":
        title = t("voidedTitle")
        lines = [t("voidedBody", { seller: seller.name }), t("voidedAdvice")]
        break
      case "seller_suspended":
        title = t("sellerSuspendedTitle")
        lines = [
          t("sellerSuspendedBody", { seller: seller.name }),
          t("sellerSuspendedAdvice", {
            commune: seller.commune
              ? communeInSentence(seller.commune, props.locale)
              : t("sellerSuspendedCommune"),
          }),
        ]
        break
    }
  }
  return (
    <section className={`verdict ${className}`} data-testid="verdict" data-verdict={props.verdict}>
      <span className="verdict-mark" aria-hidden="true">
        {mark}
      </span>
      <div>
        {/* elementtiming: when the verdict's words are painted (scripts/bench/weak-link.mjs). */}
        <h1 {...{ elementtiming: "verdict" }}>{title}</h1>
        {lines.map((line) => (
          <p key={line} className="verdict-line">
            {line}
          </p>
        ))}
        {why.length ? (
          <div className="verdict-why" data-testid="verdict-why">
            <h2>{t("suspiciousWhyTitle")}</h2>
            <ul>
              {why.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  )
}
