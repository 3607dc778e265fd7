/**
 * HTML as strings, for the part of a report page with hundreds of elements (the statutory tables,
 * src/lib/table-html.ts): one string is far cheaper to render than hundreds of template elements, which matters at
 * tens of thousands of pages. Report text is untrusted and is only ever inserted escaped, by html-escaper (& < > ' "
 * in text and in double-quoted attribute values alike).
 */
import { escape } from 'html-escaper';

/** HTML-escapes text (& < > ' "). */
export function escapeHtml(value: string): string {
  return escape(value);
}

/** Escapes a double-quoted attribute value (the same five characters). */
export function escapeAttribute(value: string): string {
  return escape(value);
}

/** ` name="value"`; nothing for null or undefined, ` name` for an empty string. */
export function attr(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
}
