import { QUARTER_PATTERN_SOURCE, quarterRange } from "@coop/contracts/quarters"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { msg } from "../../messages.js"
import { authenticate } from "../auth.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"

interface StatsQuery {
  quarter?: string
  commune_code?: string
  province_code?: string
  seller_id?: string
}

const counts = {
  batches: { type: "integer" },
  stamps_issued: { type: "integer" },
  scans: {
    type: "integer",
    description:
      "scans that count: a stamp's repeats from one network within the window count once",
  },
  stamps_scanned: { type: "integer", description: "stamps scanned at least once in the quarter" },
  counterfeit_signals: {
    type: "integer",
    description:
      "stamps whose first counterfeit signal (a suspicious or voided scan, located scans proving a copied label) fell in the quarter, each once",
  },
}
const place = {
  quarter: { type: "string" },
  commune_code: { type: "string" },
  commune_name: { type: "string" },
  province_code: { type: "string" },
}

const statsSchema = {
  type: "object",
  properties: {
    filters: {
      type: "object",
      properties: {
        quarter: { type: ["string", "null"] },
        commune_code: { type: ["string", "null"] },
        province_code: { type: ["string", "null"] },
        seller_id: { type: ["string", "null"] },
      },
    },
    sellers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          ...place,
          seller_id: { type: "string" },
          seller_name: { type: "string" },
          ...counts,
        },
      },
    },
    communes: {
      type: "array",
      items: { type: "object", properties: { ...place, sellers: { type: "integer" }, ...counts } },
    },
  },
  required: ["filters", "sellers", "communes"],
} as const

const counterfeitSchema = {
  type: "object",
  properties: {
    filters: statsSchema.properties.filters,
    stamps: {
      type: "array",
      items: {
        type: "object",
        properties: {
          serial: { type: "string" },
          seller_id: { type: "string" },
          seller_name: { type: "string" },
          commune_code: { type: "string" },
          product_title: { type: "string" },
          lot_code: { type: "string" },
          state: { type: "string", enum: ["issued", "voided"] },
          signalled_at: { type: "string", format: "date-time" },
          signal_count: { type: "integer" },
          flagged_at: { type: ["string", "null"], format: "date-time" },
        },
        required: ["serial", "seller_id", "lot_code", "state", "signalled_at"],
      },
    },
  },
  required: ["filters", "stamps"],
} as const

/** The quarter and area filters both statistics routes take. */
const AREA_QUERY = {
  quarter: { type: "string", pattern: QUARTER_PATTERN_SOURCE, description: "e.g. 2026-Q3" },
  commune_code: { type: "string", pattern: "^[0-9]{5}$" },
  province_code: { type: "string", pattern: "^[0-9]{2}$" },
} as const

/** The quarter asked for (its bounds, or nulls for all time) and the places named. */
function asked(query: StatsQuery) {
  const range = query.quarter ? quarterRange(query.quarter) : null
  if (query.quarter && !range) throw badRequest("quarter", msg.quarterFormat())
  return {
    start: range?.start ?? null,
    end: range?.end ?? null,
    communeCode: query.commune_code,
    provinceCode: query.province_code,
  }
}

/** HTTP for the counts (who may see which area: services/stats.ts). */
export function statsRoutes(
  app: FastifyInstance,
  { jwtKey, officers, services }: RouteContext,
): void {
  const whoAsks = async (request: FastifyRequest) => {
    request.actor = await withOfficerArea(request, await authenticate(request, jwtKey), officers)
  }
  app.get<{ Querystring: StatsQuery }>(
    "/stats",
    {
      schema: {
        tags: ["statistics"],
        summary: "Counts by quarter, seller and commune",
        description:
          "Batches, stamps issued, scans, stamps scanned at least once and counterfeit signals per quarter (Vietnam time) and seller, with a per-commune roll-up. For the backend (actor_type service), operators, commune officers (their commune) and province officers (their province).",
        security: [{ bearer: [] }],
        querystring: {
          type: "object",
          properties: {
            ...AREA_QUERY,
            seller_id: { type: "string", minLength: 1, maxLength: 100 },
          },
          additionalProperties: false,
        },
        response: { 200: statsSchema, "4xx": errorSchema },
      },
      // Who is asking before what they ask: an anonymous caller learns nothing about the input.
      preValidation: whoAsks,
    },
    async (request) => {
      const query = request.query
      const { area, sellers, communes } = await services.stats.sellers(request.actor!, {
        ...asked(query),
        sellerId: query.seller_id,
      })
      return {
        filters: {
          quarter: query.quarter ?? null,
          commune_code: area.communeCode,
          province_code: area.provinceCode,
          seller_id: query.seller_id ?? null,
        },
        sellers,
        communes,
      }
    },
  )
  app.get<{ Querystring: Omit<StatsQuery, "seller_id"> }>(
    "/stats/counterfeit-stamps",
    {
      schema: {
        tags: ["statistics"],
        summary: "The stamps behind the counterfeit-signal count",
        description:
          "Stamps whose first counterfeit signal (a suspicious or voided scan, or located scans proving a copied label) fell in the quarter (Vietnam time), newest first, at most 500: serial, seller, product, lot and state. For the same callers as /stats, inside the same areas.",
        security: [{ bearer: [] }],
        querystring: {
          type: "object",
          properties: {
            ...AREA_QUERY,
          },
          additionalProperties: false,
        },
        response: { 200: counterfeitSchema, "4xx": errorSchema },
      },
      preValidation: whoAsks,
    },
    async (request) => {
      const query = request.query
      const { area, stamps } = await services.stats.counterfeitStamps(request.actor!, asked(query))
      return {
        filters: {
          quarter: query.quarter ?? null,
          commune_code: area.communeCode,
          province_code: area.provinceCode,
        },
        stamps,
      }
    },
  )
}
