import type { FastifySchemaCompiler } from "fastify"
import { z } from "zod/v4"
import { badRequest } from "./errors.js"

/**
 * Routes whose input needs more than JSON Schema says well (discriminated unions, dates in
 * order, coordinates in pairs) validate it with zod, while the route still declares a JSON
 * Schema made from the same zod schema, so generated API docs show it.
 *
 * Use `zodSchema(...)` for every part of such a route (params, querystring, body) and set
 * `validatorCompiler: zodValidatorCompiler` on it.
 */

const zodOf = new WeakMap<object, z.ZodType>()

/** The JSON Schema of a zod schema, remembered so zodValidatorCompiler finds the zod original. */
export function zodSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" })
  delete json.$schema
  zodOf.set(json, schema)
  return json
}

/** The first problem of a failed parse as a 400 naming the field (dotted path). */
export function zodProblem(error: z.ZodError, prefix = "") {
  const issue = error.issues[0]!
  const path = [...issue.path]
  let reason = issue.message
  if (issue.code === "unrecognized_keys") {
    path.push(issue.keys[0]!)
    reason = "is not a known field"
  } else if (issue.code === "invalid_union" && "note" in issue) {
    reason = "is not one of the known types"
  } else if (issue.code === "invalid_type" && issue.input === undefined) {
    reason = "is required"
  }
  const field = [prefix, ...path.map(String)].filter(Boolean).join(".")
  return badRequest(field || "body", field ? `${field} ${reason}` : reason)
}

export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const parser = zodOf.get(schema as object)
  if (!parser) throw new Error(`The ${httpPart} schema of this route was not made by zodSchema()`)
  // Body fields are named as they are; params and query parameters by their own names too.
  return (data: unknown) => {
    const result = parser.safeParse(data ?? (httpPart === "body" ? undefined : {}))
    return result.success ? { value: result.data } : { error: zodProblem(result.error) }
  }
}
