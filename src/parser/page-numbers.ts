/**
 * Page numbers a PDF prints in its footers (or headers), as text renderings keep them: pdftotext ends each page
 * with a form feed, and a footer's `3`, `第 3 页 共 5 页`, `3/5`, `Page 3 of 5` or `- 3 -` is the last line before it. In a table
 * that runs over a page such a line stands between two rows' cells and would read as a cell. Pure: no fs, no clock.
 */

/** A page number between dashes (`- 3 -`, `— 3 —`), on a line trimmed of its form feed and spaces. */
const DASH_FORM = /^[-—–－]\s*(\d{1,3})\s*[-—–－]$/;

/** A line without its form feeds and surrounding space. */
const trimmed = (line: string): string => line.replace(/\f/g, '').trim();

/** What a line says when it is nothing but a page number: the number, and whether its form says so itself. */
export function pageNumberOf(line: string): { n: number; marked: boolean } | null {
  const t = trimmed(line);
  if (!t || t.length > 16) return null;
  let m = /^第\s*(\d{1,3})\s*页(?:\s*[，,、/]?\s*共\s*\d{1,3}\s*页)?$/.exec(t) ?? /^共\s*\d{1,3}\s*页\s*[，,、]?\s*第\s*(\d{1,3})\s*页$/.exec(t);
  if (m) return { n: Number(m[1]), marked: true };
  m = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) return { n: Number(m[1]), marked: true };
  // (a word processor's footer in English, `Page 3`, `Page 3 of 5`: and a PDF extractor's page marker, `Page 6`)
  m = /^page\s*(\d{1,3})(?:\s*(?:of|\/)\s*(\d{1,3}))?$/i.exec(t);
  if (m && (m[2] === undefined || Number(m[1]) <= Number(m[2]))) return { n: Number(m[1]), marked: true };
  m = DASH_FORM.exec(t);
  if (m) return { n: Number(m[1]), marked: true };
  m = /^(\d{1,3})$/.exec(t);
  return m ? { n: Number(m[1]), marked: false } : null;
}

/**
 * Of each page's lines, the index of its first and last non-empty line when it is a page number, as the pages
 * show them: a marked form (第 3 页, 3/5, - 3 -) always; a bare number only when at least two pages end (or start)
 * with one and every such number is its page's index plus one common offset (1, 2, 3 on pages 1, 2, 3; a cover
 * page shifts them alike) — a table's last cell at a page's end is no such run. On the other pages of such a
 * document, the page's own number on a line of its own (reading order can put the footer between two blocks of a
 * table) is taken too, when it is the only line of its page that says it.
 */
export function pageNumberLines(pages: ReadonlyArray<readonly string[]>): Array<Set<number>> {
  const out = pages.map(() => new Set<number>());
  /** Page number minus page index, as the bare numbers at the pages' edges show it. */
  const offsets: number[] = [];
  for (const edge of ['last', 'first'] as const) {
    const bare: Array<{ page: number; line: number; n: number }> = [];
    pages.forEach((lines, p) => {
      let i = edge === 'last' ? lines.length - 1 : 0;
      while (i >= 0 && i < lines.length && !trimmed(lines[i]!)) i += edge === 'last' ? -1 : 1;
      if (i < 0 || i >= lines.length) return;
      const pn = pageNumberOf(lines[i]!);
      if (!pn) return;
      if (pn.marked) out[p]!.add(i);
      else if (pn.n > 0) bare.push({ page: p, line: i, n: pn.n }); // (no page is numbered 0: a page ending `0` ends with a cell)
    });
    // the offset most pages agree on, by at least two and more than half of them: a page whose last line is a cell
    // of another number (a table running to the page's end) is not its footer, and does not hide the others'
    const votes = new Map<number, number>();
    for (const b of bare) votes.set(b.n - b.page, (votes.get(b.n - b.page) ?? 0) + 1);
    const [offset, agree] = [...votes].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
    if (agree * 2 <= bare.length || Math.abs(offset) > 3) continue;
    // (one page ending with its number, apart from any value, counts with another whose number reading order moved
    // off its end and that shows it once, apart from any value: two pages agree)
    const one = edge === 'last' && agree === 1 ? bare.find((b) => b.n - b.page === offset && apart(pages[b.page]!, b.line)) : undefined;
    const moved = one
      ? pages.flatMap((lines, p) => (p !== one.page && p + offset > 0 ? [{ p, line: ownLine(lines, p + offset, true) }] : [])).filter((m) => m.line >= 0)
      : [];
    if (agree < 2 && !moved.length) continue;
    for (const b of bare) if (b.n - b.page === offset) out[b.page]!.add(b.line);
    offsets.push(offset);
    if (agree < 2) {
      // (on so little evidence, only those pages' lines, each apart from any value)
      for (const m of moved) out[m.p]!.add(m.line);
      continue;
    }
    if (edge === 'first') continue;
    // a page of the same document whose footer reading order moved off its end (between two blocks of a table
    // running over the page): the one line of the page that is its number alone
    pages.forEach((lines, p) => {
      if (out[p]!.size) return;
      const line = ownLine(lines, p + offset, false);
      if (line >= 0) out[p]!.add(line);
    });
  }
  // `- 3 -` in a page's body, where reading order moved a footer: its page's number (by the bare numbers' offset, or
  // pages counted from 1), the only line of the page that is. A dash form of another number is a row of cells
  // (`— 1 —`: three cells of a table that prints — for an empty cell, pdftotext's reading order one line of them).
  const offset = offsets[0] ?? 1;
  pages.forEach((lines, p) => {
    if (out[p]!.size) return;
    const own = lines.flatMap((l, i) => (DASH_FORM.test(trimmed(l)) && pageNumberOf(l)?.n === p + offset ? [i] : []));
    if (own.length === 1) out[p]!.add(own[0]!);
  });
  return out;
}

/**
 * The one line of a page that is its number `n` alone, or -1: of several, the one with no value beside it (a
 * table's cell of the same number stands in a run of values); with `strict`, a single one only when apart too.
 */
function ownLine(lines: readonly string[], n: number, strict: boolean): number {
  const want = String(n);
  const alone = lines.flatMap((l, i) => (trimmed(l) === want ? [i] : []));
  const kept = alone.length > 1 || strict ? alone.filter((i) => apart(lines, i)) : alone;
  return kept.length === 1 ? kept[0]! : -1;
}

/** Whether line i has no line of values right above or below it (past empty lines). */
function apart(lines: readonly string[], i: number): boolean {
  let above = i - 1;
  while (above >= 0 && !trimmed(lines[above]!)) above--;
  let below = i + 1;
  while (below < lines.length && !trimmed(lines[below]!)) below++;
  return !VALUE_LINE.test(lines[above] ?? '') && !VALUE_LINE.test(lines[below] ?? '');
}

/** A line of values only (numbers, placeholders): a run of a table's cells. */
const VALUE_LINE = /^\f?[^\S\n]*(?:[\d.,]+|[-—–－/])(?:[^\S\n]+(?:[\d.,]+|[-—–－/]))*[^\S\n]*$/;

/**
 * The text with its page-number lines emptied (their line breaks kept, so every other line keeps its number): a
 * line whose form says it is one (第 3 页, 3/5) anywhere, and, where pages end with a form feed (pdftotext), the
 * lines pageNumberLines finds. Returns `text` itself when nothing is dropped.
 */
/** A line that may be a page number by its form (checked line by line with pageNumberOf). */
const MARKED_LINE = /^[^\S\n]*(?:第[^\S\n]*\d|共[^\S\n]*\d|\d{1,3}[^\S\n]*\/[^\S\n]*\d|[Pp]age[^\S\n]*\d)/m;

export function dropPageNumbers(text: string): string {
  const marked = MARKED_LINE.test(text);
  if (!text.includes('\f') && !marked) return barePageNumbers(text);
  const lines = text.split('\n');
  let changed = false;
  if (marked) {
    // a line that is a page number by its form (第 3 页 共 5 页, 3/5) is one wherever reading order put it
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.length <= 24 && (l.includes('页') || l.includes('/') || /page/i.test(l)) && pageNumberOf(l)?.marked) {
        lines[i] = l.startsWith('\f') ? '\f' : '';
        changed = true;
      }
    }
    if (!text.includes('\f')) return changed ? lines.join('\n') : text;
  }
  // pdftotext starts each new page's first line with the form feed
  const pages: Array<{ from: number; lines: string[] }> = [];
  let from = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || (i > from && lines[i]!.startsWith('\f'))) {
      pages.push({ from, lines: lines.slice(from, i) });
      from = i;
    }
  }
  const drop = pageNumberLines(pages.map((p) => p.lines));
  pages.forEach((p, k) => {
    for (const i of drop[k]!) {
      lines[p.from + i] = lines[p.from + i]!.startsWith('\f') ? '\f' : '';
      changed = true;
    }
  });
  return changed ? lines.join('\n') : text;
}

/** A line that is a number of one to three digits alone. */
const BARE_LINE = /^[^\S\n]*(\d{1,3})[^\S\n]*$/gm;

/**
 * The text with the bare page numbers of a text without page breaks emptied (officeparser's text of a PDF joins its
 * pages with a line break: `其他对外管理服务事项 19 883` / `1` / `第二十条第（六）项`, the 1 page one's footer, no
 * cell). Only where the lines that are a number alone are exactly such a run: two or more, counting up by one from
 * 1 or 2 in the text's order, the last the text's last line with words or numbers (the last page's footer). A text
 * printing a table's cells a line has many more such lines and is left as it is.
 */
function barePageNumbers(text: string): string {
  const found: Array<{ at: number; end: number; n: number }> = [];
  BARE_LINE.lastIndex = 0;
  for (let m = BARE_LINE.exec(text); m; m = BARE_LINE.exec(text)) {
    found.push({ at: m.index, end: m.index + m[0].length, n: Number(m[1]) });
    if (found.length > 60) return text;
  }
  if (found.length < 2 || (found[0]!.n !== 1 && found[0]!.n !== 2) || found.some((f, k) => f.n !== found[0]!.n + k)) return text;
  if (text.slice(found.at(-1)!.end).trim() !== '') return text;
  let out = '';
  let from = 0;
  for (const f of found) {
    out += text.slice(from, f.at);
    from = f.end;
  }
  return out + text.slice(from);
}

