import { getLocale, getTranslations } from "next-intl/server"
import type { Money } from "@/lib/medusa"
import { formatVnd } from "@/lib/money"

type Props = { price: Money | null; className?: string }

export async function ProductPrice({ price, className = "price" }: Props) {
  if (!price) {
    const t = await getTranslations("Product")
    return <p className={className}>{t("noPrice")}</p>
  }
  const locale = await getLocale()
  return (
    <p className={className} data-testid="price">
      {formatVnd(price.amount, locale)}
    </p>
  )
}
