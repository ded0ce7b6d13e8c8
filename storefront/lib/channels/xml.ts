// Text for XML 1.0 element content and attribute values: the five special characters escaped,
// and the control characters XML 1.0 forbids (a pasted description can carry them) dropped.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
}

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** `<name>text</name>`, escaped; nothing for an empty or missing value. */
export function element(name: string, text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === "") return ""
  return `<${name}>${escapeXml(String(text))}</${name}>`
}
