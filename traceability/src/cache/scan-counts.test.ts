import { describe, expect, it, vi } from "vitest"
import { EMPTY_SUMMARY, MemoryScanCounts } from "./scan-counts.js"

const at = (minute: number) => new Date(Date.UTC(2026, 6, 1, 8, minute))

describe("MemoryScanCounts", () => {
  it("seeds a stamp once from the database, however many scans arrive at the same time", async () => {
    const counts = new MemoryScanCounts()
    const load = vi.fn(async () => ({ ...EMPTY_SUMMARY, count: 4, firstScannedAt: at(0) }))
    expect(counts.countIfKnown("S1", at(1))).toBeUndefined()
    const scans = await Promise.all([1, 2, 3].map((m) => counts.count("S1", at(m), load)))
    expect(load).toHaveBeenCalledTimes(1)
    expect(scans.map((s) => s.count)).toEqual([5, 6, 7])
    expect(scans[2]).toEqual({
      count: 7,
      firstScannedAt: at(0),
      lastScannedAt: at(3),
      flagged: false,
    })
    expect(counts.countIfKnown("S1", at(4))?.count).toBe(8)
  })

  it("keeps a stamp's first scan time and picks up a flag", async () => {
    const counts = new MemoryScanCounts()
    const first = await counts.count("S2", at(5), async () => EMPTY_SUMMARY)
    expect(first).toEqual({ count: 1, firstScannedAt: at(5), lastScannedAt: at(5), flagged: false })
    await counts.flag("S2")
    expect(await counts.peek("S2", async () => EMPTY_SUMMARY)).toEqual({
      count: 1,
      firstScannedAt: at(5),
      lastScannedAt: at(5),
      flagged: true,
    })
  })

  it("forgets cold stamps only once their scans are written", async () => {
    const counts = new MemoryScanCounts(2)
    const load = vi.fn(async () => EMPTY_SUMMARY)
    for (const serial of ["A", "B", "C"]) await counts.count(serial, at(1), load)
    // Nothing written yet: re-reading any of them from the database would lose a scan.
    for (const serial of ["A", "B", "C"]) expect(counts.countIfKnown(serial, at(2))?.count).toBe(2)
    counts.written(["A", "A", "B", "B", "C", "C"])
    await counts.count("D", at(3), load)
    expect(counts.countIfKnown("A", at(4))).toBeUndefined()
    expect(counts.countIfKnown("D", at(4))?.count).toBe(2)
  })
})
