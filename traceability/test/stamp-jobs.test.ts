import { type ChildProcess, spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { verifySerial } from "../src/domain/serial.js"
import { claimJob, issueChunk } from "../src/jobs/stamp-issuer.js"
import { StampWorker } from "../src/jobs/stamp-worker.js"
import { STAMP_SIGNING_SECRET } from "./helpers.js"
import { createBatch, issue, type StampService, startStampService } from "./stamp-service.js"

// Crash safety and multi-instance safety of background issuance, with real processes.

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const silent = { info: () => {}, error: () => {} }

let service: StampService

beforeAll(async () => {
  // No worker inside the service: these tests decide which worker runs when.
  // These runs add up to more than a seller's daily quota (20,000 by default): no quota here.
  service = await startStampService({ stampWorker: false }, { STAMP_DAILY_QUOTA: "0" })
})

afterAll(() => service?.close())

const keys = () => ({ stampSigningSecret: STAMP_SIGNING_SECRET, publicUrl: service.base })

async function jobRow(id: string) {
  const { rows } = await service.pool.query(
    `SELECT j.state, j.issued, j.count, j.first_seq, j.lease_owner, j.lease_until > now() AS leased,
            (SELECT count(*)::int FROM stamp s WHERE s.job_id = j.id) AS stamps
     FROM stamp_job j WHERE j.id = $1`,
    [id],
  )
  return rows[0]
}

/** Stamps counted by the batch's stamps.issued indicator events (test/outbox.test.ts). */
async function issuedEvents(batchId: string): Promise<number> {
  const { rows } = await service.pool.query(
    `SELECT coalesce(sum((payload->>'count')::int), 0)::int AS n FROM outbox_event
     WHERE type = 'stamps.issued' AND payload->>'batch_id' = $1`,
    [batchId],
  )
  return rows[0].n
}

/** Every stamp of the job exists exactly once, with exactly the job's issue numbers. */
async function expectComplete(jobId: string, count: number, firstSeq: number) {
  const { rows } = await service.pool.query(
    `SELECT count(*)::int AS n, count(DISTINCT serial)::int AS serials, count(DISTINCT seq)::int AS seqs,
            min(seq) AS first, max(seq) AS last, array_agg(serial) AS all_serials
     FROM stamp WHERE job_id = $1`,
    [jobId],
  )
  const { n, serials, seqs, first, last, all_serials } = rows[0]
  expect({ n, serials, seqs, first, last }).toEqual({
    n: count,
    serials: count,
    seqs: count,
    first: firstSeq,
    last: firstSeq + count - 1,
  })
  expect(all_serials.every((serial: string) => verifySerial(serial, STAMP_SIGNING_SECRET))).toBe(
    true,
  )
  expect(await jobRow(jobId)).toMatchObject({
    state: "done",
    issued: count,
    stamps: count,
    lease_owner: null,
  })
}

function startWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/jobs/stamp-worker-main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...service.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  })
}

describe("background stamp jobs", () => {
  it("loses and duplicates nothing when the worker is killed mid-job, and resumes from its progress", async () => {
    const batchId = await createBatch(service)
    await issue(service, batchId, { count: 7 }) // a job starting at 8 shows numbering continues
    const accepted = await issue(service, batchId, { count: 20_000 })
    expect(accepted.status).toBe(202)
    const jobId = accepted.body.job.id
    expect(accepted.body.job.first_seq).toBe(8)

    const child = startWorkerProcess({ STAMP_JOB_CHUNK_SIZE: "250", STAMP_JOB_LEASE_MS: "3000" })
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      await vi.waitFor(
        async () => expect((await jobRow(jobId)).issued).toBeGreaterThanOrEqual(2_000),
        { timeout: 30_000, interval: 10 },
      )
      // While the worker holds a live lease, no other worker can take the job.
      expect(await claimJob(service.pool, "intruder", 1000)).toBeNull()
    } finally {
      child.kill("SIGKILL")
    }
    await exited

    const killed = await jobRow(jobId)
    expect(killed.state).toBe("running")
    expect(killed.issued).toBeLessThan(20_000)
    // Progress and stamps moved together: every committed chunk counted, nothing half-written.
    expect(killed.stamps).toBe(killed.issued)
    // ... and so did the indicator events: one per committed chunk, none for the lost one.
    expect(await issuedEvents(batchId)).toBe(7 + killed.issued)

    // The dead worker's lease runs out; then a worker (here: one inside this test) resumes.
    await vi.waitFor(async () => expect((await jobRow(jobId)).leased).toBe(false), {
      timeout: 10_000,
      interval: 100,
    })
    const worker = new StampWorker(service.pool, keys(), silent, { chunkSize: 5_000 })
    expect(await worker.runUntilIdle()).toBe(1)
    await expectComplete(jobId, 20_000, 8)
    expect(await issuedEvents(batchId)).toBe(20_007)
  })

  it("lets several workers race for jobs, each job run by one of them", async () => {
    const batchId = await createBatch(service)
    const jobIds: string[] = []
    for (let i = 0; i < 3; i++) {
      const accepted = await issue(service, batchId, { count: 1_500 })
      jobIds.push(accepted.body.job.id)
    }
    const workers = Array.from(
      { length: 3 },
      () => new StampWorker(service.pool, keys(), silent, { chunkSize: 100 }),
    )
    const finished = await Promise.all(workers.map((worker) => worker.runUntilIdle()))
    expect(finished.reduce((a, b) => a + b, 0)).toBe(3)
    for (const [i, jobId] of jobIds.entries()) await expectComplete(jobId, 1_500, 1 + i * 1_500)
  })

  it("fails a job whose batch is recalled while it runs, keeping what was issued", async () => {
    const batchId = await createBatch(service)
    const accepted = await issue(service, batchId, { count: 3_000 })
    const jobId = accepted.body.job.id
    const worker = new StampWorker(service.pool, keys(), silent, { chunkSize: 1_000 })
    const claimed = await claimJob(service.pool, worker.owner, 30_000)
    expect(claimed?.id).toBe(jobId)
    const options = { chunkSize: 1_000, leaseMs: 30_000 }
    expect(await issueChunk(service.pool, jobId, worker.owner, keys(), options)).toBe("more")
    const recalled = await service.call("POST", `/batches/${batchId}/recall`, {
      token: service.tokens.member,
      body: { reason: "Dư lượng thuốc bảo vệ thực vật" },
    })
    expect(recalled.status).toBe(200)
    expect(await issueChunk(service.pool, jobId, worker.owner, keys(), options)).toBe("failed")
    const job = await service.call("GET", `/stamp-jobs/${jobId}`, { token: service.tokens.member })
    expect(job.body).toMatchObject({ state: "failed", issued: 1_000 })
    expect(job.body.error).toMatch(/recalled/)
    expect((await jobRow(jobId)).stamps).toBe(1_000)
  })

  it("gives a job back on a clean stop, so the next worker resumes it at once", async () => {
    const batchId = await createBatch(service)
    const accepted = await issue(service, batchId, { count: 5_000 })
    const jobId = accepted.body.job.id
    const first = new StampWorker(service.pool, keys(), silent, { chunkSize: 100, pollMs: 60_000 })
    first.start()
    await vi.waitFor(async () => expect((await jobRow(jobId)).issued).toBeGreaterThan(0), {
      timeout: 10_000,
      interval: 10,
    })
    await first.stop()
    const stopped = await jobRow(jobId)
    expect(stopped).toMatchObject({ state: "running", lease_owner: null })
    expect(stopped.issued).toBeLessThan(5_000)
    const second = new StampWorker(service.pool, keys(), silent, { chunkSize: 5_000 })
    expect(await second.runUntilIdle()).toBe(1)
    await expectComplete(jobId, 5_000, 1)
  })
})
