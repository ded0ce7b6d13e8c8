import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { pick } from "../lib/i18n"
import { type AdminSeller, useSetSellerState } from "../lib/sellers"

const TEXT = {
  title: { vi: "Tạm ngưng người bán", en: "Suspend seller" },
  explain: {
    vi: "Sản phẩm của người bán sẽ rời cửa hàng ngay. Lý do được ghi vào nhật ký.",
    en: "The seller's products leave the store at once. The reason goes into the audit log.",
  },
  reason: { vi: "Lý do", en: "Reason" },
  cancel: { vi: "Huỷ", en: "Cancel" },
  confirm: { vi: "Tạm ngưng", en: "Suspend" },
  done: { vi: "Đã tạm ngưng", en: "Suspended" },
}

/** Suspending needs a reason (the API refuses one without), so it is asked for here. */
export function SuspendDrawer({
  seller,
  onClose,
}: {
  seller: AdminSeller | null
  onClose: () => void
}) {
  const [reason, setReason] = useState("")
  const mutation = useSetSellerState()
  const submit = () => {
    if (!seller) return
    mutation.mutate(
      { id: seller.id, action: "suspend", reason },
      {
        onSuccess: () => {
          toast.success(`${pick(TEXT.done)}: ${seller.name}`)
          setReason("")
          onClose()
        },
        onError: (error) => toast.error(error.message),
      },
    )
  }
  return (
    <Drawer open={!!seller} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {pick(TEXT.title)}: {seller?.name}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small">{pick(TEXT.explain)}</Text>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="suspend-reason">{pick(TEXT.reason)}</Label>
            <Textarea
              id="suspend-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary">{pick(TEXT.cancel)}</Button>
          </Drawer.Close>
          <Button
            variant="danger"
            isLoading={mutation.isPending}
            disabled={reason.trim().length < 3}
            onClick={submit}
          >
            {pick(TEXT.confirm)}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
