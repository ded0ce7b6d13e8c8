import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { conflict, DomainError, invalid, unavailable } from "./errors"

/**
 * What the backend reads of the traceability service's batches for harvest pre-orders. It calls
 * as the `service` actor (a one-minute token signed with the JWT secret both services share),
 * which traceability lets read any batch and nothing else (traceability/README.md, "Batches and
 * events"); whose batch it is, is checked here against the seller the route acts for, so a
 * seller's own token never has to travel and a helper's session works the same.
 */

export interface HarvestRecord {
  /** The sum of the batch's harvest events (pickings), in `unit`. */
  amount: number
  unit: string
  events: number
}

export interface TraceBatch {
  id: string
  seller_id: string
  product_id: string
  lot_code: string
  quantity: number
  unit: string
  state: "open" | "sealed" | "recalled"
  dates: { started_on: string | null; harvested_on: string | null }
}

type Event = { type: string; details?: { quantity?: { amount: number; unit: string } } }

const TIMEOUT_MS = 5_000

function baseUrl(): string {
  const base = process.env.TRACEABILITY_URL?.trim().replace(/\/+$/, "")
  if (!base) {
    throw unavailable({
      vi: "Chưa kết nối dịch vụ truy xuất nguồn gốc (TRACEABILITY_URL)",
      en: "The traceability service is not configured (TRACEABILITY_URL)",
    })
  }
  return base
}

const noAnswer = () =>
  unavailable({
    vi: "Dịch vụ truy xuất nguồn gốc không trả lời: hãy thử lại sau",
    en: "The traceability service did not answer: try again later",
  })

async function get<T>(container: MedusaContainer, path: string): Promise<T | null> {
  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    { actor_id: "backend", actor_type: "service", auth_identity_id: "", app_metadata: {} },
    { secret: http.jwtSecret!, expiresIn: "1m", jwtOptions: http.jwtOptions },
  )
  let response: Response
  try {
    response = await fetch(`${baseUrl()}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw noAnswer()
  }
  // A malformed id is a 400 there, another seller's batch a 404: both "no such batch" here.
  if (response.status === 404 || response.status === 400) return null
  if (!response.ok) throw noAnswer()
  return (await response.json()) as T
}

/** The batch and what its harvest events recorded (null when there is none yet). */
export async function readBatch(
  container: MedusaContainer,
  id: string,
): Promise<{ batch: TraceBatch; harvest: HarvestRecord | null } | null> {
  const path = `/batches/${encodeURIComponent(id)}`
  const [batch, events] = await Promise.all([
    get<TraceBatch>(container, path),
    get<{ events: Event[] }>(container, `${path}/events`),
  ])
  if (!batch || !events) return null
  return { batch, harvest: harvestOf(events.events) }
}

/**
 * A harvest may be picked in several passes, each recorded as a harvest event: the harvest is
 * their sum. Pickings in different units cannot be added up: that is a 409 the seller resolves
 * in the batch's diary.
 */
export function harvestOf(events: Event[]): HarvestRecord | null {
  const harvests = events.filter((e) => e.type === "harvest" && e.details?.quantity)
  if (!harvests.length) return null
  const units = new Set(harvests.map((e) => e.details!.quantity!.unit.trim().toLowerCase()))
  if (units.size > 1) {
    throw conflict(
      {
        vi: `Các lần thu hoạch của lô ghi bằng nhiều đơn vị (${[...units].join(", ")}): không cộng được`,
        en: `The batch's harvest events use several units (${[...units].join(", ")}): they cannot be added up`,
      },
      "batch_id",
    )
  }
  return {
    amount: harvests.reduce((s, e) => s + Number(e.details!.quantity!.amount), 0),
    unit: harvests[0]!.details!.quantity!.unit,
    events: harvests.length,
  }
}

const batchNotFound = (id: string) =>
  invalid("batch_id", {
    vi: `Không tìm thấy lô "${id}" của sản phẩm này trong sổ truy xuất nguồn gốc của bạn`,
    en: `Batch "${id}" of this product was not found in your traceability records`,
  })

/**
 * The batch a window is opened on: the seller's own, of this product, not recalled, and planned
 * (no harvest event yet). Each refusal names `batch_id`.
 */
export async function plannedBatchFor(
  container: MedusaContainer,
  scope: { seller_id: string; product_id: string },
  id: string,
) {
  const found = await readBatch(container, id)
  if (
    !found ||
    found.batch.seller_id !== scope.seller_id ||
    found.batch.product_id !== scope.product_id
  ) {
    throw batchNotFound(id)
  }
  if (found.batch.state === "recalled") {
    throw conflict(
      {
        vi: `Lô ${found.batch.lot_code} đã bị thu hồi`,
        en: `Batch ${found.batch.lot_code} is recalled`,
      },
      "batch_id",
    )
  }
  if (found.harvest) {
    throw conflict(
      {
        vi: `Lô ${found.batch.lot_code} đã ghi thu hoạch: đặt trước chỉ mở cho lô chưa thu hoạch`,
        en: `Batch ${found.batch.lot_code} already has a harvest recorded: pre-orders are for batches not yet harvested`,
      },
      "batch_id",
    )
  }
  return found.batch
}

/**
 * The seller's batches of a product that can take a pre-order: open and with no harvest event.
 * Traceability's list does not say which batches were harvested, so each open batch's diary is
 * read (in parallel; a product has a handful of open batches, and the list stops at 50).
 */
export async function plannedBatches(
  container: MedusaContainer,
  scope: { seller_id: string; product_id: string },
) {
  const query = new URLSearchParams({
    seller_id: scope.seller_id,
    product_id: scope.product_id,
    state: "open",
    limit: "50",
  })
  const page = await get<{ batches: TraceBatch[] }>(container, `/batches?${query}`)
  const batches = page?.batches ?? []
  const diaries = await Promise.all(
    batches.map((b) =>
      get<{ events: Event[] }>(container, `/batches/${encodeURIComponent(b.id)}/events`),
    ),
  )
  return batches
    .filter((_, i) => diaries[i] && !diaries[i]!.events.some((e) => e.type === "harvest"))
    .map((b) => ({
      id: b.id,
      lot_code: b.lot_code,
      quantity: b.quantity,
      unit: b.unit,
      started_on: b.dates?.started_on ?? null,
      harvested_on: b.dates?.harvested_on ?? null,
    }))
}
