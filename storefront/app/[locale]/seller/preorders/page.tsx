import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { SellerStatus, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { openPreorderAction, preorderAction } from "@/lib/portal/seller-preorder-actions"
import {
  listPlannedBatches,
  listSellerPreorders,
  type SellerPreorder,
} from "@/lib/portal/seller-preorders"
import { listSellerProducts } from "@/lib/portal/seller-reads"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ status?: string; error?: string; product?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.preorders")
  return { title: t("title"), robots: { index: false } }
}

const STATUSES = ["opened", "close", "extend", "cancel", "harvest"] as const

/**
 * The seller's harvest pre-orders: open one for a coming harvest, then close, extend, cancel
 * with a reason, or record the harvest and choose how a short one is shared. The opening form
 * works without JavaScript in two steps: choose the product (a GET form), then one of its
 * variants and one of its planned batches (listed from the traceability records).
 */
export default async function SellerPreordersPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.preorders")
  const search = await searchParams
  const path = "/seller/preorders"
  const context = await sellerContext(locale, localePath(locale, path))
  const [list, products] =
    context === "unavailable"
      ? [null, null]
      : await Promise.all([listSellerPreorders(locale), listSellerProducts(locale, 1)])
  if (context === "unavailable" || !list?.ok || !products?.ok) {
    return <SellerUnavailable locale={locale} path={path} />
  }
  const status = STATUSES.find((s) => s === search.status)
  const chosen =
    products.data.products.find((p) => p.id === search.product) ?? products.data.products[0]
  const batches = chosen ? await listPlannedBatches(locale, chosen.id) : null
  const variants = (chosen?.variants ?? []).map((v) => ({
    value: `${chosen!.id}|${v.id}`,
    label: `${chosen!.title} · ${v.title}`,
  }))
  const titleOf = new Map(
    products.data.products.flatMap((p) => p.variants.map((v) => [v.id, `${p.title} · ${v.title}`])),
  )
  return (
    <SellerFrame locale={locale} me={context.me} section="/preorders" pathname={path}>
      <h1>{t("title")}</h1>
      <SellerStatus message={status ? t(`status.${status}`) : null} />
      {search.error ? (
        <p className="notice notice-error" role="alert" data-testid="preorder-error">
          {search.error === "failed" ? t("failed") : search.error}
        </p>
      ) : null}
      <p>{t("intro")}</p>
      <ul className="preorder-list" data-testid="seller-preorders">
        {list.data.preorders.map((p) => (
          <PreorderCard key={p.id} preorder={p} title={titleOf.get(p.variant_id)} locale={locale} />
        ))}
      </ul>
      <h2>{t("openTitle")}</h2>
      <form
        method="get"
        action={localePath(locale, path)}
        className="checkout-form seller-form preorder-form"
        data-testid="preorder-product"
      >
        <label>
          {t("product")}
          <select name="product" defaultValue={chosen?.id}>
            {products.data.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("chooseProduct")}
        </button>
      </form>
      {batches && !batches.ok ? (
        <p className="notice notice-error" role="alert">
          {t("batchesUnavailable")}
        </p>
      ) : batches?.ok && batches.data.batches.length === 0 ? (
        <p className="notice" data-testid="preorder-no-batches">
          {t("noBatches")}
        </p>
      ) : null}
      <form
        action={openPreorderAction}
        className="checkout-form seller-form preorder-form"
        data-testid="preorder-open"
      >
        <input type="hidden" name="locale" value={locale} />
        <label>
          {t("variant")}
          <select name="variant" required>
            {variants.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("batch")}
          <select name="batch_id" required>
            {(batches?.ok ? batches.data.batches : []).map((b) => (
              <option key={b.id} value={b.id}>
                {t("batchOption", { lot: b.lot_code, quantity: b.quantity, unit: b.unit })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("planned")}
          <input name="planned_quantity" inputMode="numeric" required />
        </label>
        <label>
          {t("harvestOn")}
          <input name="expected_harvest_on" type="date" required />
        </label>
        <label>
          {t("deliveryFrom")}
          <input name="delivery_from" type="date" required />
        </label>
        <label>
          {t("cap")}
          <input name="per_buyer_cap" inputMode="numeric" />
        </label>
        <label>
          {t("depositPercent")}
          <input name="deposit_percent" inputMode="numeric" />
        </label>
        <label>
          {t("depositDueDays")}
          <input name="deposit_due_days" inputMode="numeric" placeholder="3" />
        </label>
        <button
          type="submit"
          className="button"
          disabled={!batches?.ok || batches.data.batches.length === 0}
        >
          {t("open")}
        </button>
      </form>
    </SellerFrame>
  )
}

async function PreorderCard({
  preorder: p,
  title,
  locale,
}: {
  preorder: SellerPreorder
  title: string | undefined
  locale: string
}) {
  const t = await getTranslations("Portal.preorders")
  const live = p.status === "open" || p.status === "closed"
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="preorder_id" value={p.id} />
    </>
  )
  return (
    <li className="preorder-card" data-testid="seller-preorder" data-status={p.status}>
      <h3>{title ?? p.variant_id}</h3>
      <p>
        {t(`state.${p.status}`)} · {t("summary", { left: p.left, planned: p.planned_quantity })}
      </p>
      <p>
        {t("dates", { harvest: p.expected_harvest_on, delivery: p.delivery_from })} ·{" "}
        {t("batchIs", { batch: p.batch_id })}
      </p>
      {p.harvested_quantity != null ? <p>{t("harvested", { q: p.harvested_quantity })}</p> : null}
      {p.cancel_reason ? <p>{t("reasonIs", { reason: p.cancel_reason })}</p> : null}
      {live ? (
        <>
          <form
            action={preorderAction}
            className="checkout-form seller-form preorder-form"
            data-testid="preorder-harvest"
          >
            {hidden}
            <input type="hidden" name="action" value="harvest" />
            <p>{t("harvestFromDiary")}</p>
            <label>
              {t("allocation")}
              <select name="allocation" defaultValue="pro_rata">
                <option value="pro_rata">{t("proRata")}</option>
                <option value="first_come">{t("firstCome")}</option>
              </select>
            </label>
            <button type="submit" className="button">
              {t("recordHarvest")}
            </button>
          </form>
          {p.status === "open" ? (
            <form action={preorderAction} className="preorder-form">
              {hidden}
              <input type="hidden" name="action" value="close" />
              <button type="submit" className="button button-secondary">
                {t("close")}
              </button>
            </form>
          ) : (
            <form action={preorderAction} className="preorder-form">
              {hidden}
              <input type="hidden" name="action" value="extend" />
              <button type="submit" className="button button-secondary">
                {t("reopen")}
              </button>
            </form>
          )}
          <form action={preorderAction} className="checkout-form seller-form preorder-form">
            {hidden}
            <input type="hidden" name="action" value="cancel" />
            <label>
              {t("reason")}
              <input name="reason" required minLength={3} maxLength={500} />
            </label>
            <button type="submit" className="button button-danger">
              {t("cancel")}
            </button>
          </form>
        </>
      ) : null}
    </li>
  )
}
