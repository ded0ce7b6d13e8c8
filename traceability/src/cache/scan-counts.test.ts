import { describe, expect, it, vi } from "vitest"
import { EMPTY_SUMMARY, MemoryScanCounts, NETWORKS_KEPT } from "./scan-counts.js"

const at = (minute: number) => new Date(Date.UTC(2026, 6, 1, 8, minute))

describe("MemoryScanCounts", () => {
  it("seeds a stamp once from the database, however many scans arrive at the same time", async () => {
    const counts = new MemoryScanCounts()
    const load = vi.fn(async () => ({ ...EMPTY_SUMMARY, count: 4, firstScannedAt: at(0) }))
    expect(counts.countIfKnown("S1", at(1), null)).toBeUndefined()
    const scans = await Promise.all(
      [1, 2, 3].map((m) => counts.count("S1", at(m), "203.0.113.0/24", load)),
    )
    expect(load).toHaveBeenCalledTimes(1)
    expect(scans.map((s) => s.count)).toEqual([5, 6, 7])
    expect(scans[2]).toEqual({
      count: 7,
      firstScannedAt: at(0),
      lastScannedAt: at(3),
      flagged: false,
      networks: 1,
      counted: true,
    })
    expect(counts.countIfKnown("S1", at(4), null)?.count).toBe(8)
  })

  it("keeps a stamp's first scan time and picks up a flag", async () => {
    const counts = new MemoryScanCounts()
    const first = await counts.count("S2", at(5), null, async () => EMPTY_SUMMARY)
    expect(first).toEqual({
      count: 1,
      firstScannedAt: at(5),
      lastScannedAt: at(5),
      flagged: false,
      networks: 0,
      counted: true,
    })
    await counts.flag("S2")
    expect(await counts.peek("S2", async () => EMPTY_SUMMARY)).toEqual({
      count: 1,
      firstScannedAt: at(5),
      lastScannedAt: at(5),
      flagged: true,
      networks: 0,
    })
  })

  it("forgets cold stamps only once their scans are written", async () => {
    const counts = new MemoryScanCounts(2)
    const load = vi.fn(async () => EMPTY_SUMMARY)
    for (const serial of ["A", "B", "C"]) await counts.count(serial, at(1), null, load)
    // Nothing written yet: re-reading any of them from the database would lose a scan.
    for (const serial of ["A", "B", "C"])
      expect(counts.countIfKnown(serial, at(2), null)?.count).toBe(2)
    counts.written(["A", "A", "B", "B", "C", "C"])
    await counts.count("D", at(3), null, load)
    expect(counts.countIfKnown("A", at(4), null)).toBeUndefined()
    expect(counts.countIfKnown("D", at(4), null)?.count).toBe(2)
  })

  it("counts distinct networks, and a network's repeats within the window once toward SCANS", async () => {
    const counts = new MemoryScanCounts(200_000, 60 * 60_000)
    const seen: [string, number][] = [["198.51.100.0/24", at(0).getTime()]]
    const load = vi.fn(async () => ({ ...EMPTY_SUMMARY, count: 1, networks: 1, seen }))
    const home = "203.0.113.0/24"
    const first = await counts.count("S3", at(30), home, load)
    expect(first).toMatchObject({ count: 2, networks: 2, counted: true })
    // The same network again and again: counted by the stamp, not toward SCANS, one network.
    for (let minute = 31; minute < 52; minute++) {
      expect(counts.countIfKnown("S3", at(minute), home)).toMatchObject({
        networks: 2,
        counted: false,
      })
    }
    // The seeded network's last scan was 59 minutes before: still a repeat.
    expect(counts.countIfKnown("S3", at(59), "198.51.100.0/24")?.counted).toBe(false)
    // An hour after home's last scan it counts again; an unknown network always counts.
    expect(counts.countIfKnown("S3", at(51 + 60), home)?.counted).toBe(true)
    expect(counts.countIfKnown("S3", at(112), null)).toMatchObject({ networks: 2, counted: true })
    expect(counts.countIfKnown("S3", at(113), "2001:db8:1::/48")?.networks).toBe(3)
  })

  it("stops remembering networks past NETWORKS_KEPT", async () => {
    const counts = new MemoryScanCounts()
    await counts.count("S4", at(0), "10.0.0.0/24", async () => EMPTY_SUMMARY)
    for (let i = 1; i < NETWORKS_KEPT + 10; i++) counts.countIfKnown("S4", at(1), `10.0.${i}.0/24`)
    expect((await counts.peek("S4", async () => EMPTY_SUMMARY)).networks).toBe(NETWORKS_KEPT)
  })
})
