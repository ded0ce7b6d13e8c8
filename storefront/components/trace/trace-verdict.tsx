import { getTranslations } from "next-intl/server"

type Props = { genuine: boolean }

/** The answer a buyer scanned for, first and in plain words: genuine (green) or not (red). */
export async function TraceVerdict({ genuine }: Props) {
  const t = await getTranslations("Trace")
  return (
    <section
      className={`verdict ${genuine ? "verdict-genuine" : "verdict-not-genuine"}`}
      data-testid="verdict"
      data-verdict={genuine ? "genuine" : "not_genuine"}
    >
      <span className="verdict-mark" aria-hidden="true">
        {genuine ? "✓" : "!"}
      </span>
      <div>
        <h1>{genuine ? t("genuineTitle") : t("notGenuineTitle")}</h1>
        <p>{genuine ? t("genuineBody") : t("notGenuineAdvice")}</p>
      </div>
    </section>
  )
}
