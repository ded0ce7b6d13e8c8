import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { storedToDateOnly, vietnamToday } from "../../lib/dates"
import { formatDate, pick } from "../lib/i18n"
import { sdk } from "../lib/sdk"
import type { SellerState } from "../lib/sellers"

interface ProductWithSeller {
  id: string
  seller?: { id: string; name: string; handle: string; state: SellerState } | null
  ocop_entry?: {
    stars: number
    certificate_number: string
    issuing_level: string
    expires_on: string
  } | null
}

const TEXT = {
  title: { vi: "Người bán và OCOP", en: "Seller and OCOP" },
  noSeller: { vi: "Sản phẩm chưa gắn với người bán", en: "Not linked to a seller" },
  noOcop: { vi: "Chưa có chứng nhận OCOP", en: "No OCOP certificate" },
  certificate: { vi: "Số chứng nhận", en: "Certificate" },
  expires: { vi: "Hết hạn", en: "Expires" },
  expired: { vi: "Đã hết hạn", en: "Expired" },
  valid: { vi: "Còn hiệu lực", en: "Valid" },
  stars: { vi: "sao", en: "stars" },
}

const STATE_COLOR = { pending: "orange", approved: "green", suspended: "red" } as const

/** Beside a product: who sells it and its OCOP certificate, with expiry at a glance. */
const ProductSellerWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data, isLoading } = useQuery({
    queryKey: ["coop-product-seller", product.id],
    queryFn: () =>
      sdk.client.fetch<{ product: ProductWithSeller }>(`/admin/products/${product.id}`, {
        query: { fields: "id,seller.id,seller.name,seller.handle,seller.state,*ocop_entry" },
      }),
  })
  const seller = data?.product.seller
  const entry = data?.product.ocop_entry
  // Valid through its expiry day in Vietnam, as the registry counts it.
  const expired = entry ? storedToDateOnly(entry.expires_on) < vietnamToday() : false
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{pick(TEXT.title)}</Heading>
      </div>
      {!isLoading && (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {seller ? (
            <div className="flex items-center justify-between">
              <Text size="small" weight="plus">
                {seller.name}
              </Text>
              <StatusBadge color={STATE_COLOR[seller.state]}>{seller.state}</StatusBadge>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {pick(TEXT.noSeller)}
            </Text>
          )}
          {entry ? (
            <div className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <Badge size="2xsmall" color="orange">
                  OCOP {"★".repeat(entry.stars)} {entry.stars} {pick(TEXT.stars)}
                </Badge>
                <StatusBadge color={expired ? "red" : "green"}>
                  {pick(expired ? TEXT.expired : TEXT.valid)}
                </StatusBadge>
              </div>
              <Text size="small">
                {pick(TEXT.certificate)}: {entry.certificate_number}
              </Text>
              <Text size="small">
                {pick(TEXT.expires)}: {formatDate(entry.expires_on)}
              </Text>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {pick(TEXT.noOcop)}
            </Text>
          )}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductSellerWidget
