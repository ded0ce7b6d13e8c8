import type { CategoryHandle } from "./data"

/** Colours and a simple drawing per category: demo images are generated, never downloaded. */
const STYLE: Record<CategoryHandle, { background: string; accent: string; shape: string }> = {
  gao: {
    background: "#f4ecd6",
    accent: "#b8860b",
    // A sheaf of rice: three stems with grains.
    shape:
      '<g stroke="#8a6d1d" stroke-width="6" fill="none"><path d="M200 330 C190 250 170 200 130 150"/><path d="M200 330 C200 240 200 190 200 120"/><path d="M200 330 C210 250 230 200 270 150"/></g><g fill="#d4a017"><ellipse cx="130" cy="150" rx="14" ry="24"/><ellipse cx="150" cy="180" rx="12" ry="20"/><ellipse cx="200" cy="118" rx="14" ry="24"/><ellipse cx="200" cy="160" rx="12" ry="20"/><ellipse cx="270" cy="150" rx="14" ry="24"/><ellipse cx="250" cy="180" rx="12" ry="20"/></g>',
  },
  "rau-cu-qua": {
    background: "#e3f1de",
    accent: "#2e7d32",
    // A leaf and a round fruit.
    shape:
      '<path d="M120 300 C110 200 190 130 290 130 C290 230 220 300 120 300 Z" fill="#43a047"/><path d="M120 300 L250 170" stroke="#1b5e20" stroke-width="6"/><circle cx="280" cy="270" r="50" fill="#f9a825"/>',
  },
  "san-pham-chan-nuoi": {
    background: "#fbe3dc",
    accent: "#a1452f",
    // An egg and a cut of meat.
    shape:
      '<ellipse cx="150" cy="230" rx="60" ry="80" fill="#fff8e7" stroke="#c9a77c" stroke-width="4"/><path d="M220 180 C300 150 340 220 310 280 C280 330 220 320 210 270 C200 230 200 200 220 180 Z" fill="#c0504d"/><path d="M235 215 C270 200 300 230 290 260" stroke="#f3d2c1" stroke-width="10" fill="none"/>',
  },
  "dac-san-che-bien": {
    background: "#e8e2f4",
    accent: "#5e4b8b",
    // A jar with a lid.
    shape:
      '<rect x="130" y="150" width="140" height="170" rx="24" fill="#c9a227"/><rect x="120" y="120" width="160" height="40" rx="10" fill="#5e4b8b"/><rect x="150" y="200" width="100" height="70" rx="8" fill="#fff8e7"/>',
  },
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A 400×400 SVG picture of a product: its category's drawing and its name. */
export function productImageSvg(title: string, category: CategoryHandle): string {
  const style = STYLE[category]
  const name = title.replace(/\s*\(.*\)\s*$/, "")
  const pack = /\((.*)\)/.exec(title)?.[1] ?? ""
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">',
    `<rect width="400" height="400" fill="${style.background}"/>`,
    style.shape,
    `<rect x="0" y="340" width="400" height="60" fill="${style.accent}"/>`,
    `<text x="200" y="368" font-family="sans-serif" font-size="22" font-weight="700" fill="#fff" text-anchor="middle">${escapeXml(name)}</text>`,
    `<text x="200" y="391" font-family="sans-serif" font-size="15" fill="#fff" text-anchor="middle">${escapeXml(pack)}</text>`,
    "</svg>",
  ].join("")
}
