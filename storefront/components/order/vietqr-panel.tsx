import { getLocale, getTranslations } from "next-intl/server"
import type { VietQr } from "@/lib/medusa/cart-types"
import { formatVnd } from "@/lib/money"

/** What a buyer needs to pay one seller by bank transfer: the QR and the same data to type. */
export async function VietQrPanel({ qr, sellerName }: { qr: VietQr; sellerName: string }) {
  const t = await getTranslations("Order.vietqr")
  const locale = await getLocale()
  const src = `data:image/svg+xml;base64,${Buffer.from(qr.svg).toString("base64")}`
  return (
    <div className="vietqr" data-testid="vietqr">
      <p>{t("intro", { seller: sellerName })}</p>
      {/* biome-ignore lint/performance/noImgElement: an inline SVG data URL; next/image has nothing to optimise */}
      <img
        src={src}
        alt={t("qrAlt", { amount: formatVnd(qr.amount.amount, locale), seller: sellerName })}
        width={220}
        height={220}
      />
      <dl>
        <dt>{t("bank")}</dt>
        <dd>{qr.bankName ?? "—"}</dd>
        <dt>{t("account")}</dt>
        <dd className="mono">{qr.accountNumber}</dd>
        <dt>{t("holder")}</dt>
        <dd>{qr.accountName ?? "—"}</dd>
        <dt>{t("amount")}</dt>
        <dd data-testid="vietqr-amount">{formatVnd(qr.amount.amount, locale)}</dd>
        <dt>{t("reference")}</dt>
        <dd className="mono" data-testid="vietqr-reference">
          {qr.purpose ?? qr.reference}
        </dd>
      </dl>
      <p className="muted">{t("after")}</p>
    </div>
  )
}
