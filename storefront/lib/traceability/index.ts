export { type ChainCheck, getChainCheck } from "./chain"
export { TraceUnavailableError } from "./errors"
export {
  isSharedLocation,
  LOCATION_WINDOW_MS,
  type SharedLocation,
  shareScanLocation,
} from "./location"
export { getProvenance } from "./provenance"
export type * from "./types"
