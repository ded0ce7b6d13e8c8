/**
 * How a short harvest is shared among a window's pre-orders. Pure: quantities are whole units
 * of the variant (bags, kilograms), lines come in the order they were placed.
 *
 * - first_come: each line in turn gets all it ordered while the harvest lasts.
 * - pro_rata: each line gets its share rounded down; the units left by rounding go one each to
 *   the largest remainders, earlier lines first on a tie (largest remainder method), so the total
 *   is exactly the harvest and no line gets more than it ordered.
 */
export type Allocation = "first_come" | "pro_rata"

export interface LineToAllocate {
  id: string
  quantity: number
}

export function allocateHarvest(
  lines: LineToAllocate[],
  harvested: number,
  mode: Allocation,
): Map<string, number> {
  const ordered = lines.reduce((s, l) => s + l.quantity, 0)
  const result = new Map<string, number>()
  if (harvested >= ordered) {
    for (const line of lines) result.set(line.id, line.quantity)
    return result
  }
  if (mode === "first_come") {
    let left = Math.max(0, harvested)
    for (const line of lines) {
      const given = Math.min(line.quantity, left)
      result.set(line.id, given)
      left -= given
    }
    return result
  }
  const shares = lines.map((line, index) => {
    const exact = (line.quantity * harvested) / ordered
    return { line, index, floor: Math.floor(exact), remainder: exact - Math.floor(exact) }
  })
  let left = harvested - shares.reduce((s, x) => s + x.floor, 0)
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left <= 0) break
    if (share.floor < share.line.quantity) {
      share.floor += 1
      left -= 1
    }
  }
  for (const share of shares) result.set(share.line.id, share.floor)
  return result
}
