import { fold, stripMarks } from "@coop/contracts/text"

/**
 * Vietnamese text folded for search, so an officer typing without diacritics finds "Lò Văn Sinh"
 * with "lo van sinh": lower case, tone and vowel marks removed, đ as d, runs of white space as
 * one space. `FOLD_FROM`/`FOLD_TO` give PostgreSQL's translate() the same mapping for every
 * precomposed Vietnamese letter, so the database folds stored names exactly as this folds a query.
 */

const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
const BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

const letters = [...BASES.flatMap((b) => TONES.map((t) => (b + t).normalize("NFC"))), "đ"]
  .flatMap((l) => [l, l.toUpperCase()])
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, kept as it is
  .filter((l) => !/^[\x00-\x7f]$/.test(l))

/** Every precomposed Vietnamese letter, upper and lower case, for translate()'s "from". */
export const FOLD_FROM = letters.join("")
/** Each letter of FOLD_FROM without its marks, case kept (lower() follows in SQL). */
export const FOLD_TO = letters.map(stripMarks).join("")

/**
 * The SQL that folds a text column as `fold` (@coop/contracts/text) folds a query; its two bindings are FOLD_FROM
 * and FOLD_TO. NFC first, so a name stored decomposed folds like a composed one.
 */
export const foldSql = (column: string) => `lower(translate(normalize(${column}, NFC), ?, ?))`

/** A folded query's words as LIKE patterns (wildcards in what was typed match only themselves). */
export function searchWords(query: string, max = 8): string[] {
  return fold(query)
    .split(" ")
    .filter(Boolean)
    .slice(0, max)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
}
