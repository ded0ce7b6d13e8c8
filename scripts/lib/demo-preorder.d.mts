export declare const DEMO_PREORDER: {
  handle: string
  seller: string
  lot: string
  planned_quantity: number
  per_buyer_cap: number
}
/** Makes sure the new-season rice has its planned batch and its pre-order window (idempotent). */
export declare function ensureDemoPreorder(options: {
  backendUrl: string
  traceabilityUrl: string
  /** The demo sellers' password; DEMO_PASSWORD or the demo's default. */
  password?: string
  /** The day the window's dates count from when it is opened. */
  now?: Date
}): Promise<{
  handle: string
  productId: string
  batchId: string
  windowId: string
  status: string
}>
