import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Button, Container, Heading, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { SuspendDrawer } from "../../components/suspend-drawer"
import { formatDate, pick } from "../../lib/i18n"
import {
  type AdminSeller,
  type SellerState,
  useSellers,
  useSetSellerState,
} from "../../lib/sellers"

const PAGE_SIZE = 20

const STATES: Record<SellerState, { color: "orange" | "green" | "red"; vi: string; en: string }> = {
  pending: { color: "orange", vi: "Chờ duyệt", en: "Pending" },
  approved: { color: "green", vi: "Đã duyệt", en: "Approved" },
  suspended: { color: "red", vi: "Tạm ngưng", en: "Suspended" },
}

const TEXT = {
  title: { vi: "Người bán", en: "Sellers" },
  all: { vi: "Tất cả trạng thái", en: "All states" },
  name: { vi: "Tên", en: "Name" },
  kind: { vi: "Loại", en: "Kind" },
  commune: { vi: "Xã", en: "Commune" },
  products: { vi: "Sản phẩm (đang bán)", en: "Products (published)" },
  state: { vi: "Trạng thái", en: "State" },
  since: { vi: "Từ ngày", en: "Since" },
  approve: { vi: "Duyệt", en: "Approve" },
  suspend: { vi: "Tạm ngưng", en: "Suspend" },
  approved: { vi: "Đã duyệt", en: "Approved" },
  empty: { vi: "Chưa có người bán nào", en: "No sellers yet" },
  cooperative: { vi: "HTX", en: "Cooperative" },
  household: { vi: "Hộ kinh doanh", en: "Household" },
  of: { vi: "trong", en: "of" },
  results: { vi: "người bán", en: "results" },
  pages: { vi: "trang", en: "pages" },
  prev: { vi: "Trước", en: "Prev" },
  next: { vi: "Sau", en: "Next" },
}

const SellersPage = () => {
  const [state, setState] = useState<SellerState | "all">("all")
  const [pageIndex, setPageIndex] = useState(0)
  const [suspending, setSuspending] = useState<AdminSeller | null>(null)
  const { data, isLoading, error } = useSellers({
    state: state === "all" ? undefined : state,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  const approve = useSetSellerState()
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  const onApprove = (seller: AdminSeller) =>
    approve.mutate(
      { id: seller.id, action: "approve" },
      {
        onSuccess: () => toast.success(`${pick(TEXT.approved)}: ${seller.name}`),
        onError: (e) => toast.error(e.message),
      },
    )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">{pick(TEXT.title)}</Heading>
        <div className="w-48">
          <Select
            value={state}
            onValueChange={(value) => {
              setState(value as SellerState | "all")
              setPageIndex(0)
            }}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{pick(TEXT.all)}</Select.Item>
              {(Object.keys(STATES) as SellerState[]).map((key) => (
                <Select.Item key={key} value={key}>
                  {pick(STATES[key])}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">{error.message}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{pick(TEXT.name)}</Table.HeaderCell>
              <Table.HeaderCell>{pick(TEXT.kind)}</Table.HeaderCell>
              <Table.HeaderCell>{pick(TEXT.commune)}</Table.HeaderCell>
              <Table.HeaderCell>{pick(TEXT.products)}</Table.HeaderCell>
              <Table.HeaderCell>{pick(TEXT.state)}</Table.HeaderCell>
              <Table.HeaderCell>{pick(TEXT.since)}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data?.sellers.map((seller) => (
              <Table.Row key={seller.id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small" weight="plus">
                      {seller.name}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {seller.handle}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>{pick(TEXT[seller.kind])}</Table.Cell>
                <Table.Cell>{seller.commune.name ?? seller.commune.code}</Table.Cell>
                <Table.Cell>
                  {seller.product_count} ({seller.published_product_count})
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge color={STATES[seller.state].color} title={seller.state_reason ?? ""}>
                    {pick(STATES[seller.state])}
                  </StatusBadge>
                </Table.Cell>
                <Table.Cell>{formatDate(seller.state_changed_at ?? seller.created_at)}</Table.Cell>
                <Table.Cell>
                  <div className="flex justify-end gap-x-2">
                    {seller.state !== "approved" && (
                      <Button
                        size="small"
                        variant="secondary"
                        isLoading={approve.isPending && approve.variables?.id === seller.id}
                        onClick={() => onApprove(seller)}
                      >
                        {pick(TEXT.approve)}
                      </Button>
                    )}
                    {seller.state !== "suspended" && (
                      <Button size="small" variant="danger" onClick={() => setSuspending(seller)}>
                        {pick(TEXT.suspend)}
                      </Button>
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {!isLoading && !error && !data?.sellers.length && (
        <Text className="px-6 py-4 text-ui-fg-subtle">{pick(TEXT.empty)}</Text>
      )}
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={pageIndex + 1 < pageCount}
        previousPage={() => setPageIndex((i) => Math.max(0, i - 1))}
        nextPage={() => setPageIndex((i) => i + 1)}
        translations={{
          of: pick(TEXT.of),
          results: pick(TEXT.results),
          pages: pick(TEXT.pages),
          prev: pick(TEXT.prev),
          next: pick(TEXT.next),
        }}
      />
      <SuspendDrawer seller={suspending} onClose={() => setSuspending(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "coop.menu.sellers",
  translationNs: "translation",
  icon: BuildingStorefront,
})

export default SellersPage
