import { Worker } from "node:worker_threads"
import { qrMatrix, qrPathOperators } from "./qr.js"

/** A stamp's QR code as PDF path operators (see qrPathOperators) and its size in modules. */
export interface QrCode {
  size: number
  operators: string
}

interface Pending {
  resolve: (codes: QrCode[]) => void
  reject: (error: Error) => void
}

/**
 * Worker threads that turn URIs into QR path operators. Computing a QR matrix (segment
 * optimisation and choosing the mask) is most of the cost of a label sheet; in threads it uses
 * the other cores and keeps the event loop, which also answers scans, free while a sheet renders.
 * With `threads` 0 codes are computed in the calling thread.
 */
export class QrPool {
  private readonly workers: Worker[] = []
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private next = 0

  constructor(readonly threads: number) {}

  /** The codes of `uris`, in order. */
  codes(uris: string[]): Promise<QrCode[]> {
    if (this.threads === 0) {
      return Promise.resolve(
        uris.map((uri) => {
          const matrix = qrMatrix(uri)
          return { size: matrix.size, operators: qrPathOperators(matrix) }
        }),
      )
    }
    const worker = this.worker()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, uris })
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()))
  }

  /** Round robin; threads start on first use. */
  private worker(): Worker {
    const index = this.next++ % this.threads
    let worker = this.workers[index]
    if (!worker) {
      // Plain JavaScript: no loader of the parent (tsx in development) is needed or inherited.
      worker = new Worker(new URL("./qr-worker.js", import.meta.url), { execArgv: [] })
      // Idle threads must not keep a process alive (tests, the CLI worker).
      worker.unref()
      worker.on("message", ({ id, codes }: { id: number; codes: QrCode[] }) => {
        this.pending.get(id)?.resolve(codes)
        this.pending.delete(id)
      })
      worker.on("error", (error) => this.failAll(error))
      worker.on("exit", () => {
        if (this.workers[index] === worker) delete this.workers[index]
      })
      this.workers[index] = worker
    }
    return worker
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}
