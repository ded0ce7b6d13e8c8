import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { ChainCheck, EventType, TraceEvent } from "@/lib/traceability"
import { EventFacts } from "./event-facts"

type Props = {
  events: TraceEvent[]
  locale: Locale
  /** The service's recomputation of the diary's hash chain; null when it could not say. */
  chain: ChainCheck | null
}

const SPRAYS = new Set(["pesticide", "herbicide", "fungicide"])

/** "Bón phân" or "Phun thuốc" when the input's kind says which; the generic label otherwise. */
function typeKey(event: TraceEvent): EventType | "fertiliser" | "spraying" {
  const f = event.facts
  if (f.type !== "input_applied" || !f.inputKind) return f.type
  if (f.inputKind === "fertiliser") return "fertiliser"
  return SPRAYS.has(f.inputKind) ? "spraying" : f.type
}

/** The batch's diary, oldest first as it was recorded, each entry with its date in Vietnam. */
export async function EventTimeline({ events, locale, chain }: Props) {
  const t = await getTranslations("Trace")
  const tEvent = await getTranslations("TraceEvent")
  return (
    <section className="provenance" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("timeline")}</h2>
      {events.length === 0 ? (
        <p className="muted">{t("noEvents")}</p>
      ) : (
        <>
          <ol className="timeline" data-testid="trace-timeline">
            {events.map((event) => (
              <li key={event.id} data-event-type={event.facts.type}>
                <time dateTime={event.occurredAtText}>{formatDate(event.occurredAt, locale)}</time>
                <h3>{tEvent(`type.${typeKey(event)}`)}</h3>
                <EventFacts event={event} locale={locale} />
              </li>
            ))}
          </ol>
          {chain?.intact === false ? (
            <p className="chain-broken" role="alert" data-testid="trace-chain" data-intact="false">
              {t("chainBroken")}
            </p>
          ) : (
            <p
              className="muted small"
              data-testid="trace-chain"
              data-intact={chain ? "true" : undefined}
            >
              {chain ? `${t("chainIntact", { count: chain.events })} ` : null}
              {t("chainNote")}
            </p>
          )}
        </>
      )}
    </section>
  )
}
