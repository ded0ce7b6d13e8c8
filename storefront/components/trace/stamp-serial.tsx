import { getTranslations } from "next-intl/server"

type Props = { serial: string }

/** The scanned number alone, for a stamp nothing vouches for: the buyer can read it out. */
export async function StampSerial({ serial }: Props) {
  const t = await getTranslations("Trace")
  return (
    <dl className="provenance">
      <dt>{t("serial")}</dt>
      <dd className="serial" data-testid="trace-serial">
        {serial}
      </dd>
    </dl>
  )
}
