import { invalidInput } from "../domain/errors.js"
import { verifySerial } from "../domain/serial.js"
import type { VoidResult } from "../domain/stamp.js"
import { msg } from "../messages.js"
import { inTransaction } from "../store/db.js"
import { seqsOf, voidStamps } from "../store/stamps.js"
import { lockBatchForWrite, writerOf } from "./batch-access.js"
import type { Caller, ServiceDeps } from "./context.js"

/**
 * Which stamps to void: a range in issue order (both ends printed on the roll), or a list of
 * serials.
 */
export type VoidSelection = { fromSerial: string; toSerial: string } | { serials: string[] }

/** The request field a serial of the selection came from, to name it in a refusal. */
function fieldOf(selection: VoidSelection, serial: string): string {
  if ("serials" in selection) return "serials"
  return selection.fromSerial === serial ? "from_serial" : "to_serial"
}

/**
 * Voiding a lost or spoilt roll, by those who may write the batch (a suspended seller too: a
 * void only ever withdraws a promise). Voided stamps still resolve, as voided, so a buyer holding
 * one is warned. Voiding again changes nothing and keeps the first who and why.
 */
export class VoidService {
  constructor(private readonly deps: ServiceDeps) {}

  async void(
    caller: Pick<Caller, "actor">,
    batchId: string,
    selection: VoidSelection,
    reason: string,
  ): Promise<VoidResult> {
    const byRange = !("serials" in selection)
    const serials =
      "serials" in selection
        ? [...new Set(selection.serials)]
        : [selection.fromSerial, selection.toSerial]
    // Forged serials are refused before the database is asked.
    const forged = serials.find(
      (serial) => !verifySerial(serial, this.deps.config.stampSigningSecret),
    )
    if (forged) throw invalidInput(fieldOf(selection, forged), msg.notGenuineSerial(forged))

    return inTransaction(this.deps.pool, async (client) => {
      await lockBatchForWrite(client, batchId, caller.actor)
      const seqs = await seqsOf(client, batchId, serials)
      const unknown = serials.find((serial) => !seqs.has(serial))
      if (unknown) {
        throw invalidInput(fieldOf(selection, unknown), msg.notStampOfBatch(unknown, batchId))
      }
      const by = { ...writerOf(caller.actor), reason }
      if (!byRange) return voidStamps(client, batchId, { serials }, by)
      const fromSeq = seqs.get(serials[0]!)!
      const toSeq = seqs.get(serials[1]!)!
      if (fromSeq > toSeq) throw invalidInput("to_serial", msg.voidRangeOrder(toSeq, fromSeq))
      return voidStamps(client, batchId, { fromSeq, toSeq }, by)
    })
  }
}
