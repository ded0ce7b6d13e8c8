import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import type { Locale } from "@/i18n/routing"
import { formatQuantity } from "@/lib/format"
import type { InspectionTest, Quantity, TraceEvent } from "@/lib/traceability"

type Props = { event: TraceEvent; locale: Locale }
type Fact = [label: string, value: ReactNode]

/** The facts of one event, labelled in the page's language: dose, lab result, quantity, ... */
export async function EventFacts({ event, locale }: Props) {
  const t = await getTranslations("TraceEvent")
  const qty = (q: Quantity | undefined) =>
    q ? `${formatQuantity(q.amount, locale)} ${q.unit}` : undefined
  const num = (n: number | undefined) => (n === undefined ? undefined : formatQuantity(n, locale))
  const test = (x: InspectionTest) => {
    const value = typeof x.value === "number" ? formatQuantity(x.value, locale) : x.value
    const limit = typeof x.limit === "number" ? formatQuantity(x.limit, locale) : x.limit
    const unit = x.unit ? ` ${x.unit}` : ""
    const verdict = x.pass === null ? "" : ` (${x.pass ? t("pass") : t("fail")})`
    return `${x.name}: ${value}${unit}${limit === null ? "" : `, ${t("limit", { limit: `${limit}${unit}` })}`}${verdict}`
  }
  const f = event.facts
  const facts: [string, ReactNode | undefined][] = []
  switch (f.type) {
    case "planting":
      facts.push(
        [t("crop"), f.crop],
        [t("variety"), f.variety],
        [t("area"), f.areaM2 === undefined ? undefined : `${num(f.areaM2)} m²`],
        [t("seedSource"), f.seedSource],
      )
      break
    case "input_applied":
      facts.push(
        [t("inputProduct"), f.product],
        [t("inputKind"), f.inputKind ? t(`kind.${f.inputKind}`) : undefined],
        [t("dose"), qty(f.dose)],
        [
          t("preHarvestInterval"),
          f.preHarvestIntervalDays === undefined
            ? undefined
            : t("days", { days: f.preHarvestIntervalDays }),
        ],
        [t("target"), f.target],
      )
      break
    case "harvest":
      facts.push([t("harvestQuantity"), qty(f.quantity)])
      break
    case "processing":
      facts.push(
        [t("process"), f.process],
        [t("inputQuantity"), qty(f.inputQuantity)],
        [t("outputQuantity"), qty(f.outputQuantity)],
      )
      break
    case "packing":
      facts.push(
        [t("package"), f.package],
        [t("units"), num(f.units)],
        [t("quantity"), qty(f.quantity)],
      )
      break
    case "inspection":
      facts.push(
        [t("inspector"), f.inspector],
        [
          t("result"),
          f.result ? (
            <strong key="result" className={`result-${f.result}`} data-testid="inspection-result">
              {t(f.result)}
            </strong>
          ) : undefined,
        ],
        [t("reportNumber"), f.reportNumber],
        [
          t("tests"),
          f.tests?.length ? (
            <ul key="tests">
              {f.tests.map((x) => (
                <li key={x.name}>{test(x)}</li>
              ))}
            </ul>
          ) : undefined,
        ],
      )
      break
    case "shipping":
      facts.push(
        [t("destination"), f.destination],
        [t("carrier"), f.carrier],
        [t("quantity"), qty(f.quantity)],
      )
      break
    case "receiving":
      facts.push(
        [t("receiver"), f.receiver],
        [t("source"), f.source],
        [t("quantity"), qty(f.quantity)],
        [t("condition"), f.condition],
      )
      break
  }
  facts.push([t("place"), event.place ?? undefined], [t("actor"), event.actor ?? undefined])
  const shown = facts.filter((fact): fact is Fact => fact[1] !== undefined && fact[1] !== "")
  const reportUrl = f.type === "inspection" ? f.reportUrl : undefined
  return (
    <>
      {shown.length > 0 ? (
        <dl className="event-facts">
          {shown.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {event.note ? <p className="event-note">{event.note}</p> : null}
      {reportUrl ? (
        <p className="event-links">
          <a href={reportUrl} rel="noopener noreferrer nofollow">
            {t("report")}
          </a>
        </p>
      ) : null}
      {event.photos.length > 0 ? (
        // Thumbnails a person can see at a glance, each opening the photo at full size.
        <ul className="event-photos">
          {event.photos.map((photo, i) => (
            <li key={photo}>
              <a href={photo} rel="noopener noreferrer nofollow">
                {/* biome-ignore lint/performance/noImgElement: photos on the backend's or any http(s) host; next/image would need every host listed */}
                <img src={photo} alt="" width={96} height={96} loading="lazy" decoding="async" />
                <span>{t("photo", { number: i + 1 })}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
