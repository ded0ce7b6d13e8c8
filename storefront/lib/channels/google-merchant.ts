import type { FeedItem } from "./feed-items"
import { SHIPPING_SERVICE } from "./shipping"
import { element, escapeXml } from "./xml"

// Google Merchant Center's product feed: RSS 2.0 with the `g:` namespace
// (https://support.google.com/merchants/answer/7052112, product data specification).
// Prices are whole dong with the ISO code ("185000 VND"); the seller is the brand; a product
// without a GTIN says so with identifier_exists=no, as Google asks of products that have none.

export const GOOGLE_NS = "http://base.google.com/ns/1.0"

export type FeedChannel = { title: string; link: string; description: string }

const money = (amount: number) => `${amount} VND`

function shipping(item: FeedItem): string {
  const amount = item.shippingVnd
  if (amount === null) return ""
  return `<g:shipping>${element("g:country", "VN")}${element("g:service", SHIPPING_SERVICE.vi)}${element("g:price", money(amount))}</g:shipping>`
}

function item(entry: FeedItem): string {
  const lines = [
    element("g:id", entry.id),
    element("g:item_group_id", entry.groupId),
    element("g:title", entry.title.slice(0, 150)),
    element("g:description", entry.description.slice(0, 5000)),
    element("g:link", entry.link),
    element("g:image_link", entry.imageLink),
    ...entry.additionalImageLinks.map((url) => element("g:additional_image_link", url)),
    element("g:availability", entry.inStock ? "in_stock" : "out_of_stock"),
    element("g:price", money(entry.price)),
    element("g:condition", "new"),
    element("g:brand", entry.brand),
    entry.gtin ? element("g:gtin", entry.gtin) : element("g:identifier_exists", "no"),
    shipping(entry),
  ]
  return `<item>\n${lines.filter(Boolean).join("\n")}\n</item>`
}

export function googleMerchantFeed(channel: FeedChannel, items: FeedItem[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:g="${GOOGLE_NS}">`,
    "<channel>",
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.link)}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    ...items.map(item),
    "</channel>",
    "</rss>",
    "",
  ].join("\n")
}
