import type { FeedItem } from "./feed-items"

// Meta's catalog data feed as CSV (Commerce Manager, "Data feed"): the required columns
// id, title, description, availability, condition, price, link, image_link, brand, then
// item_group_id and gtin when known. Fields are quoted per RFC 4180.

export const META_COLUMNS = [
  "id",
  "title",
  "description",
  "availability",
  "condition",
  "price",
  "link",
  "image_link",
  "brand",
  "item_group_id",
  "gtin",
] as const

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function row(item: FeedItem): Record<(typeof META_COLUMNS)[number], string | number | null> {
  return {
    id: item.id,
    title: item.title.slice(0, 200),
    description: item.description.slice(0, 9999),
    availability: item.inStock ? "in stock" : "out of stock",
    condition: "new",
    price: `${item.price} VND`,
    link: item.link,
    image_link: item.imageLink,
    brand: item.brand,
    item_group_id: item.groupId,
    gtin: item.gtin,
  }
}

export function metaCatalogCsv(items: FeedItem[]): string {
  const lines = [
    META_COLUMNS.join(","),
    ...items.map((item) => {
      const values = row(item)
      return META_COLUMNS.map((column) => csvField(values[column])).join(",")
    }),
  ]
  return `${lines.join("\r\n")}\r\n`
}
