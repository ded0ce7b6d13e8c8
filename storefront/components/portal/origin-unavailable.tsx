import { getTranslations } from "next-intl/server"

/** The traceability service did not answer: say so, and offer to try again. */
export async function OriginUnavailable({ retryHref }: { retryHref: string }) {
  const t = await getTranslations("Portal.origin")
  return (
    <section className="notice" role="alert" data-testid="origin-unavailable">
      <p className="notice-title">{t("unavailableTitle")}</p>
      <p>{t("unavailableBody")}</p>
      <a className="button" href={retryHref}>
        {t("retry")}
      </a>
    </section>
  )
}
