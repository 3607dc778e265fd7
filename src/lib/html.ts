/**
 * HTML as strings, for the part of a report page with hundreds of elements (the statutory tables,
 * src/lib/table-html.ts): one string is far cheaper to render than hundreds of template elements, which matters at
 * tens of thousands of pages. Escaping follows Astro's own rules exactly, so the output is byte for byte what the
 * templates produced; report text is untrusted and is only ever inserted escaped.
 */
const ESCAPABLE = /[&<>'"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** HTML-escapes text (& < > ' "), as Astro does for text content. */
export function escapeHtml(value: string): string {
  ESCAPABLE.lastIndex = 0;
  return ESCAPABLE.test(value) ? value.replace(ESCAPABLE, (ch) => ENTITY[ch] ?? ch) : value;
}

/** Escapes a double-quoted attribute value (& and "), as Astro does. */
export function escapeAttribute(value: string): string {
  return value.includes('&') || value.includes('"') ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value;
}

/** ` name="value"`; nothing for null or undefined, ` name` for an empty string (Astro's rules). */
export function attr(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
}
