import { toast } from "@medusajs/ui"
import { pick } from "../lib/i18n"
import { type AdminSeller, useSetSellerState } from "../lib/sellers"
import { ReasonDrawer } from "./reason-drawer"

const TEXT = {
  title: { vi: "Tạm ngưng người bán", en: "Suspend seller" },
  explain: {
    vi: "Sản phẩm của người bán sẽ rời cửa hàng ngay. Lý do được ghi vào nhật ký.",
    en: "The seller's products leave the store at once. The reason goes into the audit log.",
  },
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
  const mutation = useSetSellerState()
  return (
    <ReasonDrawer
      id="suspend-reason"
      open={!!seller}
      onClose={onClose}
      title={`${pick(TEXT.title)}: ${seller?.name ?? ""}`}
      explain={pick(TEXT.explain)}
      confirm={pick(TEXT.confirm)}
      minLength={3}
      pending={mutation.isPending}
      onConfirm={(reason, done) => {
        if (!seller) return
        mutation.mutate(
          { id: seller.id, action: "suspend", reason },
          {
            onSuccess: () => {
              toast.success(`${pick(TEXT.done)}: ${seller.name}`)
              done()
              onClose()
            },
            onError: (error) => toast.error(error.message),
          },
        )
      }}
    />
  )
}
