import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { createSerial, verifySerial } from "../src/domain/serial.js"
import { STAMP_SIGNING_SECRET } from "./helpers.js"
import {
  countRows,
  createBatch,
  issue,
  RICE,
  type StampService,
  startStampService,
  TEA,
} from "./stamp-service.js"

// Issuing, job progress, outputs and voiding, for every kind of caller, on real PostgreSQL.

let service: StampService
let t: StampService["tokens"]

beforeAll(async () => {
  service = await startStampService({ stampWorker: { chunkSize: 400, pollMs: 60_000 } })
  t = service.tokens
})

afterAll(() => service?.close())

const writes = () =>
  Promise.all([countRows(service.pool, "stamp"), countRows(service.pool, "stamp_job")])

async function waitForJob(jobPath: string, token = t.member) {
  let job: { state: string; issued: number } = { state: "pending", issued: 0 }
  await vi.waitFor(
    async () => {
      const response = await service.call("GET", jobPath, { token })
      expect(response.status).toBe(200)
      job = response.body
      expect(job.state).toBe("done")
    },
    { timeout: 15_000, interval: 50 },
  )
  return job
}

async function getText(path: string, token = t.member) {
  const response = await fetch(`${service.base}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text: await response.text(),
  }
}

describe("issuing stamps", () => {
  it("issues a small run in the request, numbered in issue order, with Digital Link URIs", async () => {
    const batchId = await createBatch(service)
    const first = await issue(service, batchId, { count: 5 }, { key: "roll-1" })
    expect(first.status).toBe(201)
    expect(first.body.job).toMatchObject({ batch_id: batchId, state: "done", count: 5, issued: 5 })
    const { stamps } = first.body
    expect(stamps.map((s: { seq: number }) => s.seq)).toEqual([1, 2, 3, 4, 5])
    for (const stamp of stamps) {
      expect(stamp.serial).toMatch(/^[0-9A-Z]{20}$/)
      expect(verifySerial(stamp.serial, STAMP_SIGNING_SECRET)).toBe(true)
      const lot = (await service.call("GET", `/batches/${batchId}`, { token: t.member })).body
      expect(stamp.uri).toBe(
        `${service.base}/01/08930000000019/10/${lot.lot_code}/21/${stamp.serial}`,
      )
    }
    const second = await issue(service, batchId, { count: 3 }, { key: "roll-2" })
    expect(second.body.stamps.map((s: { seq: number }) => s.seq)).toEqual([6, 7, 8])
  })

  it("gives a product without a GTIN short URIs", async () => {
    const batchId = await createBatch(service, TEA.id)
    const { body } = await issue(service, batchId, { count: 2 })
    for (const stamp of body.stamps) expect(stamp.uri).toBe(`${service.base}/s/${stamp.serial}`)
  })

  it("answers the same key and body with the same stamps, and the same key with another body with 409", async () => {
    const batchId = await createBatch(service)
    const body = {
      count: 4,
      layout: { columns: 2, rows: 5, label_width_mm: 90, label_height_mm: 50 },
    }
    const first = await issue(service, batchId, body, { key: "print-2026-06-01" })
    const again = await issue(service, batchId, body, { key: "print-2026-06-01" })
    expect(again.status).toBe(201)
    expect(again.headers.get("idempotent-replayed")).toBe("true")
    expect(again.body).toEqual(first.body)

    const before = await writes()
    for (const other of [
      { count: 5 },
      { count: 4 },
      { ...body, layout: { ...body.layout, rows: 4 } },
    ]) {
      const reused = await issue(service, batchId, other, { key: "print-2026-06-01" })
      expect(reused.status).toBe(409)
      expect(reused.body.error).toBe("idempotency_key_reused")
    }
    expect(await writes()).toEqual(before)
    expect(await countRows(service.pool, "stamp WHERE batch_id = $1", [batchId])).toBe(4)

    // The key is scoped to the batch: another batch gets its own stamps under it.
    const otherBatch = await createBatch(service)
    const elsewhere = await issue(service, otherBatch, body, { key: "print-2026-06-01" })
    expect(elsewhere.status).toBe(201)
    expect(elsewhere.body.job.id).not.toBe(first.body.job.id)
  })

  it("lets members and helpers of the batch's seller and operators issue; others get 401 or 404", async () => {
    const batchId = await createBatch(service)
    const before = await writes()
    expect((await issue(service, batchId, { count: 1 }, { token: "" })).status).toBe(401)
    for (const token of [
      t.otherMember,
      t.customer,
      t.communeOfficer,
      t.provinceOfficer,
      t.service,
    ]) {
      const refused = await issue(service, batchId, { count: 1 }, { token, language: "en" })
      expect(refused.status).toBe(404)
      expect(refused.body.message).toBe(`No batch ${batchId}`)
    }
    expect(await writes()).toEqual(before)

    const byHelper = await issue(service, batchId, { count: 1 }, { token: t.helper })
    const byOperator = await issue(service, batchId, { count: 1 }, { token: t.operator })
    expect([byHelper.status, byOperator.status]).toEqual([201, 201])
    const { rows } = await service.pool.query(
      "SELECT created_by_type, created_by, on_behalf_of FROM stamp_job WHERE id = ANY($1) ORDER BY created_at",
      [[byHelper.body.job.id, byOperator.body.job.id]],
    )
    expect(rows).toEqual([
      { created_by_type: "helper", created_by: "helper_07", on_behalf_of: RICE.seller.id },
      { created_by_type: "user", created_by: "user_admin", on_behalf_of: null },
    ])
  })

  it("answers bad input with 400 naming the field, and writes nothing", async () => {
    const batchId = await createBatch(service)
    const before = await writes()
    const cases: [unknown, string | null, string][] = [
      [{ count: 1 }, null, "idempotency-key"],
      [{ count: 0 }, "k", "count"],
      [{ count: 100_001 }, "k", "count"],
      [{ count: 2.5 }, "k", "count"],
      [{}, "k", "count"],
      [{ count: 1, colour: "red" }, "k", "colour"],
      [{ count: 1, layout: { columns: 4 } }, "k", "layout.columns"],
      [{ count: 1, layout: { rows: 9 } }, "k", "layout.rows"],
      [{ count: 1, layout: { label_height_mm: 10 } }, "k", "layout.label_height_mm"],
      [
        {
          count: 1,
          layout: {
            columns: 10,
            label_width_mm: 20,
            label_height_mm: 20,
            gap_x_mm: 0,
            margin_left_mm: 0,
          },
        },
        "k",
        "layout.label_height_mm",
      ],
      [{ count: 1, layout: { bleed_mm: 2 } }, "k", "layout.bleed_mm"],
    ]
    for (const [body, key, field] of cases) {
      const response = await issue(service, batchId, body, { key })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.field, JSON.stringify(body)).toBe(field)
      expect(response.body.message).toBeTruthy()
    }
    expect(await writes()).toEqual(before)
    const unknown = await issue(service, "00000000-0000-4000-8000-000000000000", { count: 1 })
    expect(unknown.status).toBe(404)
    expect((await issue(service, "not-a-uuid", { count: 1 })).body.field).toBe("id")
  })

  it("issues no stamps for a recalled batch", async () => {
    const batchId = await createBatch(service)
    const recalled = await service.call("POST", `/batches/${batchId}/recall`, {
      token: t.member,
      body: { reason: "Mốc trong kho" },
    })
    expect(recalled.status).toBe(200)
    const before = await writes()
    const refused = await issue(service, batchId, { count: 3 })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe("batch_recalled")
    expect(await writes()).toEqual(before)
  })

  it("runs a large request as a background job with progress, then serves its outputs", async () => {
    const batchId = await createBatch(service)
    await issue(service, batchId, { count: 2 }) // numbers 1-2, so the job starts at 3
    const accepted = await issue(service, batchId, { count: 2500 }, { key: "big-roll" })
    expect(accepted.status).toBe(202)
    const location = accepted.headers.get("location")
    expect(location).toBe(`/stamp-jobs/${accepted.body.job.id}`)
    expect(accepted.body.job).toMatchObject({ count: 2500, first_seq: 3, last_seq: 2502 })
    expect(accepted.body.stamps).toBeUndefined()

    const replay = await issue(service, batchId, { count: 2500 }, { key: "big-roll" })
    expect(replay.status).toBe(202)
    expect(replay.body.job.id).toBe(accepted.body.job.id)

    const done = await waitForJob(location!)
    expect(done).toMatchObject({
      issued: 2500,
      links: {
        self: location,
        stamps_csv: `${location}/stamps.csv`,
        sheet_pdf: `${location}/sheet.pdf`,
      },
    })
    const { rows } = await service.pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT serial)::int AS serials, min(seq) AS first, max(seq) AS last
       FROM stamp WHERE job_id = $1`,
      [accepted.body.job.id],
    )
    expect(rows[0]).toEqual({ n: 2500, serials: 2500, first: 3, last: 2502 })

    const csv = await getText(`${location}/stamps.csv`)
    expect(csv.status).toBe(200)
    expect(csv.type).toMatch(/^text\/csv/)
    const lines = csv.text.trimEnd().split("\r\n")
    expect(lines[0]).toBe("serial,uri,state,seq")
    expect(lines).toHaveLength(2501)
    const [serial, uri, state, seq] = lines[1]!.split(",")
    expect([state, seq]).toEqual(["issued", "3"])
    expect(uri).toMatch(new RegExp(`/21/${serial}$`))

    const batchCsv = await getText(`/batches/${batchId}/stamps.csv`, t.operator)
    expect(batchCsv.text.trimEnd().split("\r\n")).toHaveLength(2503)

    for (const token of [t.otherMember, t.customer, t.communeOfficer]) {
      expect((await service.call("GET", location!, { token })).status).toBe(404)
      expect((await getText(`${location}/stamps.csv`, token)).status).toBe(404)
      expect((await getText(`/batches/${batchId}/stamps.csv`, token)).status).toBe(404)
    }
    expect((await fetch(`${service.base}${location}`)).status).toBe(401)
    expect((await service.call("GET", location!, { token: t.helper })).status).toBe(200)
  })

  it("serves the outputs of a job only when it is done", async () => {
    const batchId = await createBatch(service)
    // Created behind the worker's back (no kick, long poll), so it stays pending here.
    const { rows } = await service.pool.query(
      `INSERT INTO stamp_job (batch_id, idempotency_key, count, first_seq, layout, created_by_type, created_by)
       VALUES ($1, 'pending', 5000, 1, '{}', 'user', 'test') RETURNING id`,
      [batchId],
    )
    const path = `/stamp-jobs/${rows[0].id}`
    const job = await service.call("GET", path, { token: t.member })
    expect(job.body).toMatchObject({ state: "pending", issued: 0, links: { self: path } })
    expect(job.body.links.sheet_pdf).toBeUndefined()
    for (const output of ["stamps.csv", "sheet.pdf"]) {
      const response = await service.call("GET", `${path}/${output}`, { token: t.member })
      expect(response.status).toBe(409)
      expect(response.body.error).toBe("job_not_done")
    }
    await service.pool.query("DELETE FROM stamp_job WHERE id = $1", [rows[0].id])
  })
})

describe("printable outputs", () => {
  it("streams a PDF sheet of a batch, and checks its layout", async () => {
    const batchId = await createBatch(service)
    await issue(service, batchId, { count: 30 })
    const pdf = await fetch(
      `${service.base}/batches/${batchId}/stamps.pdf?columns=2&rows=4&label_width_mm=95&label_height_mm=60`,
      {
        headers: { authorization: `Bearer ${t.member}` },
      },
    )
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get("content-type")).toBe("application/pdf")
    const bytes = Buffer.from(await pdf.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-")
    // 30 labels, 8 to a page.
    expect(bytes.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(4)

    const wide = await service.call(
      "GET",
      `/batches/${batchId}/stamps.pdf?columns=3&label_width_mm=80`,
      {
        token: t.member,
      },
    )
    expect(wide.status).toBe(400)
    expect(wide.body.field).toBe("layout.columns")
    expect(
      (await service.call("GET", `/batches/${batchId}/stamps.pdf`, { token: t.otherMember }))
        .status,
    ).toBe(404)
    expect((await fetch(`${service.base}/batches/${batchId}/stamps.pdf`)).status).toBe(401)
  })

  it("draws each stamp's QR code as PNG and SVG for anyone holding the serial", async () => {
    const batchId = await createBatch(service)
    const [stamp] = (await issue(service, batchId, { count: 1 })).body.stamps
    const png = await fetch(`${service.base}/stamps/${stamp.serial}.png`)
    expect(png.headers.get("content-type")).toBe("image/png")
    const svg = await fetch(`${service.base}/stamps/${stamp.serial}.svg`)
    expect(await svg.text()).toMatch(/^<svg /)
    const forged = createSerial("not-the-secret-not-the-secret-not-the-secret")
    expect((await fetch(`${service.base}/stamps/${forged}.png`)).status).toBe(404)
  })
})

describe("voiding stamps", () => {
  it("voids a range in issue order, records who, when and why, and is harmless twice", async () => {
    const batchId = await createBatch(service)
    const { stamps } = (await issue(service, batchId, { count: 10 })).body
    const range = {
      from_serial: stamps[2].serial,
      to_serial: stamps[5].serial,
      reason: "Mất cuộn tem",
    }
    const first = await service.call("POST", `/batches/${batchId}/stamps/void`, {
      token: t.helper,
      body: range,
    })
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ voided: 4, already_voided: 0 })
    const again = await service.call("POST", `/batches/${batchId}/stamps/void`, {
      token: t.member,
      body: range,
    })
    expect(again.body).toEqual({ voided: 0, already_voided: 4 })

    const { rows } = await service.pool.query(
      `SELECT seq, state, voided_by_type, voided_by, voided_on_behalf_of, void_reason, voided_at IS NOT NULL AS dated
       FROM stamp WHERE batch_id = $1 ORDER BY seq`,
      [batchId],
    )
    expect(rows.filter((row) => row.state === "voided").map((row) => row.seq)).toEqual([3, 4, 5, 6])
    expect(rows[2]).toMatchObject({
      voided_by_type: "helper",
      voided_by: "helper_07",
      voided_on_behalf_of: RICE.seller.id,
      void_reason: "Mất cuộn tem",
      dated: true,
    })

    const byList = await service.call("POST", `/batches/${batchId}/stamps/void`, {
      token: t.operator,
      body: { serials: [stamps[0].serial, stamps[3].serial], reason: "In hỏng" },
    })
    expect(byList.body).toEqual({ voided: 1, already_voided: 1 })

    const csv = await getText(`/batches/${batchId}/stamps.csv`)
    expect(csv.text.split("\r\n").filter((line) => line.includes(",voided,"))).toHaveLength(5)
  })

  it("keeps resolving a voided stamp, as voided", async () => {
    const batchId = await createBatch(service, TEA.id)
    const [stamp] = (await issue(service, batchId, { count: 1 })).body.stamps
    const json = { accept: "application/json" }
    const before = await fetch(stamp.uri, { headers: json })
    expect(before.status).toBe(200)
    await service.call("POST", `/batches/${batchId}/stamps/void`, {
      token: t.member,
      body: { serials: [stamp.serial], reason: "Rách" },
    })
    const after = await fetch(stamp.uri, { headers: json })
    expect(after.status).toBe(200)
    const body = (await after.json()) as { stamp: { state: string } }
    expect(body.stamp.state).toBe("voided")
  })

  it("refuses bad selections with 400 naming the field, and voids nothing", async () => {
    const batchId = await createBatch(service)
    const otherBatch = await createBatch(service)
    const { stamps } = (await issue(service, batchId, { count: 3 })).body
    const [foreign] = (await issue(service, otherBatch, { count: 1 })).body.stamps
    const forged = createSerial("not-the-secret-not-the-secret-not-the-secret")
    const reason = "test"
    const cases: [unknown, string][] = [
      [{ from_serial: stamps[2].serial, to_serial: stamps[0].serial, reason }, "to_serial"],
      [{ from_serial: stamps[0].serial, reason }, "to_serial"],
      [{ from_serial: stamps[0].serial, to_serial: foreign.serial, reason }, "to_serial"],
      [{ serials: [stamps[0].serial, forged], reason }, "serials"],
      [{ serials: [foreign.serial], reason }, "serials"],
      [
        {
          serials: [stamps[0].serial],
          from_serial: stamps[0].serial,
          to_serial: stamps[1].serial,
          reason,
        },
        "serials",
      ],
      [{ reason }, "serials"],
      [{ serials: [], reason }, "serials"],
      [{ serials: [stamps[0].serial] }, "reason"],
    ]
    const voided = () => countRows(service.pool, "stamp WHERE state = 'voided'")
    const before = await voided()
    for (const [body, field] of cases) {
      const response = await service.call("POST", `/batches/${batchId}/stamps/void`, {
        token: t.member,
        body,
      })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.field, JSON.stringify(body)).toBe(field)
    }
    const all = { serials: stamps.map((s: { serial: string }) => s.serial), reason }
    expect(
      (await service.call("POST", `/batches/${batchId}/stamps/void`, { body: all })).status,
    ).toBe(401)
    for (const token of [t.otherMember, t.customer, t.provinceOfficer]) {
      const response = await service.call("POST", `/batches/${batchId}/stamps/void`, {
        token,
        body: all,
      })
      expect(response.status).toBe(404)
    }
    expect(await voided()).toBe(before)
  })
})
