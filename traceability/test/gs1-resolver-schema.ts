import { readFileSync } from "node:fs"
import { Ajv } from "ajv"
import addFormatsModule from "ajv-formats"

// ajv-formats is CommonJS with an ES-style default export in its types.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/** GS1's resolver description file schema 1.2.0 (copied into the repo, see its README). */
const schema = JSON.parse(
  readFileSync(
    new URL("./fixtures/gs1-resolver-1.2.0/description-file-schema.json", import.meta.url),
    "utf8",
  ),
)
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
const validate = ajv.compile(schema)

/** The schema's complaints about a description file, or [] when it is valid. */
export function resolverDescriptionProblems(document: unknown): string[] {
  if (validate(document)) return []
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  )
}

/** GS1's linkset schema, as GS1's resolver test suite fetches it (copied, see its README). */
const linksetSchema = JSON.parse(
  readFileSync(new URL("./fixtures/gs1-linkset/gs1-linkset-schema.json", import.meta.url), "utf8"),
)
const validateLinkset = ajv.compile(linksetSchema)

/** The schema's complaints about a linkset, or [] when it is valid. */
export function linksetProblems(document: unknown): string[] {
  if (validateLinkset(document)) return []
  return (validateLinkset.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  )
}
