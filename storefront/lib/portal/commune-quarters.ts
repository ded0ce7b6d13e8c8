import { isQuarter, quarterOf } from "@coop/contracts/quarters"

/** The quarter asked for in a URL: a well-formed one not after the current one, else the current. */
export function chosenQuarter(asked: unknown, now = new Date()): string {
  const current = quarterOf(now)
  return isQuarter(asked) && asked <= current ? asked : current
}
