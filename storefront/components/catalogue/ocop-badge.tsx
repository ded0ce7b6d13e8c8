import { getTranslations } from "next-intl/server"
import type { OcopBadge as Badge } from "@/lib/medusa"

type Props = { ocop: Badge }

/** "★★★ OCOP 3 sao": the stars are decoration, the words are what a screen reader says. */
export async function OcopBadge({ ocop }: Props) {
  const t = await getTranslations("Catalogue")
  return (
    <span className="ocop-badge" data-testid="ocop-badge">
      <span aria-hidden="true">{"★".repeat(ocop.stars)}</span>{" "}
      {t("ocopBadge", { stars: ocop.stars })}
    </span>
  )
}
