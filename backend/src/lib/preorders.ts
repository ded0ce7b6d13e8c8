/**
 * Harvest pre-orders: a seller sells a coming harvest of one variant through a window tied to a
 * planned traceability batch. Buyers order through Medusa's own cart (the planned quantity is
 * the variant's stock at the seller's location, held by Medusa's reservations; the window row,
 * locked at every claim, is the second guard and the per-buyer cap). At harvest the seller's
 * parts are edited to each buyer's allocation and the difference settled by payment method.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { cancelOrderPartWorkflow } from "../workflows/order-parts"
import { adjustPreorderPartWorkflow, savePreorderWindowWorkflow } from "../workflows/preorders"
import type { AuditActor } from "../workflows/steps/record-audit"
import { conflict, notFound } from "./errors"
import { withOrderPart } from "./order-part-actions"
import { type Allocation, allocateHarvest } from "./preorder-allocation"
import { notifyPreorderBuyers } from "./preorder-buyer-mail"
import { plannedBatchFor, readBatch } from "./traceability-batches"

// biome-ignore lint/suspicious/noExplicitAny: query rows are untyped until `medusa build`
type Row = Record<string, any>

export interface SellerScope {
  seller_id: string
  commune_code: string
  actor: AuditActor
}

type Window = Awaited<ReturnType<PreorderModuleService["retrievePreorderWindow"]>>

const preorders = (container: MedusaContainer) =>
  container.resolve<PreorderModuleService>(PREORDER_MODULE)

export const windowNotFound = () =>
  notFound({ vi: "Không tìm thấy đợt đặt trước", en: "Pre-order window not found" })

/** The seller's own window, or 404 exactly as if it did not exist. */
export async function loadOwnWindow(container: MedusaContainer, sellerId: string, id: string) {
  const [window] = await preorders(container).listPreorderWindows({ id, seller_id: sellerId })
  if (!window) throw windowNotFound()
  return window
}

/** The variant's inventory item and its level at the seller's location. */
async function stockOf(container: MedusaContainer, sellerId: string, variantId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: variants }, { data: sellers }] = await Promise.all([
    query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "product_id",
        "product.seller.id",
        "manage_inventory",
        "inventory_items.inventory_item_id",
        "inventory_items.inventory.location_levels.location_id",
        "inventory_items.inventory.location_levels.stocked_quantity",
        "inventory_items.inventory.location_levels.reserved_quantity",
      ],
      filters: { id: variantId },
    }),
    query.graph({ entity: "seller", fields: ["stock_location.id"], filters: { id: sellerId } }),
  ])
  const variant = variants[0] as Row | undefined
  const location_id = (sellers[0] as Row | undefined)?.stock_location?.id as string
  const item = variant?.inventory_items?.[0]
  const level = (item?.inventory?.location_levels ?? []).find(
    (l: Row) => l.location_id === location_id,
  ) as Row | undefined
  return {
    variant,
    inventory_item_id: item?.inventory_item_id as string | undefined,
    location_id,
    exists: !!level,
    stocked: Number(level?.stocked_quantity ?? 0),
    reserved: Number(level?.reserved_quantity ?? 0),
  }
}

/** Sets the level so that `available` units can still be reserved on top of what is held. */
const levelFor = (stock: Awaited<ReturnType<typeof stockOf>>, available: number) => ({
  inventory_item_id: stock.inventory_item_id!,
  location_id: stock.location_id,
  stocked_quantity: stock.reserved + Math.max(0, available),
  exists: stock.exists,
})

export interface OpenPreorderInput {
  product_id: string
  variant_id: string
  batch_id: string
  planned_quantity: number
  expected_harvest_on: string
  delivery_from: string
  delivery_to?: string
  closes_at?: string
  per_buyer_cap?: number
  deposit_percent?: number
  deposit_due_days?: number
}

export async function openPreorder(
  container: MedusaContainer,
  scope: SellerScope,
  input: OpenPreorderInput,
) {
  const stock = await stockOf(container, scope.seller_id, input.variant_id)
  // Another seller's product is not found, exactly as one that does not exist.
  if (
    !stock.variant ||
    stock.variant.product_id !== input.product_id ||
    stock.variant.product?.seller?.id !== scope.seller_id ||
    !stock.inventory_item_id
  ) {
    throw notFound({ vi: "Không tìm thấy quy cách sản phẩm", en: "Variant not found" })
  }
  if (stock.stocked - stock.reserved > 0) {
    throw conflict(
      {
        vi: `Quy cách này còn ${stock.stocked - stock.reserved} trong kho: hãy bán hết hoặc đặt tồn kho về 0 trước khi mở đặt trước`,
        en: `This variant still has ${stock.stocked - stock.reserved} in stock: sell it or set the stock to 0 before opening a pre-order`,
      },
      "variant_id",
    )
  }
  const [existing] = await preorders(container).listPreorderWindows({
    variant_id: input.variant_id,
    status: ["open", "closed"],
  })
  if (existing) {
    throw conflict(
      {
        vi: "Quy cách này đang có một đợt đặt trước chưa thu hoạch",
        en: "This variant already has a pre-order window that is not harvested",
      },
      "variant_id",
    )
  }
  // Last, as it asks another service: the batch is this seller's, of this product, and planned.
  await plannedBatchFor(
    container,
    { seller_id: scope.seller_id, product_id: input.product_id },
    input.batch_id,
  )
  const { result } = await savePreorderWindowWorkflow(container).run({
    input: {
      ...scope,
      action: "open",
      window: {
        create: {
          ...input,
          seller_id: scope.seller_id,
          delivery_to: input.delivery_to ?? null,
          closes_at: input.closes_at ? new Date(input.closes_at) : null,
          per_buyer_cap: input.per_buyer_cap ?? null,
          deposit_percent: input.deposit_percent ?? null,
          deposit_due_days: input.deposit_due_days ?? 3,
        } as never,
      },
      level: levelFor(stock, input.planned_quantity),
      data: { ...input },
    },
  })
  return result as Window
}

/** Runs `action` under a lock on the window, with the window as it is inside the lock. */
async function withWindow<T>(
  container: MedusaContainer,
  sellerId: string,
  id: string,
  action: (window: Window) => Promise<T>,
): Promise<T> {
  await loadOwnWindow(container, sellerId, id)
  return container
    .resolve(Modules.LOCKING)
    .execute(`preorder-window:${id}`, async () =>
      action(await preorders(container).retrievePreorderWindow(id)),
    )
}

const STATUS = {
  open: { vi: "đang mở", en: "open" },
  closed: { vi: "đã đóng", en: "closed" },
  harvested: { vi: "đã thu hoạch", en: "harvested" },
  canceled: { vi: "đã hủy", en: "cancelled" },
}

function requireStatus(window: Window, allowed: string[], action: { vi: string; en: string }) {
  if (allowed.includes(window.status)) return
  const status = STATUS[window.status as keyof typeof STATUS]
  throw conflict({
    vi: `Không thể ${action.vi}: đợt đặt trước ${status.vi}`,
    en: `Cannot ${action.en}: the pre-order window is ${status.en}`,
  })
}

/** Stops taking orders before the planned date: what is not ordered is no longer available. */
export async function closePreorder(container: MedusaContainer, scope: SellerScope, id: string) {
  return withWindow(container, scope.seller_id, id, async (window) => {
    requireStatus(window, ["open"], { vi: "đóng", en: "close" })
    const stock = await stockOf(container, scope.seller_id, window.variant_id)
    const { result } = await savePreorderWindowWorkflow(container).run({
      input: {
        ...scope,
        action: "close",
        window: { id, update: { status: "closed" } },
        level: levelFor(stock, 0),
      },
    })
    return result as Window
  })
}

/** Takes orders for longer, or for more: a closed window opens again. */
export async function extendPreorder(
  container: MedusaContainer,
  scope: SellerScope,
  id: string,
  input: { closes_at?: string; planned_quantity?: number },
) {
  return withWindow(container, scope.seller_id, id, async (window) => {
    requireStatus(window, ["open", "closed"], { vi: "gia hạn", en: "extend" })
    const planned = input.planned_quantity ?? window.planned_quantity
    if (planned < window.ordered_quantity) {
      throw conflict(
        {
          vi: `Sản lượng dự kiến không được nhỏ hơn số đã đặt (${window.ordered_quantity})`,
          en: `The planned quantity cannot be below what is already ordered (${window.ordered_quantity})`,
        },
        "planned_quantity",
      )
    }
    const stock = await stockOf(container, scope.seller_id, window.variant_id)
    const { result } = await savePreorderWindowWorkflow(container).run({
      input: {
        ...scope,
        action: "extend",
        window: {
          id,
          update: {
            status: "open",
            planned_quantity: planned,
            ...(input.closes_at ? { closes_at: new Date(input.closes_at) } : {}),
          },
        },
        level: levelFor(stock, planned - window.ordered_quantity),
        data: { ...input },
      },
    })
    return result as Window
  })
}

const pieces = (n: number) => `${n}`

/**
 * The harvest the batch's diary recorded, in the window's units (whole units: what is left of a
 * fraction cannot fill an order). None recorded yet is a 409 naming `batch_id`.
 */
async function recordedHarvest(container: MedusaContainer, window: Window) {
  const found = await readBatch(container, window.batch_id)
  if (!found) {
    throw conflict(
      {
        vi: "Không đọc được lô của đợt đặt trước trong sổ truy xuất nguồn gốc",
        en: "The pre-order window's batch cannot be read from the traceability records",
      },
      "batch_id",
    )
  }
  if (!found.harvest) {
    throw conflict(
      {
        vi: `Lô ${found.batch.lot_code} chưa ghi thu hoạch: hãy ghi sự kiện thu hoạch (sản lượng) vào nhật ký lô trước`,
        en: `Batch ${found.batch.lot_code} has no harvest recorded: record the harvest event (its quantity) in the batch diary first`,
      },
      "batch_id",
    )
  }
  return Math.max(0, Math.floor(found.harvest.amount))
}

/**
 * Records the harvest: the quantity is what the batch's harvest events recorded in
 * traceability; the window's lines, oldest first, get their allocation (all they ordered
 * when the harvest covers it, else first-come or pro-rata); every line that gets less is edited
 * down (or its part cancelled when nothing is left of it) and its difference refunded or no
 * longer owed; what the harvest has beyond the allocations goes on sale as ordinary stock.
 * Resumable: lines already settled are skipped if it is run again after a failure.
 */
export async function harvestPreorder(
  container: MedusaContainer,
  scope: SellerScope,
  id: string,
  choice: { allocation?: Allocation },
) {
  return withWindow(container, scope.seller_id, id, async (window) => {
    requireStatus(window, ["open", "closed"], { vi: "ghi thu hoạch", en: "record the harvest" })
    const input = { ...choice, harvested_quantity: await recordedHarvest(container, window) }
    const service = preorders(container)
    const lines = await service.listPreorderLines(
      { window_id: id, status: "placed" },
      { order: { created_at: "ASC", id: "ASC" } },
    )
    const mode = input.allocation ?? "first_come"
    const allocated = allocateHarvest(lines, input.harvested_quantity, mode)
    await savePreorderWindowWorkflow(container).run({
      input: {
        ...scope,
        action: "harvest",
        window: {
          id,
          update: {
            status: "harvested",
            harvested_quantity: input.harvested_quantity,
            allocation: mode,
            harvested_at: new Date(),
          },
        },
        data: { ...input, lines: Object.fromEntries(allocated) },
      },
    })
    await service.updatePreorderLines(
      lines.map((l) => ({
        id: l.id,
        allocated_quantity: allocated.get(l.id)!,
        status: (allocated.get(l.id)! === l.quantity ? "adjusted" : "allocated") as
          | "adjusted"
          | "allocated",
        difference: allocated.get(l.id)! === l.quantity ? 0 : null,
      })),
    )
    await settleAllocations(container, scope, id, (line) => ({
      vi: `Mùa thu hoạch thiếu: bạn nhận ${pieces(line.allocated)} trên ${pieces(line.quantity)} đã đặt; đơn giảm {difference}`,
      en: `The harvest fell short: you get ${pieces(line.allocated)} of the ${pieces(line.quantity)} you ordered; your order is {difference} less`,
    }))
    // What the harvest holds beyond the allocations is ordinary stock from now on.
    const stock = await stockOf(container, scope.seller_id, window.variant_id)
    const total = [...allocated.values()].reduce((s, q) => s + q, 0)
    await savePreorderWindowWorkflow(container).run({
      input: {
        ...scope,
        action: "harvest",
        window: { id, update: {} },
        level: levelFor(stock, input.harvested_quantity - total),
        data: { stock_after_harvest: input.harvested_quantity - total },
      },
    })
    return service.retrievePreorderWindow(id)
  })
}

/** Cancels a window before its harvest: every buyer's pre-order is cancelled and refunded. */
export async function cancelPreorder(
  container: MedusaContainer,
  scope: SellerScope,
  id: string,
  reason: string,
) {
  return withWindow(container, scope.seller_id, id, async (window) => {
    requireStatus(window, ["open", "closed"], { vi: "hủy", en: "cancel" })
    const service = preorders(container)
    const lines = await service.listPreorderLines({ window_id: id, status: "placed" })
    await savePreorderWindowWorkflow(container).run({
      input: {
        ...scope,
        action: "cancel",
        window: {
          id,
          update: { status: "canceled", cancel_reason: reason, canceled_at: new Date() },
        },
        data: { reason },
      },
    })
    if (lines.length) {
      await service.updatePreorderLines(
        lines.map((l) => ({ id: l.id, allocated_quantity: 0, status: "allocated" as const })),
      )
    }
    await settleAllocations(container, scope, id, () => ({
      vi: `Người bán đã hủy đợt đặt trước: ${reason}; đơn giảm {difference}`,
      en: `The seller cancelled the pre-order: ${reason}; your order is {difference} less`,
    }))
    const stock = await stockOf(container, scope.seller_id, window.variant_id)
    await savePreorderWindowWorkflow(container).run({
      input: { ...scope, action: "cancel", window: { id, update: {} }, level: levelFor(stock, 0) },
    })
    return service.retrievePreorderWindow(id)
  })
}

type Settling = { id: string; part_item_id: string; quantity: number; allocated: number }

/**
 * Settles every allocated line of a window, each under its part's lock: a part left with
 * nothing is cancelled (Medusa releases its stock; a paid share is refunded), any other is
 * edited down to the allocation; then the buyers are mailed.
 */
async function settleAllocations(
  container: MedusaContainer,
  scope: SellerScope,
  windowId: string,
  message: (line: Settling) => { vi: string; en: string },
) {
  const service = preorders(container)
  const lines = await service.listPreorderLines(
    { window_id: windowId, status: "allocated" },
    { order: { created_at: "ASC", id: "ASC" } },
  )
  for (const row of lines) {
    const line: Settling = {
      id: row.id,
      part_item_id: row.part_item_id,
      quantity: row.quantity,
      allocated: row.allocated_quantity ?? 0,
    }
    const text = message(line)
    await withOrderPart(
      container,
      { part_order_id: row.part_order_id, seller_id: scope.seller_id },
      scope.actor,
      (part) => {
        if (part.status !== "placed") {
          throw conflict({
            vi: `Đơn ${part.reference} đã được gửi đi hoặc đã hủy: không thể chia lại`,
            en: `Order ${part.reference} is already shipped or cancelled: it cannot be re-allocated`,
          })
        }
      },
      async (input, part) => {
        const onlyThisLine = input.items.every((i) => i.id === line.part_item_id)
        if (line.allocated === 0 && onlyThisLine) {
          await cancelOrderPartWorkflow(container).run({ input })
          const paid = part.payment_status === "captured" || part.deposit_status === "captured"
          const settled = paid ? "refunded" : "owe_less"
          const difference = Number(part.amount)
          await service.updatePreorderLines({
            id: line.id,
            status: "canceled",
            difference,
            message: {
              vi: text.vi.replace("{difference}", `${difference.toLocaleString("vi-VN")} ₫`),
              en: text.en.replace("{difference}", `${difference.toLocaleString("vi-VN")} ₫`),
              settled,
            },
          })
          return
        }
        await adjustPreorderPartWorkflow(container).run({
          input: { ...input, line, message: text },
        })
      },
    )
  }
  // Every buyer whose pre-order changed is told by e-mail (once per line, even when resumed).
  await notifyPreorderBuyers(container, windowId)
}

/** What the shop shows about a variant's open or closed window; null when it has none. */
/** A window as the API answers it (the shape of @coop/contracts/preorders, dates as JSON writes them). */
export function publicWindow(window: Window) {
  return {
    id: window.id,
    product_id: window.product_id,
    variant_id: window.variant_id,
    batch_id: window.batch_id,
    status: window.status,
    planned_quantity: window.planned_quantity,
    left: Math.max(0, window.planned_quantity - window.ordered_quantity),
    per_buyer_cap: window.per_buyer_cap,
    deposit_percent: window.deposit_percent,
    deposit_due_days: window.deposit_due_days,
    expected_harvest_on: window.expected_harvest_on,
    delivery_from: window.delivery_from,
    delivery_to: window.delivery_to,
    closes_at: window.closes_at,
    harvested_quantity: window.harvested_quantity,
    cancel_reason: window.cancel_reason,
  }
}
