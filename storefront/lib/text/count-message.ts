/**
 * Fills `{count}` in a message read raw (`t.raw`) for a client component, where next-intl's own
 * formatter is not loaded: `{count}` and `{count, number}` become the number in the page's
 * grouping ("3.321" / "3,321"), and `{count, plural, one {…} other {…}}` (with `=N` forms and `#`)
 * picks the form the language's plural rules name.
 */
export function countMessage(message: string, count: number, locale: string): string {
  const number = new Intl.NumberFormat(locale).format(count)
  const plural = /\{count, plural,((?:[^{}]|\{[^{}]*\})*)\}/.exec(message)
  let text = message
  if (plural) {
    const forms = new Map(
      [...(plural[1] ?? "").matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)].map(
        (m) => [m[1] ?? "", m[2] ?? ""],
      ),
    )
    const key = forms.has(`=${count}`) ? `=${count}` : new Intl.PluralRules(locale).select(count)
    const chosen = forms.get(key) ?? forms.get("other") ?? ""
    text = text.replace(plural[0], chosen.replaceAll("#", number))
  }
  return text.replace(/\{count(?:, number)?\}/g, number)
}
