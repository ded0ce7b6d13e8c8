import { getTranslations } from "next-intl/server"
import type { OriginStatus } from "@/lib/portal/origin-page"

const FAILED: OriginStatus[] = ["seal_failed", "file_failed"]

/** The short message a page shows after an action sent the person back to it. */
export async function OriginStatusNotice({
  status,
  values,
}: {
  status: OriginStatus
  values?: Record<string, string | number>
}) {
  const t = await getTranslations("Portal.origin.status")
  const failed = FAILED.includes(status)
  return (
    <p
      className={`notice ${failed ? "notice-error" : "notice-ok"}`}
      role={failed ? "alert" : "status"}
      data-testid="origin-status"
    >
      {t(status, values as never)}
    </p>
  )
}
