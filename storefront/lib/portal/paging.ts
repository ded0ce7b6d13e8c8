/** Rows a portal list shows a page. */
export const PAGE_SIZE = 20

/** The page number from `?page=`: a whole number from 1 to 10,000, else 1. */
export function pageNumber(raw: string | undefined): number {
  const page = Number(raw)
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1
}
