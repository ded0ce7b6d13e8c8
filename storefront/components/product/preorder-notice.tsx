import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatQuantity } from "@/lib/format"
import type { Preorder } from "@/lib/medusa/preorders"

/** "15/10": a seller's calendar day, day first in both languages as on Vietnamese labels. */
function dayMonth(day: string) {
  const [, month, date] = day.split("-")
  return `${Number(date)}/${Number(month)}`
}

type Props = { preorder: Preorder; locale: Locale; diaryHref: string | null }

/**
 * A coming harvest sold before it is picked: when it is expected, when delivery starts, how much
 * of the planned quantity is left, and the batch's field diary as it grows.
 */
export async function PreorderNotice({ preorder, locale, diaryHref }: Props) {
  const t = await getTranslations("Preorder")
  const open = preorder.status === "open" && preorder.left > 0
  return (
    <section className="preorder notice" data-testid="preorder" aria-label={t("title")}>
      <p className="preorder-line">
        <strong>{t("title")}</strong>
        {" · "}
        {t("harvest", { date: dayMonth(preorder.expectedHarvestOn) })}
        {" · "}
        {t("delivery", { date: dayMonth(preorder.deliveryFrom) })}
      </p>
      <p data-testid="preorder-left">
        {open
          ? t("left", {
              left: formatQuantity(preorder.left, locale),
              planned: formatQuantity(preorder.planned, locale),
            })
          : t("full")}
        {preorder.perBuyerCap ? ` · ${t("cap", { cap: preorder.perBuyerCap })}` : null}
      </p>
      {preorder.depositPercent ? (
        <p data-testid="preorder-deposit">
          <strong>{t("deposit", { pct: preorder.depositPercent })}</strong>
        </p>
      ) : null}
      <p className="muted">{t("shortfall")}</p>
      {diaryHref ? (
        <a href={diaryHref} data-testid="preorder-diary">
          {t("diary")}
        </a>
      ) : null}
    </section>
  )
}
