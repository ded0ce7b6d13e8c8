import { getTranslations } from "next-intl/server"
import { localePath, sellerPath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Seller } from "@/lib/medusa"

type Props = { sellers: Seller[]; locale: Locale }

/** Sellers as links to their pages, with their kind, village and how many products they sell. */
export async function SellerList({ sellers, locale }: Props) {
  const t = await getTranslations("Catalogue")
  return (
    <ul className="seller-list" data-testid="seller-list">
      {sellers.map((seller) => (
        <li key={seller.id}>
          <a href={localePath(locale, sellerPath(seller.handle))}>{seller.name}</a>
          <span className="muted">
            {[
              seller.kind ? t(seller.kind) : null,
              seller.village?.name,
              t("productCount", { count: seller.productCount }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  )
}
