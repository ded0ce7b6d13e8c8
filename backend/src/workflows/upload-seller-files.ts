import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"

/** What the audit entry of an upload is called; the seller's quota and rate limit count these. */
export const SELLER_UPLOAD_ACTION = "seller.upload"

export interface UploadSellerFilesInput {
  seller_id: string
  commune_code: string
  actor: AuditActor
  /** Pictures already re-encoded, named at random, with the detected type. */
  files: { filename: string; mimeType: string; content: string; bytes: number }[]
}

/**
 * Stores a seller's pictures through the file module and records them (with their sizes) in the
 * audit log; if the entry cannot be written, the stored files are deleted again.
 */
export const uploadSellerFilesWorkflow = createWorkflow(
  "upload-seller-files",
  (input: UploadSellerFilesInput) => {
    const stored = uploadFilesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        files: input.files.map(({ filename, mimeType, content }) => ({
          filename,
          mimeType,
          content,
          access: "public" as const,
        })),
      })),
    })
    recordAuditStep(
      transform({ input, stored }, ({ input, stored }) => ({
        actor: input.actor,
        action: SELLER_UPLOAD_ACTION,
        resource_type: "file",
        resource_id: null,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: {
          count: stored.length,
          bytes: input.files.reduce((sum, file) => sum + file.bytes, 0),
          files: stored.map((file, i) => ({
            id: file.id,
            url: file.url,
            bytes: input.files[i]!.bytes,
          })),
        },
      })),
    )
    return new WorkflowResponse(stored)
  },
)
