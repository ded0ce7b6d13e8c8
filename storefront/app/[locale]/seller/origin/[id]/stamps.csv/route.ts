import type { NextRequest } from "next/server"
import { stampFile } from "@/lib/portal/origin-files"

/** The batch's stamps as CSV (serial, URI, state, issue number), or one run's with `?job=`. */
export function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  return stampFile(request, params, "csv")
}
