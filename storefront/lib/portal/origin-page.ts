import type { getTranslations } from "next-intl/server"
import type { FieldText } from "@/components/portal/origin-field"
import type { FieldSpec } from "./origin-forms"

// Small helpers the origin pages share: field texts for the client forms, and the short
// status a page shows after an action redirected to it.

type OriginT = Awaited<ReturnType<typeof getTranslations<"Portal.origin">>>

/** Label, hint and option labels of each field, from `{prefix}.{name}.label|hint`. */
export function fieldTexts(
  t: OriginT,
  prefix: "fields" | "eventFields",
  specs: readonly FieldSpec[],
): Record<string, FieldText> {
  const out: Record<string, FieldText> = {}
  for (const spec of specs) {
    const key = `${prefix}.${spec.name}`
    const has = (k: string) => t.has(`${key}.${k}` as never)
    out[spec.name] = {
      label: t(`${key}.label` as never),
      hint: has("hint") ? t(`${key}.hint` as never) : undefined,
      choose: t("choose"),
      options: spec.options
        ? Object.fromEntries(
            spec.options.map((o) => [
              o,
              has(`options.${o}`) ? t(`${key}.options.${o}` as never) : o,
            ]),
          )
        : undefined,
    }
  }
  return out
}

export const STATUSES = [
  "created",
  "event_added",
  "sealed",
  "seal_failed",
  "recalled",
  "issued",
  "voided",
  "file_failed",
] as const
export type OriginStatus = (typeof STATUSES)[number]

export function originStatus(value: unknown): OriginStatus | null {
  return STATUSES.find((s) => s === value) ?? null
}

/** A query parameter as one string. */
export function param(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? ""
}
