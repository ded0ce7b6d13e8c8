// A worker thread of QrPool (qr-pool.ts): QR matrices are the costly part of a label sheet.
import { parentPort } from "node:worker_threads"
import { qrMatrix, qrPathOperators } from "./qr-ops.js"

parentPort.on("message", ({ id, uris }) => {
  const codes = uris.map((uri) => {
    const matrix = qrMatrix(uri)
    return { size: matrix.size, operators: qrPathOperators(matrix) }
  })
  parentPort.postMessage({ id, codes })
})
