import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import { formatVnd } from "@/lib/money"
import type { CountedItem, CounterfeitStamp, IndicatorCode } from "@/lib/portal/commune-types"

type Props = { locale: Locale; code: IndicatorCode; item: CountedItem }

/**
 * What lets an officer check one counted thing: an order's date, value, seller and payment (and
 * for CASHLESS why it counts or not), a listing's or entry's seller.
 */
export async function CountedItemDetails({ locale, code, item }: Props) {
  const t = await getTranslations("Portal.indicators")
  const order = item.order
  if (order) {
    const seller = item.seller?.name ?? item.seller?.id ?? "—"
    return (
      <>
        <p className="muted" data-testid="counted-order">
          {t("order", {
            date: formatDate(new Date(order.placed_at), locale),
            amount: formatVnd(order.amount, locale),
            seller,
            payment: t("payment", {
              method: t(`paymentMethods.${order.payment_method}`),
              status: t(`paymentStatuses.${order.payment_status}`),
            }),
          })}
        </p>
        {code === "CASHLESS" || code === "CASHLESS_VALUE" ? (
          <p data-testid="cashless-reason">{t(`cashlessReasons.${order.cashless_reason}`)}</p>
        ) : null}
      </>
    )
  }
  if (item.seller && item.subject_type !== "seller") {
    return (
      <p className="muted" data-testid="counted-seller">
        {t("sellerOf", { name: item.seller.name ?? item.seller.id })}
      </p>
    )
  }
  return null
}

/** The serials behind COUNTERFEIT, newest signal first (null: the service did not answer). */
export async function CounterfeitStamps({
  locale,
  stamps,
}: {
  locale: Locale
  stamps: CounterfeitStamp[] | null
}) {
  const t = await getTranslations("Portal.indicators")
  return (
    <section aria-labelledby="counted-stamps">
      <h2 id="counted-stamps">{t("stampsHeading", { count: stamps?.length ?? 0 })}</h2>
      {!stamps ? (
        <p className="notice">{t("stampsUnavailable")}</p>
      ) : (
        <ul className="commune-list" data-testid="counterfeit-stamps">
          {stamps.map((s) => (
            <li key={s.serial} data-serial={s.serial}>
              <code className="counted-serial">{s.serial}</code>
              {s.state === "voided" ? ` · ${t("stampVoided")}` : ""}{" "}
              <p className="muted">
                {t("sellerOf", { name: s.seller_name })} ·{" "}
                {t("stampLine", {
                  product: s.product_title,
                  lot: s.lot_code,
                  date: formatDate(new Date(s.signalled_at), locale),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {stamps && stamps.length >= 500 ? <p className="muted">{t("stampsMore")}</p> : null}
    </section>
  )
}
