// QR codes of stamps; the implementation is plain JavaScript so worker threads can load it.
export {
  ERROR_CORRECTION,
  type QrMatrix,
  QUIET_ZONE,
  qrMatrix,
  qrPathOperators,
} from "./qr-ops.js"
