import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SELLER_UPLOAD_ACTION } from "../workflows/upload-seller-files"

const MB = 1024 * 1024

/** A phone camera's photo fits; a request never holds more than MAX_FILES of them. */
export const MAX_FILE_BYTES = 10 * MB
export const MAX_FILES = 10

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * Each seller's allowance, read on every request so an operator's change applies without a
 * restart: the bytes it may keep stored (SELLER_UPLOAD_QUOTA_MB, default 500) and the pictures it
 * may upload per hour (SELLER_UPLOADS_PER_HOUR, default 100).
 */
export function sellerUploadLimits() {
  return {
    quotaBytes: Math.floor(positive("SELLER_UPLOAD_QUOTA_MB", 500) * MB),
    filesPerHour: Math.floor(positive("SELLER_UPLOADS_PER_HOUR", 100)),
  }
}

export interface SellerUploadUsage {
  /** Bytes of every picture the seller has stored. */
  bytes: number
  /** Pictures stored in the last hour. */
  recentFiles: number
  /** Seconds until the oldest of those leaves the hour's window. */
  secondsUntilOldestExpires: number
}

/**
 * What a seller has uploaded, read from the audit log's upload entries: the log is written in the
 * same workflow as the files, so the two cannot disagree, and every backend instance sees it.
 */
export async function sellerUploadUsage(
  container: MedusaContainer,
  sellerId: string,
): Promise<SellerUploadUsage> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await pg.raw(
    `SELECT coalesce(sum((data->>'bytes')::bigint), 0)::bigint AS bytes,
            (coalesce(sum((data->>'count')::int) FILTER (WHERE created_at > now() - interval '1 hour'), 0))::int AS recent_files,
            coalesce(extract(epoch FROM min(created_at) FILTER (WHERE created_at > now() - interval '1 hour')
                     + interval '1 hour' - now()), 0)::float AS seconds_left
       FROM audit_entry
      WHERE seller_id = ? AND action = ? AND deleted_at IS NULL`,
    [sellerId, SELLER_UPLOAD_ACTION],
  )) as { rows: { bytes: string; recent_files: number; seconds_left: number }[] }
  const row = rows[0]!
  return {
    bytes: Number(row.bytes),
    recentFiles: row.recent_files,
    secondsUntilOldestExpires: row.seconds_left,
  }
}
