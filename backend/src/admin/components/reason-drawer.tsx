import { Button, Drawer, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { pick } from "../lib/i18n"

const TEXT = {
  reason: { vi: "Lý do", en: "Reason" },
  cancel: { vi: "Huỷ", en: "Cancel" },
}

/**
 * A drawer that asks for the reason of an audited act (suspending a seller, reopening a quarter)
 * and confirms only once the reason is long enough. `onConfirm` gets the reason as typed and a
 * `done` to call on success, which clears the reason.
 */
export function ReasonDrawer({
  id,
  open,
  onClose,
  title,
  explain,
  confirm,
  hint,
  minLength,
  pending,
  onConfirm,
}: {
  id: string
  open: boolean
  onClose: () => void
  title: string
  explain: string
  confirm: string
  hint?: string
  minLength: number
  pending: boolean
  onConfirm: (reason: string, done: () => void) => void
}) {
  const [reason, setReason] = useState("")
  const valid = reason.trim().length >= minLength
  const hintId = `${id}-hint`
  return (
    <Drawer open={open} onOpenChange={(next) => !next && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small">{explain}</Text>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor={id}>{pick(TEXT.reason)}</Label>
            <Textarea
              id={id}
              value={reason}
              aria-describedby={hint ? hintId : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {hint ? (
              <Text id={hintId} size="xsmall" className="text-ui-fg-subtle">
                {hint}
              </Text>
            ) : null}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary">{pick(TEXT.cancel)}</Button>
          </Drawer.Close>
          <Button
            variant="danger"
            isLoading={pending}
            disabled={!valid}
            onClick={() => valid && onConfirm(reason, () => setReason(""))}
          >
            {confirm}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
