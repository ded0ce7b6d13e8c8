import type { FastifyInstance } from "fastify"
import { GS1_VOC, LINK_TYPES } from "../../domain/linkset.js"
import type { RouteContext } from "../context.js"

/** The resolver's self-description, as GS1's conformant resolver standard asks. */
export function resolverDescription(publicUrl: string) {
  return {
    name: "Truy xuất nguồn gốc nông sản - tem QR (origin stamp resolver)",
    resolverRoot: publicUrl,
    // GS1's schema names primary keys by their AI: 01 is the GTIN (the only key stamps carry).
    supportedPrimaryKeys: ["01"],
    supportedLinkType: [
      { namespace: GS1_VOC, prefix: "gs1:", profile: "https://ref.gs1.org/voc/?show=linktypes" },
    ],
    linkTypes: [...LINK_TYPES],
    linkTypeDefaultCanBeLinkset: true,
    linkTypeDefaultCanBeAll: true,
    supportedContextValuesEnumerated: [],
    supportedContextValuesExternal: [],
    validatorRequired: false,
    shortUriPattern: `${publicUrl}/s/{serial}`,
  }
}

const descriptionSchema = {
  type: "object",
  properties: {
    name: { type: "string" },
    resolverRoot: { type: "string" },
    supportedPrimaryKeys: { type: "array", items: { type: "string", enum: ["01"] } },
    supportedLinkType: {
      type: "array",
      items: {
        type: "object",
        properties: {
          namespace: { type: "string" },
          prefix: { type: "string" },
          profile: { type: "string" },
        },
      },
    },
    linkTypes: { type: "array", items: { type: "string" } },
    linkTypeDefaultCanBeLinkset: { type: "boolean" },
    linkTypeDefaultCanBeAll: { type: "boolean" },
    supportedContextValuesEnumerated: { type: "array", items: { type: "string" } },
    supportedContextValuesExternal: { type: "array", items: { type: "object" } },
    validatorRequired: { type: "boolean" },
    shortUriPattern: { type: "string" },
  },
  required: ["name", "resolverRoot", "supportedPrimaryKeys", "supportedLinkType"],
} as const

export function wellKnownRoutes(app: FastifyInstance, { config }: RouteContext): void {
  const description = resolverDescription(config.publicUrl)
  app.get(
    "/.well-known/gs1resolver",
    {
      schema: {
        tags: ["resolver"],
        summary: "GS1 resolver description",
        response: { 200: descriptionSchema },
      },
    },
    async (_request, reply) => {
      reply
        .header("access-control-allow-origin", "*")
        .header("cache-control", "public, max-age=3600")
      return description
    },
  )
}
