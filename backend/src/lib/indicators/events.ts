/** Events our workflows emit so the indicators follow the sources (src/subscribers/indicators.ts). */
export const IndicatorSourceEvents = {
  SELLER_STATE_CHANGED: "seller.state_changed",
  OCOP_ENTRY_CHANGED: "ocop_entry.changed",
  ORDER_PART_CHANGED: "order_part.changed",
} as const
