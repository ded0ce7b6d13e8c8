import { getTranslations } from "next-intl/server"
import type { ChainCheck } from "@/lib/portal/origin-api"

type Props = { check: ChainCheck | null }

const REASONS = [
  "content_altered",
  "prev_hash_mismatch",
  "missing_event",
  "unexpected_event",
  "head_mismatch",
] as const

/**
 * The diary's hash-chain check, recomputed by the service on every view: intact, or the entry
 * where it broke and why. Without an answer, says it could not be checked (never "intact").
 */
export async function OriginChain({ check }: Props) {
  const t = await getTranslations("Portal.origin.chain")
  if (!check) {
    return (
      <p className="notice chain-unknown" data-testid="chain-check" data-chain="unknown">
        {t("unknown")}
      </p>
    )
  }
  if (check.valid) {
    return (
      <div className="notice notice-ok" data-testid="chain-check" data-chain="intact">
        <p className="notice-title">{t("intact")}</p>
        <p>{t("intactBody", { count: check.events })}</p>
      </div>
    )
  }
  const reason = REASONS.find((r) => r === check.broken_at?.reason) ?? "content_altered"
  return (
    <div className="notice notice-error" data-testid="chain-check" data-chain="broken" role="alert">
      <p className="notice-title">{t("broken")}</p>
      <p>
        {t("brokenAt", { seq: check.broken_at?.seq ?? 0 })} {t(`reason.${reason}`)}
      </p>
      <p>{t("brokenAdvice")}</p>
    </div>
  )
}
