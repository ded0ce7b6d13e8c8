import { model } from "@medusajs/framework/utils"

/**
 * One seller's part of a buyer's order. The buyer's order (`order_id`) holds the payment; the
 * part's own Medusa order (`part_order_id`) holds that seller's items, shipping and fulfilment.
 * The payment fields record what happened to this part's share of the payment, which the
 * commune's cashless indicator counts per seller and commune.
 */
export const OrderPart = model
  .define("order_part", {
    id: model.id({ prefix: "opart" }).primaryKey(),
    order_id: model.text().index(),
    part_order_id: model.text().unique(),
    seller_id: model.text(),
    // The seller's commune when the order was placed (sellers do not move, but history must not).
    commune_code: model.text(),
    // What the buyer transfers and what a bank notification names, e.g. "DH1043".
    reference: model.text().unique(),
    currency_code: model.text(),
    // Items and shipping of this part, in whole dong.
    amount: model.bigNumber(),
    payment_method: model.enum(["cod", "vietqr", "card", "other"]),
    payment_status: model.enum(["awaiting", "captured", "canceled", "refunded"]),
    captured_at: model.dateTime().nullable(),
    refunded_amount: model.bigNumber().default(0),
    status: model.enum(["placed", "shipped", "delivered", "canceled"]).default("placed"),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    // VietQR payee snapshot: the seller's account at the time of the order.
    payee: model.json().nullable(),
    // Produce sold by weight (src/lib/sold-by-weight.ts): "required" until the seller weighs it;
    // "contact_buyer" when a line moved beyond its tolerance (it cannot ship until "accepted"
    // or cancelled); "weighed" / "accepted" once the amount is final.
    weighing: model
      .enum(["none", "required", "weighed", "contact_buyer", "accepted"])
      .default("none"),
    // The amount at checkout, when weighing can change it; `amount` is then the actual one.
    estimated_amount: model.bigNumber().nullable(),
    weighed_at: model.dateTime().nullable(),
    // Weighed above the estimate: the difference is a second Medusa payment on the buyer's order
    // (same provider), authorised at weighing and captured with the part (or its own QR).
    topup_amount: model.bigNumber().nullable(),
    topup_payment_id: model.text().nullable(),
    topup_status: model.enum(["awaiting", "captured", "canceled", "refunded"]).nullable(),
    // A VietQR part holding a pre-order whose window asks a deposit (docs/checkout.md): the
    // deposit asked first (whole dong) and where it stands; the rest is due once harvested.
    deposit_amount: model.bigNumber().nullable(),
    deposit_status: model.enum(["awaiting", "captured", "canceled", "refunded"]).nullable(),
  })
  .indexes([{ on: ["seller_id", "created_at"] }, { on: ["commune_code", "created_at"] }])
