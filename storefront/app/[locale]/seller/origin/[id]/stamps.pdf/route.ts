import type { NextRequest } from "next/server"
import { stampFile } from "@/lib/portal/origin-files"

/** The batch's label sheet, or one run's with `?job=`, streamed with the person's token. */
export function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  return stampFile(request, params, "pdf")
}
