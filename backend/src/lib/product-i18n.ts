/**
 * A product's English texts, entered by its seller, kept in the product's metadata as
 * `metadata.i18n.en.{title,description}`. Medusa 2.21's Translation module would be the natural
 * home, but it is behind a feature flag (MEDUSA_FF_TRANSLATION, off by default) and its texts are
 * not searched by the store's `q`; docs/i18n.md says more. Vietnamese stays in Medusa's own
 * `title` and `description`.
 */

export interface EnglishTexts {
  title: string | null
  description: string | null
}

type Metadata = Record<string, unknown> | null | undefined

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null)

/** The English texts in a product's metadata; nulls where the seller entered none. */
export function englishTexts(metadata: Metadata): EnglishTexts {
  const i18n = metadata?.i18n as { en?: Record<string, unknown> } | undefined
  return { title: text(i18n?.en?.title), description: text(i18n?.en?.description) }
}

/**
 * The metadata with `change` applied to its English texts: a given field replaces the stored one,
 * an empty one removes it, a missing one keeps it. Every other metadata key is kept.
 */
export function withEnglishTexts(
  metadata: Metadata,
  change: { title?: string; description?: string },
): Record<string, unknown> {
  const current = englishTexts(metadata)
  const next = {
    title: change.title === undefined ? current.title : text(change.title),
    description: change.description === undefined ? current.description : text(change.description),
  }
  const en = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== null))
  const { i18n, ...rest } = metadata ?? {}
  const others = { ...((i18n as Record<string, unknown> | undefined) ?? {}) }
  delete others.en
  // `i18n` stays (maybe empty) so a shallow metadata merge replaces, rather than keeps, the old one.
  return { ...rest, i18n: Object.keys(en).length ? { ...others, en } : others }
}
