import { describe, expect, it } from "vitest"
import { LruCache } from "./lru.js"

describe("LruCache", () => {
  it("forgets the least recently used entry beyond its size", () => {
    const cache = new LruCache<string, number>(2, 60_000)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1) // a is now more recent than b
    cache.set("c", 3)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    expect(cache.get("c")).toBe(3)
    expect(cache.size).toBe(2)
  })

  it("forgets entries older than the time to live", () => {
    let now = 1_000
    const cache = new LruCache<string, number>(10, 500, () => now)
    cache.set("a", 1)
    now = 1_499
    expect(cache.get("a")).toBe(1)
    now = 1_500
    expect(cache.get("a")).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it("replaces, deletes and clears", () => {
    const cache = new LruCache<string, number>(10, 60_000)
    cache.set("a", 1)
    cache.set("a", 2)
    expect(cache.get("a")).toBe(2)
    expect(cache.size).toBe(1)
    cache.delete("a")
    expect(cache.get("a")).toBeUndefined()
    cache.set("b", 1)
    cache.clear()
    expect(cache.size).toBe(0)
  })
})
