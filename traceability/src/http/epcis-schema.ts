import { readFileSync } from "node:fs"
import { Ajv } from "ajv"
import addFormatsModule from "ajv-formats"

// ajv-formats is CommonJS with an ES-style default export in its types.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/**
 * GS1's EPCIS 2.0 JSON Schema (src/standards/epcis-2.0, copied with its licence), compiled once:
 * POST /capture validates every document with it, and the tests validate the service's answers.
 */
const schema = JSON.parse(
  readFileSync(new URL("../standards/epcis-2.0/EPCIS-JSON-Schema.json", import.meta.url), "utf8"),
)
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
const validate = ajv.compile(schema)

export interface SchemaComplaint {
  /** JSON pointer of the offending value ("" for the document). */
  path: string
  message: string
}

/** The schema's complaints about a document, or [] when it is valid. */
export function epcisSchemaComplaints(document: unknown): SchemaComplaint[] {
  if (validate(document)) return []
  return (validate.errors ?? []).map((e) => ({
    path: e.instancePath,
    message: `${e.message ?? "is not valid"}${
      e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""
    }`,
  }))
}
