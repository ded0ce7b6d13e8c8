import { SIGNATURE_HEADER, verifyPayload } from "@coop/contracts/signature"
import { revalidateTag } from "next/cache"
import { parseTags } from "@/lib/revalidate/tags"

// The backend posts here when a product, price, stock level, category, seller or OCOP entry
// changes, the traceability service when a batch does, so cached pages show the change at once
// instead of after their time-based revalidate. Signed like the backend's other webhooks.
const MAX_BODY_BYTES = 16_384

export async function POST(request: Request) {
  const secret = process.env.STOREFRONT_REVALIDATE_SECRET
  if (!secret) {
    return Response.json(
      {
        error: "not_configured",
        message: "Set STOREFRONT_REVALIDATE_SECRET to accept revalidation",
      },
      { status: 503 },
    )
  }
  // A list of a few tags is a few hundred bytes: anything far larger is not from the backend.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: "too_large", message: "Body too large" }, { status: 413 })
  }
  const raw = await request.text()
  if (raw.length > MAX_BODY_BYTES) {
    return Response.json({ error: "too_large", message: "Body too large" }, { status: 413 })
  }
  const check = verifyPayload(raw, request.headers.get(SIGNATURE_HEADER), secret)
  if (!check.ok) {
    return Response.json(
      { error: "unauthorized", message: `Invalid signature (${check.reason})` },
      { status: 401 },
    )
  }
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return Response.json({ error: "invalid_json", message: "Body is not JSON" }, { status: 400 })
  }
  const parsed = parseTags(body)
  if (!parsed.ok) {
    return Response.json({ error: "invalid_tags", message: parsed.message }, { status: 400 })
  }
  // expire 0: the next request refetches (a changed price must not be served once more stale);
  // "max" would serve the old entry to the next buyer while refreshing in the background.
  for (const tag of parsed.tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: parsed.tags, ignored: parsed.ignored })
}
