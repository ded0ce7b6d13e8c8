import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { SellerStatus, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatVnd } from "@/lib/money"
import { sellerContext } from "@/lib/portal/context"
import { currentPeriod, isPeriod, listSellerInvoices } from "@/lib/portal/seller-invoices"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ period?: string; status?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.invoices")
  return { title: t("title"), robots: { index: false } }
}

/**
 * The month's e-invoice data: one invoice per paid order part, each downloadable as XML for the
 * seller's e-invoice provider to sign and send, and the whole month as a ZIP with a summary.
 */
export default async function SellerInvoicesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.invoices")
  const search = await searchParams
  const period = isPeriod(search.period) ? search.period : currentPeriod()
  const path = `/seller/invoices?period=${period}`
  const context = await sellerContext(locale, localePath(locale, path))
  const list = context === "unavailable" ? null : await listSellerInvoices(locale, period)
  if (context === "unavailable" || !list?.ok)
    return <SellerUnavailable locale={locale} path={path} />
  const { invoices, settings_missing: missing } = list.data
  const total = invoices.reduce((sum, i) => sum + i.total, 0)
  return (
    <SellerFrame locale={locale} me={context.me} section="/invoices" pathname={path}>
      <h1>{t("title")}</h1>
      <SellerStatus message={search.status === "file_failed" ? t("status.file_failed") : null} />
      <p>{t("intro")}</p>
      <form
        method="get"
        action={localePath(locale, "/seller/invoices")}
        className="commune-filters"
      >
        <div className="commune-field">
          <label htmlFor="invoice-period">{t("period")}</label>
          <input id="invoice-period" type="month" name="period" defaultValue={period} required />
        </div>
        <button type="submit" className="button button-secondary">
          {t("show")}
        </button>
      </form>
      {missing.length ? (
        <p className="notice" data-testid="invoice-settings-missing">
          {t("missing")} <a href={localePath(locale, "/seller/settings")}>{t("settingsLink")}</a>
        </p>
      ) : null}
      {invoices.length === 0 ? (
        <p className="notice">{t("empty")}</p>
      ) : (
        <>
          <p>
            {t("count", { count: invoices.length, total: formatVnd(total, locale) })} ·{" "}
            <a
              href={localePath(locale, `/seller/invoices/export?period=${period}`)}
              data-testid="invoices-zip"
            >
              {t("downloadAll")}
            </a>
          </p>
          <table data-testid="seller-invoices">
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("order")}</th>
                <th scope="col">{t("buyer")}</th>
                <th scope="col">{t("vat")}</th>
                <th scope="col">{t("total")}</th>
                <th scope="col">{t("file")}</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id} data-testid="seller-invoice">
                  <td>
                    {invoice.form}
                    {invoice.series}-{String(invoice.number).padStart(8, "0")}
                  </td>
                  <td>{invoice.issued_on}</td>
                  <td>{invoice.reference}</td>
                  <td>
                    {invoice.buyer_name}
                    {invoice.adjustment_note ? (
                      <span className="muted" data-testid="invoice-adjustment">
                        {" "}
                        — {t("adjustment")}
                      </span>
                    ) : null}
                  </td>
                  <td>{formatVnd(invoice.total_vat, locale)}</td>
                  <td>{formatVnd(invoice.total, locale)}</td>
                  <td>
                    <a href={localePath(locale, `/seller/invoices/${invoice.id}/xml`)}>
                      {t("xml")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </SellerFrame>
  )
}
