import type { CreateProductWorkflowInputDTO, UpdateProductDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  batchInventoryItemLevelsWorkflow,
  createProductsWorkflow,
  createRemoteLinkStep,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { SELLER_MODULE } from "../modules/seller"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"

interface SellerScope {
  seller_id: string
  commune_code: string
  actor: AuditActor
}

export interface CreateSellerProductInput extends SellerScope {
  product: CreateProductWorkflowInputDTO
  location_id: string
  /** Stock per variant, in the order of product.variants. */
  stock: number[]
}

/**
 * A seller lists a product with Medusa's own product workflow, then links it to the seller and
 * stocks it at the seller's location; a failure in any part undoes the others.
 */
export const createSellerProductWorkflow = createWorkflow(
  "create-seller-product",
  (input: CreateSellerProductInput) => {
    const products = createProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ products: [input.product] })),
    })
    createRemoteLinkStep(
      transform({ input, products }, ({ input, products }) => [
        {
          [SELLER_MODULE]: { seller_id: input.seller_id },
          [Modules.PRODUCT]: { product_id: products[0]!.id },
        },
      ]),
    )
    const { data: variants } = useQueryGraphStep({
      entity: "product_variant",
      fields: ["id", "sku", "title", "variant_rank", "inventory_items.inventory_item_id"],
      filters: transform({ products }, ({ products }) => ({ product_id: products[0]!.id })),
    })
    batchInventoryItemLevelsWorkflow.runAsStep({
      input: transform({ input, products, variants }, ({ input, products, variants }) => {
        const created = products[0]!.variants ?? []
        return {
          create: created.flatMap((variant, index) => {
            const row = variants.find((v) => v.id === variant.id)
            const itemId = row?.inventory_items?.[0]?.inventory_item_id
            return itemId
              ? [
                  {
                    inventory_item_id: itemId,
                    location_id: input.location_id,
                    stocked_quantity: input.stock[index] ?? 0,
                  },
                ]
              : []
          }),
        }
      }),
    })
    recordAuditStep(
      transform({ input, products }, ({ input, products }) => ({
        actor: input.actor,
        action: "product.create",
        resource_type: "product",
        resource_id: products[0]!.id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { title: products[0]!.title },
      })),
    )
    return new WorkflowResponse(products[0]!)
  },
)

export interface UpdateSellerProductInput extends SellerScope {
  product_id: string
  update: UpdateProductDTO
  action: string
}

/** Edits, publishes or unpublishes one of the seller's products through Medusa's workflow. */
export const updateSellerProductWorkflow = createWorkflow(
  "update-seller-product",
  (input: UpdateSellerProductInput) => {
    const products = updateProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        selector: { id: input.product_id },
        update: input.update,
      })),
    })
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: input.action,
        resource_type: "product",
        resource_id: input.product_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { fields: Object.keys(input.update) },
      })),
    )
    return new WorkflowResponse(products[0]!)
  },
)

export interface UpdateSellerVariantInput extends SellerScope {
  product_id: string
  variant_id: string
  update: {
    title?: string
    sku?: string
    price?: number
    /** The variant's metadata with a new per-kg rule, and the rule's grams as its weight. */
    metadata?: Record<string, unknown>
    weight?: number
  }
}

/** Renames a variant, changes its VND price or its per-kg rule. */
export const updateSellerVariantWorkflow = createWorkflow(
  "update-seller-variant",
  (input: UpdateSellerVariantInput) => {
    const variants = updateProductVariantsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => {
        const { price, ...rest } = input.update
        return {
          selector: { id: input.variant_id, product_id: input.product_id },
          update: {
            ...rest,
            ...(price === undefined ? {} : { prices: [{ currency_code: "vnd", amount: price }] }),
          },
        }
      }),
    })
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "product.update_variant",
        resource_type: "product_variant",
        resource_id: input.variant_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: input.update,
      })),
    )
    return new WorkflowResponse(variants[0]!)
  },
)

export interface SetSellerStockInput extends SellerScope {
  variant_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  /** Whether the item already has a level at the seller's location. */
  exists: boolean
}

/** Sets how many units of a variant the seller has in its own stock location. */
export const setSellerStockWorkflow = createWorkflow(
  "set-seller-stock",
  (input: SetSellerStockInput) => {
    batchInventoryItemLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => {
        const level = {
          inventory_item_id: input.inventory_item_id,
          location_id: input.location_id,
          stocked_quantity: input.quantity,
        }
        return input.exists ? { update: [level] } : { create: [level] }
      }),
    })
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "product.set_stock",
        resource_type: "product_variant",
        resource_id: input.variant_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { quantity: input.quantity },
      })),
    )
    return new WorkflowResponse({ variant_id: input.variant_id, quantity: input.quantity })
  },
)
