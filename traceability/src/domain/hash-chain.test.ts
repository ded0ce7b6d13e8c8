import { describe, expect, it } from "vitest"
import {
  type ChainedEvent,
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  type HashedEvent,
  verifyChain,
} from "./hash-chain.js"

const event = (seq: number, overrides: Partial<HashedEvent> = {}): HashedEvent => ({
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  batch_id: "11111111-1111-4111-8111-111111111111",
  seq,
  type: "harvest",
  occurred_at: "2025-10-04T23:00:00.000Z",
  occurred_offset: "+07:00",
  place_name: "Ruộng số 7",
  place_lat: 22.4321,
  place_lng: 104.0123,
  actor_name: null,
  photos: [],
  note: null,
  details: { quantity: { amount: 1500, unit: "kg" } },
  recorded_at: "2025-10-05T01:00:00.000Z",
  recorded_by_type: "seller_member",
  recorded_by_id: "member_01",
  on_behalf_of: null,
  ...overrides,
})

function chain(events: HashedEvent[]): ChainedEvent[] {
  let prev = GENESIS_HASH
  return events.map((e) => {
    const hash = eventHash(e, prev)
    const link = { event: e, prevHash: prev, hash }
    prev = hash
    return link
  })
}

const headOf = (links: ChainedEvent[]) => ({
  count: links.length,
  hash: links.at(-1)?.hash ?? null,
})

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    )
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })

  it("escapes text like JSON and keeps Vietnamese as is", () => {
    expect(canonicalJson({ t: 'Gạo "Séng Cù"\n' })).toBe('{"t":"Gạo \\"Séng Cù\\"\\n"}')
  })

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/)
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/Infinity/)
  })
})

describe("eventHash", () => {
  it("is the same for the same content whatever the key order", () => {
    const a = event(1)
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as HashedEvent
    expect(eventHash(reordered, GENESIS_HASH)).toBe(eventHash(a, GENESIS_HASH))
    expect(eventHash(a, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/)
  })

  it("changes with any field and with the previous hash", () => {
    const base = eventHash(event(1), GENESIS_HASH)
    expect(eventHash(event(1, { occurred_offset: "+08:00" }), GENESIS_HASH)).not.toBe(base)
    expect(
      eventHash(event(1, { details: { quantity: { amount: 1501, unit: "kg" } } }), GENESIS_HASH),
    ).not.toBe(base)
    expect(eventHash(event(1, { on_behalf_of: "sel_1" }), GENESIS_HASH)).not.toBe(base)
    expect(eventHash(event(1), "1".repeat(64))).not.toBe(base)
  })
})

describe("verifyChain", () => {
  const links = chain([event(1), event(2, { type: "packing" }), event(3, { type: "shipping" })])

  it("accepts an untouched chain, and an empty one", () => {
    expect(verifyChain(links, headOf(links))).toEqual({ valid: true, events: 3, broken_at: null })
    expect(verifyChain([], { count: 0, hash: null })).toEqual({
      valid: true,
      events: 0,
      broken_at: null,
    })
  })

  it("names an event whose content changed", () => {
    const edited = links.map((l, i) => (i === 1 ? { ...l, event: { ...l.event, note: "sửa" } } : l))
    expect(verifyChain(edited, headOf(links)).broken_at).toEqual({
      seq: 2,
      event_id: links[1]!.event.id,
      reason: "content_altered",
    })
  })

  it("names an event that was re-hashed after an edit, through its successor", () => {
    const e2 = { ...links[1]!.event, note: "sửa" }
    const rehashed = [
      links[0]!,
      { ...links[1]!, event: e2, hash: eventHash(e2, links[0]!.hash) },
      links[2]!,
    ]
    expect(verifyChain(rehashed, headOf(links)).broken_at).toEqual({
      seq: 3,
      event_id: links[2]!.event.id,
      reason: "prev_hash_mismatch",
    })
  })

  it("notices missing events in the middle and at the end", () => {
    expect(verifyChain([links[0]!, links[2]!], headOf(links)).broken_at).toEqual({
      seq: 2,
      event_id: null,
      reason: "missing_event",
    })
    expect(verifyChain(links.slice(0, 2), headOf(links)).broken_at).toEqual({
      seq: 3,
      event_id: null,
      reason: "missing_event",
    })
  })

  it("notices events written around the head, and a head that does not match", () => {
    const extra = chain([event(1), event(2), event(3), event(4)])
    expect(verifyChain(extra, headOf(extra.slice(0, 3))).broken_at).toMatchObject({
      seq: 4,
      reason: "unexpected_event",
    })
    expect(verifyChain(links, { count: 3, hash: "a".repeat(64) }).broken_at).toMatchObject({
      seq: 3,
      reason: "head_mismatch",
    })
  })

  it("notices swapped events", () => {
    const swapped = [links[0]!, { ...links[2]!, event: { ...links[2]!.event, seq: 2 } }, links[1]!]
    expect(verifyChain(swapped, headOf(links)).valid).toBe(false)
  })
})
