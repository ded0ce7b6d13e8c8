import { getTranslations } from "next-intl/server"

type Props = {
  /** Where "Try again" leads: the page the buyer was on. */
  retryHref: string
}

/** Shown instead of a page whose data the backend could not give (down, slow, misconfigured). */
export async function StoreUnavailable({ retryHref }: Props) {
  const t = await getTranslations("Unavailable")
  return (
    <section className="notice" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <a className="button" href={retryHref}>
        {t("retry")}
      </a>
    </section>
  )
}
