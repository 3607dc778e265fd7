/**
 * DOCX → the same text lines as HTML: mammoth turns the Word document into HTML (paragraphs, tables with their
 * merged cells as colspan/rowspan), and the HTML grid reader (html.ts) reads it, so a table's blank cells keep
 * their places as they do in a saved web page. Node-only layer, like the rest of src/decode.
 */
import mammoth from 'mammoth';
import { htmlToText } from './html.ts';

/** The text of a .docx file (throws when the bytes are not a Word document). */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlToText(value);
}
