/**
 * A batch's events as a GS1 EPCIS 2.0 JSON-LD document. CBV 2.0 has no harvesting or planting
 * step: a harvest commissions the lot (ObjectEvent ADD, bizStep commissioning, with the lot's
 * master data in ILMD), processing is a TransformationEvent, and the later steps use their CBV
 * business steps. Steps CBV lacks (planting, applying inputs) use this platform's own vocabulary
 * under `{publicUrl}/ns/epcis#`. The full mapping is in the README.
 */

import { isoWithOffset } from "@coop/contracts/event-time"
import { encodeAiValue } from "./digital-link.js"

export const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"

export interface EpcisBatch {
  id: string
  lotCode: string
  gtin: string | null
  productTitle: string
  sellerName: string
  quantity: number
  unit: string
  state: "open" | "sealed" | "recalled"
  recalledAt: Date | null
  recallReason: string | null
  harvestedOn: string | null
  producedOn: string | null
  expiresOn: string | null
  area: { village: string | null; plot: string | null; lat: number | null; lng: number | null }
}

export interface EpcisSourceEvent {
  id: string
  seq: number
  type: string
  occurredAt: Date
  occurredOffset: string
  recordedAt: Date
  place: { name: string | null; lat: number | null; lng: number | null } | null
  actorName: string | null
  photos: string[]
  note: string | null
  details: Record<string, unknown>
}

export interface EpcisOptions {
  /** TRACEABILITY_PUBLIC_URL: base of Digital Link and platform URIs. */
  publicUrl: string
  documentId: string
  creationDate: Date
}

// UN/ECE Recommendation 20 codes for the units farmers write; other units (bags, bunches)
// are counts, which EPCIS expresses by leaving uom out.
const UOM: Record<string, string> = {
  kg: "KGM",
  g: "GRM",
  t: "TNE",
  tấn: "TNE",
  l: "LTR",
  lít: "LTR",
  ml: "MLT",
  m2: "MTK",
  ha: "HAR",
}

/** The lot as an EPC class: a GS1 Digital Link with a GTIN, else the platform's batch URI. */
export function lotUri(publicUrl: string, batch: Pick<EpcisBatch, "id" | "gtin" | "lotCode">) {
  const base = publicUrl.replace(/\/+$/, "")
  return batch.gtin
    ? `${base}/01/${batch.gtin}/10/${encodeAiValue(batch.lotCode)}`
    : `${base}/batches/${batch.id}`
}

type Json = Record<string, unknown>

function quantityElement(epcClass: string, amount?: number, unit?: string): Json {
  if (amount === undefined) return { epcClass }
  const uom = unit ? UOM[unit.trim().toLowerCase()] : undefined
  return uom ? { epcClass, quantity: amount, uom } : { epcClass, quantity: amount }
}

const amountOf = (value: unknown) =>
  value && typeof value === "object" ? (value as { amount: number; unit: string }) : undefined

/** The recorded events of one batch as EPCIS 2.0 events (no recall, no envelope). */
export function epcisEvents(
  batch: Omit<
    EpcisBatch,
    "productTitle" | "sellerName" | "quantity" | "unit" | "state" | "recalledAt" | "recallReason"
  >,
  events: EpcisSourceEvent[],
  publicUrl: string,
): Json[] {
  const ns = `${publicUrl.replace(/\/+$/, "")}/ns/epcis#`
  const lot = lotUri(publicUrl, batch)
  const bizLocation =
    batch.area.lat !== null && batch.area.lng !== null
      ? { id: `geo:${batch.area.lat},${batch.area.lng}` }
      : undefined

  const ilmd = (harvestDay: string | null): Json => ({
    "cbvmda:lotNumber": batch.lotCode,
    "cbvmda:countryOfOrigin": "VN",
    ...(harvestDay ? { "cbvmda:harvestStartDate": harvestDay } : {}),
    ...(batch.expiresOn ? { "cbvmda:itemExpirationDate": batch.expiresOn } : {}),
    "coop:productionArea": {
      ...(batch.area.village ? { "coop:village": batch.area.village } : {}),
      ...(batch.area.plot ? { "coop:plot": batch.area.plot } : {}),
      ...(batch.area.lat !== null ? { "coop:latitude": batch.area.lat } : {}),
      ...(batch.area.lng !== null ? { "coop:longitude": batch.area.lng } : {}),
    },
  })

  const eventList = events.map((event) => {
    const d = event.details
    const offset = event.occurredOffset === "Z" ? "+00:00" : event.occurredOffset
    const common: Json = {
      eventTime: isoWithOffset(event.occurredAt, offset),
      recordTime: event.recordedAt.toISOString(),
      eventTimeZoneOffset: offset,
      eventID: `urn:uuid:${event.id}`,
      ...(event.place?.lat != null && event.place.lng != null
        ? { readPoint: { id: `geo:${event.place.lat},${event.place.lng}` } }
        : {}),
      ...(bizLocation ? { bizLocation } : {}),
      "coop:eventType": event.type,
      "coop:sequence": event.seq,
      ...(event.place?.name ? { "coop:placeName": event.place.name } : {}),
      ...(event.actorName ? { "coop:actor": event.actorName } : {}),
      ...(event.photos.length ? { "coop:photos": event.photos } : {}),
      ...(event.note ? { "coop:note": event.note } : {}),
      ...(Object.keys(d).length ? { "coop:details": d } : {}),
    }
    const observe = (bizStep: string | undefined, disposition: string | undefined, q?: Json) => ({
      type: "ObjectEvent",
      ...common,
      action: "OBSERVE",
      quantityList: [q ?? quantityElement(lot)],
      ...(bizStep ? { bizStep } : {}),
      ...(disposition ? { disposition } : {}),
    })
    const moved = amountOf(d.quantity)
    switch (event.type) {
      case "harvest": {
        const q = amountOf(d.quantity)
        const day = isoWithOffset(event.occurredAt, offset).slice(0, 10)
        return {
          type: "ObjectEvent",
          ...common,
          action: "ADD",
          quantityList: [quantityElement(lot, q?.amount, q?.unit)],
          bizStep: "commissioning",
          disposition: "active",
          ilmd: ilmd(batch.harvestedOn ?? day),
        }
      }
      case "processing": {
        const input = amountOf(d.input_quantity)
        const output = amountOf(d.output_quantity)
        return {
          type: "TransformationEvent",
          ...common,
          inputQuantityList: [quantityElement(lot, input?.amount, input?.unit)],
          outputQuantityList: [quantityElement(lot, output?.amount, output?.unit)],
          transformationID: `urn:uuid:${event.id}`,
          bizStep: "commissioning",
          disposition: "in_progress",
          ilmd: ilmd(batch.harvestedOn ?? batch.producedOn),
        }
      }
      case "packing":
        return observe("packing", "in_progress", quantityElement(lot, moved?.amount, moved?.unit))
      case "inspection":
        return observe("inspecting", d.result === "fail" ? "non_conformant" : "conformant")
      case "shipping":
        return observe("shipping", "in_transit", quantityElement(lot, moved?.amount, moved?.unit))
      case "receiving":
        return observe("receiving", "in_progress", quantityElement(lot, moved?.amount, moved?.unit))
      case "planting":
        return observe(`${ns}planting`, "active")
      case "input_applied":
        return observe(`${ns}applying_input`, "active")
      default:
        return observe(undefined, undefined)
    }
  })

  return eventList
}

export function epcisDocument(
  batch: EpcisBatch,
  events: EpcisSourceEvent[],
  { publicUrl, documentId, creationDate }: EpcisOptions,
): Json {
  const ns = `${publicUrl.replace(/\/+$/, "")}/ns/epcis#`
  const lot = lotUri(publicUrl, batch)
  const eventList = epcisEvents(batch, events, publicUrl)
  if (batch.state === "recalled" && batch.recalledAt) {
    // The recall is a change of the batch, not a recorded event; exporting it keeps the story whole.
    eventList.push({
      type: "ObjectEvent",
      eventTime: batch.recalledAt.toISOString(),
      eventTimeZoneOffset: "+00:00",
      eventID: `${lot}${lot.includes("?") ? "&" : "?"}event=recall`,
      action: "OBSERVE",
      quantityList: [quantityElement(lot)],
      disposition: "recalled",
      ...(batch.recallReason ? { "coop:recallReason": batch.recallReason } : {}),
    })
  }

  return {
    "@context": [EPCIS_CONTEXT, { coop: ns }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: creationDate.toISOString(),
    id: documentId,
    epcisHeader: {
      epcisMasterData: {
        vocabularyList: [
          {
            type: "urn:epcglobal:epcis:vtype:EPCClass",
            vocabularyElementList: [
              {
                id: lot,
                attributes: [
                  { id: "urn:epcglobal:cbv:mda#lotNumber", attribute: batch.lotCode },
                  { id: "urn:epcglobal:cbv:mda#descriptionShort", attribute: batch.productTitle },
                  {
                    id: "urn:epcglobal:cbv:mda#manufacturerOfTradeItemPartyName",
                    attribute: batch.sellerName,
                  },
                  { id: "urn:epcglobal:cbv:mda#countryOfOrigin", attribute: "VN" },
                  ...(batch.expiresOn
                    ? [
                        {
                          id: "urn:epcglobal:cbv:mda#itemExpirationDate",
                          attribute: batch.expiresOn,
                        },
                      ]
                    : []),
                ],
              },
            ],
          },
        ],
      },
    },
    epcisBody: { eventList },
  }
}
