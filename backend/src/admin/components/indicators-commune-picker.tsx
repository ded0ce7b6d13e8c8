import { fold } from "@coop/contracts/text"
import { clx, Input, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { pick } from "../lib/i18n"
import type { IndicatorCommune } from "../lib/indicators"

const TEXT = {
  search: { vi: "Tìm xã, tỉnh hoặc mã…", en: "Search commune, province or code…" },
  sellers: { vi: "người bán", en: "sellers" },
  none: { vi: "Không có xã nào khớp", en: "No commune matches" },
  empty: {
    vi: "Chưa có xã nào có người bán hoặc số liệu",
    en: "No commune has sellers or counts yet",
  },
  unknownProvince: { vi: "Tỉnh chưa rõ", en: "Unknown province" },
}

/** A searchable list of communes grouped by province (already sorted by the API). */
export function CommunePicker({
  communes,
  selected,
  onSelect,
}: {
  communes: IndicatorCommune[]
  selected: string | null
  onSelect: (code: string) => void
}) {
  const [search, setSearch] = useState("")
  const groups = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean)
    const out: { province: string; communes: IndicatorCommune[] }[] = []
    for (const c of communes) {
      const province = c.province?.name ?? pick(TEXT.unknownProvince)
      const haystack = fold(`${c.name ?? ""} ${province} ${c.code}`)
      if (!words.every((w) => haystack.includes(w))) continue
      const last = out[out.length - 1]
      if (last?.province === province) last.communes.push(c)
      else out.push({ province, communes: [c] })
    }
    return out
  }, [communes, search])

  return (
    <div className="flex flex-col gap-y-2">
      <Input
        type="search"
        size="small"
        placeholder={pick(TEXT.search)}
        aria-label={pick(TEXT.search)}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div className="max-h-[60vh] overflow-y-auto rounded-md border">
        {!communes.length && (
          <Text size="small" className="px-3 py-2 text-ui-fg-subtle">
            {pick(TEXT.empty)}
          </Text>
        )}
        {!!communes.length && !groups.length && (
          <Text size="small" className="px-3 py-2 text-ui-fg-subtle">
            {pick(TEXT.none)}
          </Text>
        )}
        {groups.map((group) => (
          <div key={group.province}>
            <Text
              size="xsmall"
              weight="plus"
              className="bg-ui-bg-subtle sticky top-0 px-3 py-1 text-ui-fg-subtle"
            >
              {group.province}
            </Text>
            <ul>
              {group.communes.map((c) => (
                <li key={c.code}>
                  <button
                    type="button"
                    aria-pressed={c.code === selected}
                    onClick={() => onSelect(c.code)}
                    className={clx(
                      "flex w-full items-center justify-between gap-x-2 px-3 py-1.5 text-left",
                      "hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus outline-none",
                      c.code === selected && "bg-ui-bg-highlight",
                    )}
                  >
                    <span className="flex flex-col">
                      <Text size="small" weight={c.code === selected ? "plus" : "regular"}>
                        {c.name ?? c.code}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {c.code}
                      </Text>
                    </span>
                    <Text size="xsmall" className="shrink-0 text-ui-fg-subtle">
                      {c.sellers} {pick(TEXT.sellers)}
                    </Text>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  )
}
