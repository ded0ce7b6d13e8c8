import type { CountedItem } from "@coop/contracts/indicators"
import {
  isAfter,
  previousQuarter,
  QUARTER_PATTERN,
  quarterOf,
  quarterRange,
} from "@coop/contracts/quarters"
import type { MedusaContainer } from "@medusajs/framework/types"
import { INDICATORS_MODULE } from "../../modules/indicators"
import type IndicatorsModuleService from "../../modules/indicators/service"
import { invalid } from "../errors"
import { INDICATOR_CODES, INDICATORS, type IndicatorCode, NOW } from "./codes"
import { describeSubjects } from "./counted-details"
import { type IndicatorValues, valuesFromCounts } from "./report"

/** The quarter asked for, checked: well formed and not in the future; the current one by default. */
export function parseQuarterParam(value: unknown): string {
  const current = quarterOf(new Date())
  if (value === undefined || value === "") return current
  if (typeof value !== "string" || !QUARTER_PATTERN.test(value)) {
    throw invalid("quarter", {
      vi: `"quarter" phải có dạng 2026-Q3, nhận được "${String(value)}"`,
      en: `"quarter" must look like 2026-Q3, got "${String(value)}"`,
    })
  }
  if (isAfter(value, current)) {
    throw invalid("quarter", {
      vi: `Quý ${value} chưa đến (quý hiện tại là ${current})`,
      en: `Quarter ${value} is in the future (the current quarter is ${current})`,
    })
  }
  return value
}

/**
 * The moment a past quarter's figures are read at: its end (the next quarter's first moment, in
 * Vietnam time); facts that held just before it count. Null for the current quarter, which is
 * read as it is now.
 */
export function quarterEndOf(quarter: string, now = new Date()): Date | null {
  if (quarter === quarterOf(now)) return null
  return quarterRange(quarter)!.end
}

/** A type, not an interface: a snapshot stores it as it is in a JSON column (Record<string, unknown>). */
export type SnapshotBody = {
  values: IndicatorValues
  counted: Record<string, CountedItem[]>
}

type Snapshot = Awaited<ReturnType<IndicatorsModuleService["listQuarterSnapshots"]>>[number]

/** What a closed quarter's snapshot holds: the body its closing wrote. */
const bodyOf = (snapshot: Snapshot) => snapshot.indicators as SnapshotBody

/** The commune's closed (and not reopened) snapshot of a quarter, if any. */
export async function closedSnapshot(
  container: MedusaContainer,
  communeCode: string,
  quarter: string,
): Promise<Snapshot | null> {
  const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  const [snapshot] = await indicators.listQuarterSnapshots(
    { commune_code: communeCode, quarter, reopened_at: null },
    { order: { closed_at: "DESC" }, take: 1 },
  )
  return snapshot ?? null
}

/**
 * A commune's or a province's indicators for a quarter: a closed commune quarter from its frozen
 * snapshot; the current quarter from the running counts (state indicators as they are now); a
 * past quarter as it stood at its last moment (state indicators as they were then, orders as
 * they stood then).
 */
export async function readIndicators(
  container: MedusaContainer,
  area: { commune_code: string } | { province_code: string },
  quarter: string,
) {
  const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  if ("commune_code" in area) {
    const snapshot = await closedSnapshot(container, area.commune_code, quarter)
    if (snapshot) {
      return {
        values: bodyOf(snapshot).values,
        closed: { closed_at: snapshot.closed_at, closed_by: snapshot.closed_by },
      }
    }
  }
  const where =
    "commune_code" in area
      ? { commune_codes: [area.commune_code] }
      : { province_codes: [area.province_code] }
  const end = quarterEndOf(quarter)
  const rows = end
    ? await indicators.readCountsAsOf({ ...where, periods: [NOW, quarter], at: end })
    : await indicators.readCounts({ ...where, periods: [NOW, quarter] })
  return { values: valuesFromCounts(rows, quarter), closed: null }
}

/** This quarter and the one before, as every indicators answer shows them. */
export async function readWithPrevious(
  container: MedusaContainer,
  area: { commune_code: string } | { province_code: string },
  quarter: string,
) {
  const previous = previousQuarter(quarter)
  const [now, before] = await Promise.all([
    readIndicators(container, area, quarter),
    readIndicators(container, area, previous),
  ])
  return {
    quarter,
    closed: now.closed,
    indicators: now.values,
    previous_quarter: previous,
    previous: before.values,
  }
}

export type { CountedItem }

/** The facts' items, named: one describeSubjects call whatever the number of facts. */
async function namedItems(
  container: MedusaContainer,
  facts: Awaited<ReturnType<IndicatorsModuleService["readFacts"]>>,
): Promise<(CountedItem & { code: string })[]> {
  const details = await describeSubjects(container, facts)
  return facts.map((f) => {
    const d = details.get(f.subject_id)
    return {
      code: f.code,
      subject_type: f.subject_type,
      subject_id: f.subject_id,
      label: d?.label ?? null,
      numerator: Number(f.numerator),
      denominator: Number(f.denominator),
      counted: Number(f.numerator) > 0,
      seller: d?.seller ?? null,
      order: d?.order ?? null,
    }
  })
}

/** A commune's facts for some indicators as the quarter reads them (as of its end when past). */
async function readQuarterFacts(
  container: MedusaContainer,
  communeCode: string,
  codes: IndicatorCode[],
  quarter: string,
) {
  const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  const end = quarterEndOf(quarter)
  const byPeriod = [
    { period: NOW, codes: codes.filter((c) => INDICATORS[c].kind === "state") },
    { period: quarter, codes: codes.filter((c) => INDICATORS[c].kind !== "state") },
  ].filter((p) => p.codes.length)
  const pages = await Promise.all(
    byPeriod.map(({ period, codes }) => {
      const filter = { commune_code: communeCode, period, codes }
      return end ? indicators.readFactsAsOf({ ...filter, at: end }) : indicators.readFacts(filter)
    }),
  )
  return pages.flat()
}

/**
 * What an indicator counted in a commune and quarter, with names: registry entries, sellers,
 * listings, order parts or sellers' stamps and scans. A few queries whatever the number.
 */
export async function countedItems(
  container: MedusaContainer,
  communeCode: string,
  code: IndicatorCode,
  quarter: string,
): Promise<CountedItem[]> {
  const snapshot = await closedSnapshot(container, communeCode, quarter)
  if (snapshot) return bodyOf(snapshot).counted[code] ?? []
  const facts = await readQuarterFacts(container, communeCode, [code], quarter)
  return (await namedItems(container, facts)).map(({ code: _, ...item }) => item)
}

/**
 * Every indicator's counted items in a commune and quarter, as `countedItems` gives each (a
 * closed quarter from its snapshot), in a few queries: for a snapshot, and for the report export.
 */
export async function allCountedItems(
  container: MedusaContainer,
  communeCode: string,
  quarter: string,
): Promise<Record<IndicatorCode, CountedItem[]>> {
  const snapshot = await closedSnapshot(container, communeCode, quarter)
  const lists = {} as Record<IndicatorCode, CountedItem[]>
  if (snapshot) {
    const counted = bodyOf(snapshot).counted
    for (const code of INDICATOR_CODES) lists[code] = counted[code] ?? []
    return lists
  }
  for (const code of INDICATOR_CODES) lists[code] = []
  const facts = await readQuarterFacts(container, communeCode, INDICATOR_CODES, quarter)
  for (const { code, ...item } of await namedItems(container, facts)) {
    lists[code as IndicatorCode]?.push(item)
  }
  return lists
}

/**
 * A commune's indicators quarter by quarter, for charts: each closed quarter from its snapshot,
 * the current one as it is now, and other past quarters as they stood at their last moment.
 */
export async function readHistory(
  container: MedusaContainer,
  communeCode: string,
  quarters: string[],
) {
  const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  const snapshots = await indicators.listQuarterSnapshots({
    commune_code: communeCode,
    quarter: quarters,
    reopened_at: null,
  })
  return Promise.all(
    quarters.map(async (quarter) => {
      const snapshot = snapshots.find((s) => s.quarter === quarter)
      if (snapshot) {
        return {
          quarter,
          closed: true,
          indicators: bodyOf(snapshot).values,
        }
      }
      const { values } = await readIndicators(container, { commune_code: communeCode }, quarter)
      return { quarter, closed: false, indicators: values }
    }),
  )
}
