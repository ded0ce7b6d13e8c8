import type { FastifySchemaCompiler } from "fastify"
import { z } from "zod"
import { msg, reasonText, type Text } from "../messages.js"
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

/** The value at an issue's path in the input (zod 4 leaves it out of the issue). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    value =
      value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined
  }
  return value
}

/**
 * The first problem of a failed parse as a 400 naming the field (dotted path). Text over its
 * limit is said in both languages with the limit and the length sent, so a form can show it as
 * it is: a person who pasted 265 characters learns the limit instead of finding the text cut.
 */
export function zodProblem(error: z.ZodError, prefix = "", data?: unknown) {
  const issue = error.issues[0]!
  const path = [...issue.path]
  if (issue.code === "too_big" && issue.origin === "string") {
    const field = [prefix, ...path.map(String)].filter(Boolean).join(".") || "body"
    const sent = valueAt(data, issue.path)
    const length = typeof sent === "string" ? sent.trim().length : null
    return badRequest(field, msg.tooLong(field, Number(issue.maximum), length))
  }
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
  // A check that knows its words in both languages passes them as params.text.
  const given = issue.code === "custom" ? (issue.params?.text as Text | undefined) : undefined
  if (given && field) {
    return badRequest(field, { vi: `${field}: ${given.vi}`, en: `${field} ${given.en}` })
  }
  return badRequest(field || "body", given ?? reasonText(field, reason))
}

export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const parser = zodOf.get(schema as object)
  if (!parser) throw new Error(`The ${httpPart} schema of this route was not made by zodSchema()`)
  // Body fields are named as they are; params and query parameters by their own names too.
  return (data: unknown) => {
    const result = parser.safeParse(data ?? (httpPart === "body" ? undefined : {}))
    return result.success ? { value: result.data } : { error: zodProblem(result.error, "", data) }
  }
}
