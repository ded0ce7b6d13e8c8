import { getTranslations } from "next-intl/server"

type Props = { reason: string | null }

/** A recalled batch: whatever the stamp's verdict, the buyer must not use the product. */
export async function RecallNotice({ reason }: Props) {
  const t = await getTranslations("Trace")
  return (
    <section className="notice recall-notice" role="alert" data-testid="trace-recalled">
      <h2>{t("recalledTitle")}</h2>
      <p>{t("recalledBody")}</p>
      {reason ? <p>{t("recallReason", { reason })}</p> : null}
    </section>
  )
}
