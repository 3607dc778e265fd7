/** The parts of three untyped npm packages the rendering matrix calls (they ship no type declarations). */
declare module 'html-to-text' {
  /** The text of an HTML document, as html-to-text's defaults print it. */
  export function convert(html: string, options?: Record<string, unknown>): string;
}
declare module 'turndown' {
  /** HTML to markdown with turndown's defaults (no table syntax without a plugin). */
  export default class TurndownService {
    turndown(html: string): string;
  }
}
declare module 'word-extractor' {
  /** A Word .doc reader: its body text, a table's cells tab-separated. */
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<{ getBody(): string }>;
  }
}
