export { TraceUnavailableError } from "./errors"
export { getProvenance } from "./provenance"
export type { GenuineProvenance, NotGenuineProvenance, Provenance } from "./types"
