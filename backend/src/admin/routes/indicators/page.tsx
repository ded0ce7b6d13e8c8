import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar, LockClosedSolidMini } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { IndicatorCard } from "../../components/indicators-card"
import { CommunePicker } from "../../components/indicators-commune-picker"
import { ReopenQuarterDrawer } from "../../components/indicators-reopen-drawer"
import { pick } from "../../lib/i18n"
import { quarterLabel, useCommuneIndicators, useIndicatorCommunes } from "../../lib/indicators"

const TEXT = {
  title: { vi: "Chỉ tiêu kinh tế số", en: "Digital-economy indicators" },
  subtitle: {
    vi: "Chỉ tiêu của từng xã theo quý: giá trị quý hiện tại và 8 quý gần nhất.",
    en: "Each commune's indicators by quarter: the current quarter and the last eight.",
  },
  communes: { vi: "Xã", en: "Communes" },
  pickCommune: { vi: "Chọn một xã để xem chỉ tiêu", en: "Pick a commune to see its indicators" },
  loading: { vi: "Đang tải…", en: "Loading…" },
  quarters: { vi: "Các quý", en: "Quarters" },
  current: { vi: "Quý hiện tại", en: "Current quarter" },
  closed: { vi: "Đã chốt", en: "Closed" },
  open: { vi: "Chưa chốt", en: "Not closed" },
  reopen: { vi: "Mở lại", en: "Reopen" },
  legend: {
    vi: "Cột đậm có khoá: quý đã chốt. Cột nhạt: quý hiện tại, hoặc quý đã qua chưa chốt (số liệu tại thời điểm cuối quý).",
    en: "Dark bars with a lock: closed quarters. Light bars: the current quarter, or past quarters nobody closed (figures as they stood at the quarter's end).",
  },
}

const STORAGE_KEY = "coop-indicators-commune"

const IndicatorsPage = () => {
  const communes = useIndicatorCommunes()
  const [selected, setSelected] = useState<string | null>(
    () => globalThis.localStorage?.getItem(STORAGE_KEY) ?? null,
  )
  const [reopening, setReopening] = useState<string | null>(null)
  const list = communes.data?.communes

  // The first commune by default, or when the remembered one has gone from the list.
  useEffect(() => {
    if (list?.length && !list.some((c) => c.code === selected)) setSelected(list[0].code)
  }, [list, selected])

  const choose = (code: string) => {
    setSelected(code)
    globalThis.localStorage?.setItem(STORAGE_KEY, code)
  }

  const history = useCommuneIndicators(selected)
  const data = history.data
  const current = data?.quarters[data.quarters.length - 1]

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h1">{pick(TEXT.title)}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {pick(TEXT.subtitle)}
          </Text>
        </div>
        <div className="flex flex-col gap-6 px-6 py-4 lg:flex-row">
          <nav aria-label={pick(TEXT.communes)} className="w-full shrink-0 lg:w-72">
            {communes.error ? (
              <Text size="small" className="text-ui-fg-error">
                {communes.error.message}
              </Text>
            ) : communes.isLoading ? (
              <Text size="small" className="text-ui-fg-subtle">
                {pick(TEXT.loading)}
              </Text>
            ) : (
              <CommunePicker communes={list ?? []} selected={selected} onSelect={choose} />
            )}
          </nav>
          <div className="flex min-w-0 flex-1 flex-col gap-y-4" aria-live="polite">
            {!selected && (
              <Text size="small" className="text-ui-fg-subtle">
                {pick(TEXT.pickCommune)}
              </Text>
            )}
            {selected && history.isLoading && (
              <Text size="small" className="text-ui-fg-subtle">
                {pick(TEXT.loading)}
              </Text>
            )}
            {history.error && (
              <Text size="small" className="text-ui-fg-error">
                {history.error.message}
              </Text>
            )}
            {data && current && (
              <>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <div className="flex flex-col">
                    <Heading level="h2">{data.commune.name}</Heading>
                    <Text size="small" className="text-ui-fg-subtle">
                      {data.commune.province_name} · {data.commune.code}
                    </Text>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <Text size="small">
                      {pick(TEXT.current)}: {quarterLabel(current.quarter)}
                    </Text>
                    <StatusBadge color={current.closed ? "blue" : "orange"}>
                      {pick(current.closed ? TEXT.closed : TEXT.open)}
                    </StatusBadge>
                  </div>
                </div>
                <div className="flex flex-col gap-y-2">
                  <Text size="small" weight="plus">
                    {pick(TEXT.quarters)}
                  </Text>
                  <ul className="flex flex-wrap gap-2">
                    {[...data.quarters].reverse().map((q) => (
                      <li
                        key={q.quarter}
                        className="flex items-center gap-x-2 rounded-md border px-2 py-1"
                      >
                        {q.closed && (
                          <LockClosedSolidMini className="text-ui-fg-subtle" aria-hidden="true" />
                        )}
                        <Text size="small" weight="plus">
                          {quarterLabel(q.quarter)}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {pick(q.closed ? TEXT.closed : TEXT.open)}
                        </Text>
                        {q.closed && (
                          <Button
                            size="small"
                            variant="transparent"
                            aria-label={`${pick(TEXT.reopen)} ${quarterLabel(q.quarter)}`}
                            onClick={() => setReopening(q.quarter)}
                          >
                            {pick(TEXT.reopen)}
                          </Button>
                        )}
                      </li>
                    ))}
                  </ul>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {pick(TEXT.legend)}
                  </Text>
                </div>
                <div className="grid grid-cols-1 gap-4 md:grid-cols-2 2xl:grid-cols-3">
                  {Object.entries(data.indicators).map(([code, meta]) => (
                    <IndicatorCard key={code} code={code} meta={meta} quarters={data.quarters} />
                  ))}
                </div>
              </>
            )}
          </div>
        </div>
      </Container>
      <ReopenQuarterDrawer
        commune={data ? { code: data.commune.code, name: data.commune.name } : null}
        quarter={reopening}
        onClose={() => setReopening(null)}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "coop.menu.indicators",
  translationNs: "translation",
  icon: ChartBar,
})

export default IndicatorsPage
