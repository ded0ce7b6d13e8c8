import { model } from "@medusajs/framework/utils"

/**
 * What one subject (a registry entry, a seller, a listing, an order part, a seller's quarter of
 * stamps and scans) contributes to one indicator in one period: its numerator and denominator,
 * and since when. Counts are the sums of the current facts; a fact names what was counted, so an
 * officer can click from "8/9" to the missing product.
 *
 * A fact is never overwritten: when a subject's share changes, the current row gets a `valid_to`
 * and a new row starts at that moment, so the state at any past moment (a quarter's last one)
 * can be read back. Stamp and scan facts are the exception: they add up events that count in the
 * period they happened in, whenever they arrive, so they are valid from the beginning of time.
 */
export const IndicatorFact = model
  .define("indicator_fact", {
    id: model.id({ prefix: "ifact" }).primaryKey(),
    code: model.text(),
    // A breakdown inside an indicator: the seller's kind for SELLERS_ONLINE, else "".
    dimension: model.text().default(""),
    subject_type: model.text(),
    subject_id: model.text(),
    // What the subject belongs to, for listings and stamps: the product.
    ref_id: model.text().nullable(),
    commune_code: model.text(),
    province_code: model.text(),
    // "now" for indicators of the present state, else a quarter such as "2026-Q3".
    period: model.text(),
    numerator: model.bigNumber().default(0),
    denominator: model.bigNumber().default(0),
    // When these numbers became true, and when they stopped being (null: still true).
    valid_from: model.dateTime(),
    valid_to: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["code", "subject_id", "period"],
      unique: true,
      where: "valid_to IS NULL AND deleted_at IS NULL",
    },
    // A subject's past facts too: a new fact continues the one it replaces.
    { on: ["subject_id", "code", "period"] },
    { on: ["commune_code", "period", "code"] },
    { on: ["ref_id", "code"] },
  ])
