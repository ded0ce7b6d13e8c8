import { toast } from "@medusajs/ui"
import { pick } from "../lib/i18n"
import { quarterLabel, useReopenQuarter } from "../lib/indicators"
import { ReasonDrawer } from "./reason-drawer"

const MIN_REASON = 5

const TEXT = {
  title: { vi: "Mở lại quý", en: "Reopen quarter" },
  explain: {
    vi: "Số liệu đã chốt của quý sẽ không còn được dùng; chỉ tiêu trạng thái của quý quá khứ sẽ trống cho đến khi chốt lại. Lý do được ghi vào nhật ký.",
    en: "The quarter's frozen figures stop being used; past state indicators stay empty until it is closed again. The reason goes into the audit log.",
  },
  hint: { vi: `Ít nhất ${MIN_REASON} ký tự`, en: `At least ${MIN_REASON} characters` },
  confirm: { vi: "Mở lại", en: "Reopen" },
  done: { vi: "Đã mở lại", en: "Reopened" },
}

/** Reopening needs a reason (the API refuses one shorter than five characters). */
export function ReopenQuarterDrawer({
  commune,
  quarter,
  onClose,
}: {
  commune: { code: string; name: string } | null
  quarter: string | null
  onClose: () => void
}) {
  const mutation = useReopenQuarter()
  return (
    <ReasonDrawer
      id="reopen-reason"
      open={!!commune && !!quarter}
      onClose={onClose}
      title={`${pick(TEXT.title)} ${quarter ? quarterLabel(quarter) : ""}: ${commune?.name ?? ""}`}
      explain={pick(TEXT.explain)}
      confirm={pick(TEXT.confirm)}
      hint={pick(TEXT.hint)}
      minLength={MIN_REASON}
      pending={mutation.isPending}
      onConfirm={(reason, done) => {
        if (!commune || !quarter) return
        mutation.mutate(
          { commune_code: commune.code, quarter, reason: reason.trim() },
          {
            onSuccess: () => {
              toast.success(`${pick(TEXT.done)}: ${quarterLabel(quarter)} – ${commune.name}`)
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
