import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { pick } from "../lib/i18n"
import { quarterLabel, useReopenQuarter } from "../lib/indicators"

const MIN_REASON = 5

const TEXT = {
  title: { vi: "Mở lại quý", en: "Reopen quarter" },
  explain: {
    vi: "Số liệu đã chốt của quý sẽ không còn được dùng; chỉ tiêu trạng thái của quý quá khứ sẽ trống cho đến khi chốt lại. Lý do được ghi vào nhật ký.",
    en: "The quarter's frozen figures stop being used; past state indicators stay empty until it is closed again. The reason goes into the audit log.",
  },
  reason: { vi: "Lý do", en: "Reason" },
  hint: { vi: `Ít nhất ${MIN_REASON} ký tự`, en: `At least ${MIN_REASON} characters` },
  cancel: { vi: "Huỷ", en: "Cancel" },
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
  const [reason, setReason] = useState("")
  const mutation = useReopenQuarter()
  const open = !!commune && !!quarter
  const valid = reason.trim().length >= MIN_REASON
  const submit = () => {
    if (!commune || !quarter || !valid) return
    mutation.mutate(
      { commune_code: commune.code, quarter, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success(`${pick(TEXT.done)}: ${quarterLabel(quarter)} – ${commune.name}`)
          setReason("")
          onClose()
        },
        onError: (error) => toast.error(error.message),
      },
    )
  }
  return (
    <Drawer open={open} onOpenChange={(next) => !next && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {pick(TEXT.title)} {quarter ? quarterLabel(quarter) : ""}: {commune?.name}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small">{pick(TEXT.explain)}</Text>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="reopen-reason">{pick(TEXT.reason)}</Label>
            <Textarea
              id="reopen-reason"
              value={reason}
              aria-describedby="reopen-reason-hint"
              onChange={(event) => setReason(event.target.value)}
            />
            <Text id="reopen-reason-hint" size="xsmall" className="text-ui-fg-subtle">
              {pick(TEXT.hint)}
            </Text>
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary">{pick(TEXT.cancel)}</Button>
          </Drawer.Close>
          <Button
            variant="danger"
            isLoading={mutation.isPending}
            disabled={!valid}
            onClick={submit}
          >
            {pick(TEXT.confirm)}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
