import { readFileSync } from "node:fs"
import { Ajv } from "ajv"
import addFormatsModule from "ajv-formats"

// ajv-formats is CommonJS with an ES-style default export in its types.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/** GS1's EPCIS 2.0 JSON Schema (copied into the repo with its licence), compiled once. */
const schema = JSON.parse(
  readFileSync(new URL("./fixtures/epcis-2.0/EPCIS-JSON-Schema.json", import.meta.url), "utf8"),
)
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
const validate = ajv.compile(schema)

/** The schema's complaints about a document, or [] when it is valid. */
export function epcisProblems(document: unknown): string[] {
  if (validate(document)) return []
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  )
}
