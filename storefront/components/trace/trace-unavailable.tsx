import { getTranslations } from "next-intl/server"

type Props = {
  /** Where "Try again" leads: this stamp's page. */
  retryHref: string
}

/** Shown when the traceability service cannot answer: no verdict either way, only a retry. */
export async function TraceUnavailable({ retryHref }: Props) {
  const t = await getTranslations("Trace")
  return (
    <section className="notice" role="alert" data-testid="trace-unavailable">
      <h1>{t("unavailableTitle")}</h1>
      <p>{t("unavailableBody")}</p>
      <a className="button" href={retryHref}>
        {t("retry")}
      </a>
    </section>
  )
}
