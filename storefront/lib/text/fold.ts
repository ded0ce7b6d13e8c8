import { fold } from "@coop/contracts/text"

export { fold }
/**
 * The units whose folded name holds every typed word ("ba dinh", "dinh ba" and "p ba dinh" all
 * find "Phường Ba Đình"), those holding the words as typed first, otherwise in the given (code) order.
 */
export function matchUnits<T extends { name: string }>(units: T[], query: string): T[] {
  const q = fold(query)
  if (!q) return units
  const words = q.split(" ")
  const scored: { unit: T; rank: number; index: number }[] = []
  units.forEach((unit, index) => {
    const name = fold(unit.name)
    if (!words.every((w) => name.includes(w))) return
    const at = ` ${name}`.indexOf(` ${q}`)
    // The typed words as a whole at a word start ("ba dinh" in "phuong ba dinh") rank first.
    const rank = at >= 0 ? 0 : name.includes(q) ? 1 : 2
    scored.push({ unit, rank, index })
  })
  return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((s) => s.unit)
}
