import { epcisSchemaComplaints } from "../src/http/epcis-schema.js"

/** The schema's complaints about a document, or [] when it is valid (GS1's EPCIS 2.0 schema). */
export function epcisProblems(document: unknown): string[] {
  return epcisSchemaComplaints(document).map((c) => `${c.path} ${c.message}`)
}
