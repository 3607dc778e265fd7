// pdf-parse's text of a PDF (getText), printed to stdout: run in a process of its own, as its pdf.js may not be the
// one our PDF reader (unpdf) loads, and two pdf.js versions in one process share one worker
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

const parser = new PDFParse({ data: readFileSync(process.argv[2]) });
try {
  process.stdout.write((await parser.getText()).text);
} finally {
  await parser.destroy();
}
