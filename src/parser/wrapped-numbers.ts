/**
 * 表三's numbers a narrow table cell wraps over two lines in layout text (a word processor's PDF of a table with
 * big numbers, read by pdftotext -layout: `一、本年新收政府信息     1867   3711   0 …   1904` over `公开申请数量
 *  87    98`: 186787 and 190498, each cut after the four digits its column holds). Read line by line, the first
 * line's digits pass for the cells (1867 | 3711 | … | 1904, a row that does not add up, kept as printed) and the
 * rests are strays: wrong numbers. Likewise a thousands number cut short (`27,21` over `4`: 27,214), in any table, a money
 * unit wrapped apart from its amount (`元` over `75394432.52`), a row's wrapped cells in text that prints a value a
 * line by no position (PyMuPDF's: `1867` `87` … `1904` `98`), and 表四's narrower cells' two-digit numbers (`15` over
 * `6`: 156), joined where its three sums then hold.
 * Pure: tokens in, tokens out.
 */
import { CUT_THOUSANDS, cellsApart, displayWidth, eachOnItsLine, type Token } from './tokens.ts';
import { sumHolds } from './tables/rows.ts';
import { WIDTH } from './tables/band.ts';

/**
 * A row label's enumerator (一、 （一） 1.): a line that names a row is no wrapped cell's rest. (Wider than rows.ts's
 * ENUMERATOR on purpose: half-width brackets, 十一、, 12、 too; any of them keeps a line apart.)
 */
const ENUMERATED = /[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]/;

const DIGITS = /^\d+$/;
/** Numbers one space apart, ending the text. */
const ONE_SPACED = /^\s*\d+(?: \d+)+\s*$/;

/** The fewest digits a column must hold for its numbers to wrap (a narrower column wraps no number seen). */
const MIN_WIDTH = 3;

/** 表四's row: fifteen numbers, three groups of five, each group's last the sum of its first four. */
const REVIEW_WIDTH = 15;

/** The fewest digits a 表四 column must hold for its numbers to wrap: its fifteen columns are narrow (`15` over `6`). */
const MIN_REVIEW_WIDTH = 2;

/** Fifteen numbers that keep 表四's three sums. */
const reviewHolds = (values: readonly Token[]): boolean => [0, 5, 10].every((g) => sumHolds(values.slice(g, g + 5)));

/**
 * The tokens with each wrapped number's rest joined to it (text and value), the rests dropped: on a line of seven
 * numbers (表三's row; or its first and last over the others, centred lower) or fifteen (表四's; or its wrapped cells'
 * first lines over the others), the numbers of the next line (past the lower one), fewer, each starting under a
 * character of a number of the row's first line (or a column before it) that is as long as the line's longest (it filled its
 * cell), no shorter than three digits (two in 表四), the next line naming no row (no enumerator); joined only where
 * the row then adds up. Anything else is left as printed.
 */
export function joinWrappedNumbers(tokens: readonly Token[], text: readonly string[]): Token[] {
  // (a number's column: its offset in characters, as pdftotext -layout sets them, or in display columns, a wide
  // character two, as our PDF decoder's layout lines do: the token's `at` and `col`)
  // (a number opening its line has none, tokens.ts setting no `at` at offset 0: column 0 where the line's other
  // numbers have theirs, as 表四's row of fifteen starts its line)
  const lines = new Map<number, Token[]>();
  // (tokens come line by line: the list of the line before is kept at hand rather than looked up for each token)
  let list: Token[] | undefined;
  for (const t of tokens) {
    if (list?.[0]!.line !== t.line) {
      list = lines.get(t.line);
      if (!list) lines.set(t.line, (list = []));
    }
    list.push(t);
  }
  const lineStart = new Set<Token>();
  for (const ts of lines.values()) {
    // (the line's first token a number with no position, its other numbers, one or more, all placed; no copies made)
    const head = ts[0]!;
    if (head.kind !== 'num' || head.at !== undefined) continue;
    let others = 0;
    let placedAll = true;
    for (let k = 1; k < ts.length; k++) {
      if (ts[k]!.kind !== 'num') continue;
      others++;
      if (ts[k]!.at === undefined) placedAll = false;
    }
    if (others && placedAll) lineStart.add(head);
  }
  const placed = (t: Token): boolean => t.at !== undefined || lineStart.has(t);
  const columns = (t: Token): [number, number] => (lineStart.has(t) ? [0, 0] : [t.at!, t.col!]);
  const under = (a: Token, r: Token): boolean => {
    const [ac, aw] = columns(a);
    const [rc, rw] = columns(r);
    return ac === rc || aw === rw;
  };
  // (a cut number's rest under it: starting under one of its characters or one before, in characters or in display
  // columns; pdftotext -layout sets a line with wide characters a column or two off the line above)
  const withinBy = (m: number, a: Token, r: Token): boolean => {
    const [ac, rc] = [columns(a)[m]!, columns(r)[m]!];
    return rc >= ac - 1 && rc < ac + a.text.length;
  };
  const within = (a: Token, r: Token): boolean => withinBy(0, a, r) || withinBy(1, a, r);
  const joined = new Map<Token, Token>();
  const rests = new Set<Token>();
  /** Rows whose numbers stand on two lines, in their columns' order. */
  const reordered: Array<readonly Token[]> = [];
  const numbers = (line: number): Token[] => (lines.get(line) ?? []).filter((t) => t.kind === 'num');
  // (a row read by position needs numbers placed: text with none, not laid out in columns, is not looked through)
  const positioned = tokens.some((t) => t.at !== undefined);
  for (const line of positioned ? lines.keys() : []) {
    // the row: a line of seven numbers, or a line's first and last numbers with the rest of the seven on the next
    // line, all between them (cells centred lower: `4700 … 4700` over `0 0 0 0 0`), read in the order of their
    // columns by the column model that sets them between (both models: only in the order both give); the rests on
    // the line after the row's
    // (表四's row likewise: fifteen numbers on a line, or a wrapped cell's first lines above the others, centred
    // lower: `15` `15` over `13 0 26 0 39 … 0` over `6` `6`, 156 twice)
    const above = numbers(line);
    if (above.length < 2 || above.length > REVIEW_WIDTH || !above.every(placed)) continue;
    let cells = above;
    let restLine = line + 1;
    if (above.length !== WIDTH && above.length !== REVIEW_WIDTH) {
      const lower = numbers(line + 1);
      if (!lower.every(placed)) continue;
      const [first, last] = [columns(above[0]!), columns(above[above.length - 1]!)];
      // (in the column model where every lower number stands between the first and the last (表三's), or anywhere
      // among them (表四's); both: in one order)
      const size = above.length < WIDTH && lower.length === WIDTH - above.length ? WIDTH : lower.length === REVIEW_WIDTH - above.length ? REVIEW_WIDTH : 0;
      if (!size) continue;
      const orders = [0, 1]
        .filter((m) => size === REVIEW_WIDTH || lower.every((t) => columns(t)[m]! > first[m]! && columns(t)[m]! < last[m]!))
        .map((m) => [...above, ...lower].sort((a, b) => columns(a)[m]! - columns(b)[m]!));
      if (!orders.length || orders.some((o) => o.some((t, k) => t !== orders[0]![k]))) continue;
      cells = orders[0]!;
      restLine = line + 2;
    }
    const review = cells.length === REVIEW_WIDTH;
    // (past a line holding only the rest of the row's label, `息公开申请数量`, as our PDF decoder sets a label's wrapped
    // line between the row and its numbers' rests: `一、本年新收政府信 1301 0 … 1301` / `息公开申请数量` / `5 … 5`)
    // (past blank lines: pdfplumber's layout text sets one between a row and the line of its numbers' rests)
    for (let k = 0; k < 2 && !lines.has(restLine) && (text[restLine - 1] ?? 'x').trim() === '' && lines.has(restLine + 1); k++) restLine++;
    const between = lines.get(restLine);
    if (between && between.every((t) => t.kind === 'text' && !ENUMERATED.test(t.text)) && lines.get(restLine + 1)) restLine++;
    const below = lines.get(restLine);
    if (!below) continue;
    const rest = below.filter((t) => t.kind === 'num');
    if (!rest.length || rest.length >= cells.length) continue;
    if ([...cells, ...rest].some((t) => !placed(t) || !DIGITS.test(t.text))) continue;
    if (below.some((t) => t.kind !== 'num' && (t.kind !== 'text' || ENUMERATED.test(t.text)))) continue;
    const width = Math.max(...cells.map((t) => t.text.length));
    if (width < (review ? MIN_REVIEW_WIDTH : MIN_WIDTH)) continue;
    // (a rest's number is one that filled its cell: under a 0 in the other column model stands no cut number,
    // `0` at display column 59 over 1109 at character 59 in pdfplumber's layout of a wide label's row)
    const fillsCell = (t: Token): boolean => t.text.length === width;
    const pairs = rest.map((r) => {
      const a = above.find((t) => fillsCell(t) && under(t, r)) ?? above.find((t) => fillsCell(t) && within(t, r));
      return a && r.text.length <= width ? ([a, r] as const) : null;
    });
    if (pairs.some((p) => !p)) continue;
    const made = cells.map((a) => {
      const r = pairs.find((q) => q![0] === a)?.[1];
      return r ? { ...a, text: a.text + r.text, value: Number(a.text + r.text) } : a;
    });
    if (!(review ? reviewHolds(made) : sumHolds(made))) continue;
    for (const p of pairs) {
      joined.set(p![0], made[cells.indexOf(p![0])]!);
      rests.add(p![1]);
    }
    // (表四's row from two lines is read in its columns' order: 13 0 26 0 39 156 …, not the upper line's numbers first)
    if (review && cells !== above) reordered.push(cells);
  }
  // A 表三 row's thousands numbers cut short in text that sets values one a line by no position (PyMuPDF's sorted
  // text of a word processor's table with narrow cells): each cut number's rest, a line lower on the page, is printed
  // after the row's last cell, the rests in the cut numbers' order (`27,21` `0` … `0` `27,21` `4` `4`: 27,214 | 0 |
  // … | 27,214), each exactly the digits its group lacks; joined where the row then adds up (joining the line after
  // each cut number would read 27,210)
  const runs = valueRuns(tokens);
  for (const { values: run } of runs) {
    let from = 0;
    while (from + WIDTH <= run.length) {
      const head = run.slice(from, from + WIDTH);
      const cuts = head.filter((t) => !joined.has(t) && isCut(t));
      const tail = run.slice(from + WIDTH, from + WIDTH + cuts.length);
      if (!cuts.length || tail.length !== cuts.length) break;
      const all = [...head, ...tail];
      if (all.some((t) => t.at !== undefined) || !eachOnItsLine(all)) break;
      if (tail.some((n, k) => !DIGITS.test(n.text) || n.text.length !== restLength(cuts[k]!))) break;
      const made = head.map((t) => {
        const k = cuts.indexOf(t);
        return k < 0 ? t : restJoined(t, tail[k]!);
      });
      if (!sumHolds(made)) break;
      head.forEach((t, x) => made[x] !== t && joined.set(t, made[x]!));
      for (const r of tail) rests.add(r);
      from += all.length;
    }
  }
  // A 表三 row whose numbers a narrow cell wraps, in text that sets values one a line by no position: PyMuPDF's text
  // prints a wrapped cell's lines together (`1867` `87` `3711` `0` … `1904` `98`: 186787 | 3711 | … | 190498),
  // pdftohtml's after the row's last cell, past the rest of its label (`1867` `3711` … `1904` `公开申请数量` `87`
  // `98`). A run of plain numbers between two labels, the row's seven and k more, is read with k pairs of adjacent
  // lines joined, or its last k lines joined in order to k of the seven; a run of seven followed by label words that
  // open no row and then a run of k, with the k so joined: each number joined as long as the row's longest (it filled
  // its cell) and no shorter than three digits, where exactly one reading makes the row add up. A row of seven that
  // adds up as printed takes the k after its label only where another row of the table showed them (added up only so).
  const free = (t: Token): boolean => !joined.has(t) && !rests.has(t) && DIGITS.test(t.text);
  const plain = (run: readonly Token[]): boolean => run.every((t) => free(t) && t.at === undefined) && eachOnItsLine(run);
  /** A row whose first numbers share its label's line (placed there among the label's words), the others one a line. */
  const opensOnLabelLine = (run: readonly Token[]): boolean => {
    const first = run.filter((t) => t.line === run[0]!.line);
    const rest = run.slice(first.length);
    return run.every(free) && rest.every((t) => t.at === undefined) && eachOnItsLine(rest) && rest[0]?.line !== run[0]!.line;
  };
  /**
   * A row's numbers over lines, some of them several a line (pdftotext -raw and pdf-parse of a word processor's PDF:
   * `1301` `5` over `0 0 0 0 0 1301` over `5`, 13015 cut twice, in content order, one space apart): a cut number ends
   * its line and its rest opens the next.
   */
  const overLines = (run: readonly Token[]): boolean => run.every(free) && run[0]!.line !== run[run.length - 1]!.line;
  /**
   * Rests a reading-order text prints together on one line, one space apart, in their columns' order, ending the line
   * alone or after the words of a wrapped label (pdfplumber's text of a word processor's print: `一、本年新收政府信
   * 1301 0 … 1301` / `息公开申请数量` / `5 5`; `（四 1.本 1520 0 … 1520` / `）无` / `机关 7 7`).
   */
  const oneSpaced = (run: readonly Token[]): boolean => {
    if (run.length < 2 || !run.every((t) => free(t) && t.line === run[0]!.line)) return false;
    const line = text[run[0]!.line - 1] ?? '';
    const from = run[0]!.at ?? 0;
    return ONE_SPACED.test(line.slice(from)) && !/\d/.test(line.slice(0, from));
  };
  /** A row of seven on one line, the numbers after it its rests on the next line (see oneSpaced): `（七）总计 1301 0 … 1301` / `5 5`. */
  const restsBelow = (run: readonly Token[]): boolean => {
    const row = run.slice(0, WIDTH);
    const tail = run.slice(WIDTH);
    return row.every((t) => free(t) && t.line === row[0]!.line) && oneSpaced(tail) && tail[0]!.line === row[0]!.line + 1;
  };
  /** A reading of pairings taken: each joined number the reading's, the next number (its rest) gone. */
  const applyPairs = (run: readonly Token[], made: readonly Token[]): void => {
    for (let i = 0, x = 0; i < run.length; i++, x++) {
      if (made[x] === run[i]) continue;
      joined.set(run[i]!, made[x]!);
      rests.add(run[++i]!);
    }
  };
  const apply = (run: readonly Token[], made: readonly Token[]): void => {
    for (const t of run) {
      const m = made.find((x) => x.line === t.line);
      if (m && m !== t) joined.set(t, m);
      else if (!m) rests.add(t);
    }
  };
  let shown = false;
  const pending: Trailing[] = [];
  /**
   * A row with the numbers after its label taken: each number the reading lengthens becomes the reading's (or, with
   * `as`, what `as` makes of it), in order; the rests gone.
   */
  const applyTrailing = ({ row, tail, made }: Trailing, as = (_: Token, m: Token): Token => m): void => {
    row.forEach((t, x) => made[x] !== t && joined.set(t, as(t, made[x]!)));
    for (const t of tail) rests.add(t);
  };
  runs.forEach(({ values: run }, i) => {
    if (run.length < WIDTH || run.length > 2 * WIDTH || (run.length !== WIDTH && run.length % WIDTH === 0)) return;
    const next = runs[i + 1];
    const after = run.length === WIDTH ? next?.values : null;
    // (a run's numbers one a line, or, as pdftohtml prints a row, its first numbers on its label's line and the others
    // one a line)
    const isPlain = plain(run);
    const onLabelLine = !isPlain && opensOnLabelLine(run);
    const below = !isPlain && !onLabelLine && run.length > WIDTH && restsBelow(run);
    const broken = !isPlain && !onLabelLine && !below && run.length > WIDTH && overLines(run);
    if (!isPlain && !onLabelLine && !below && !broken) return;
    if (after && (!after.length || after.length >= WIDTH || runs[i]!.words.some((w) => ENUMERATED.test(w.text)) || !(plain(after) || oneSpaced(after)))) return;
    if (run.length === WIDTH && !after) return;
    const row = run.slice(0, WIDTH);
    const tail = after ?? run.slice(WIDTH);
    const width = Math.max(...row.map((t) => t.text.length));
    if (width < MIN_WIDTH) return;
    const cut = fills(width);
    // (a row opening on its label's line is read with its rests after it only: which numbers share a line says nothing
    // of which pairs a cell's two lines)
    // (a row over lines of several numbers is read with its cut numbers' rests opening the next line only)
    const readings = broken
      ? pairings(run, tail.length, cut, (a, b) => a.line !== b.line).filter((made) => sumHolds(made))
      : [...(after || onLabelLine || below ? [] : pairings(run, tail.length, cut)), ...trailing(row, tail, cut)].filter((made) => sumHolds(made));
    if (new Set(readings.map((r) => r.map((t) => t.value).join(' '))).size !== 1) return;
    // (the numbers after the label join the row's in order, whatever lines they stand on: pdftohtml prints the row's
    // first numbers on its label's line, `一、本年新收政府信 1301 0`)
    if (after || below) {
      if (sumHolds(row)) pending.push({ row, tail, made: readings[0]! });
      else {
        applyTrailing({ row, tail, made: readings[0]! });
        shown = true;
      }
      return;
    }
    if (onLabelLine) applyTrailing({ row, tail, made: readings[0]! });
    else if (broken) applyPairs(run, readings[0]!);
    else apply(run, readings[0]!); // (one a line: a joined number keeps its line)
  });
  // (where no other row showed them, such a row adds up both ways, `1301 0 … 1301` and, the `5` `5` after its label
  // joined, `13015 0 … 13015`: the numbers the join would lengthen are kept as printed and unreadable, never 1301)
  for (const p of pending) applyTrailing(p, shown ? undefined : (t) => ({ ...t, problem: 'wrapped' }));
  // A 表三 row whose narrow cells, centred, wrap numbers, in text that joins a line's pieces by no position
  // (officeparser's text of LibreOffice's print): each wrapped number's first line stands above the row's line,
  // its last below, the row's other cells between (`1301 1301` / `（七） 总 计 0 0 0 0 0` / `5 5`, 13015 twice).
  // Read as printed, the row is `0 0 0 0 0 5 5` (it adds up) and the line above goes to the row before. Where the
  // pieces joined add up in some columns, the row is unreadable (which columns wrapped, nothing says: 13015 may stand
  // in any applicant column) and the pieces above are no row's.
  runs.forEach(({ values: above, words }, i) => {
    const row = runs[i + 1]?.values;
    const k = above.length;
    if (!row || row.length !== WIDTH || k < 1 || k > MAX_CENTRED) return;
    // (one space apart on each line: text with no columns; layout text sets cells apart, read above by position)
    const all = [...above, ...row];
    if (!all.every((t, x) => free(t) && (x === 0 || all[x - 1]!.line !== t.line || !cellsApart(all[x - 1]!, t)))) return;
    const mid = row.slice(0, WIDTH - k);
    const below = row.slice(WIDTH - k);
    const line = mid[0]!.line;
    if (!mid.every((t) => t.line === line) || !below.every((t) => t.line === line + 1) || !oneSpaced(below)) return;
    if (!above.every((t) => t.line === above[0]!.line && t.text[0] !== '0') || above[0]!.line >= line || above[0]!.line < line - MAX_CENTRED) return;
    if (words.some((w) => w.line < above[0]!.line || w.line > line)) return;
    const pieces = above.map((t, x) => ({ ...t, text: t.text + below[x]!.text, value: Number(t.text + below[x]!.text), line }));
    if (!placements(mid, pieces).some((made) => sumHolds(made))) return;
    for (const t of above) rests.add(t);
    for (const t of row) joined.set(t, { ...t, problem: 'centred' });
  });
  // 表四's row likewise, its narrow cells' rests after its last cell, in order (`13 0 26 0 39 15 0 0 0 15 0 … 0` `6`
  // `6`: PyMuPDF's sorted text and pdftohtml's of a word processor's print, 156 twice). A rest joined to one number
  // changes one term of a group, which then no longer adds up; so the rests join only as a group's term and its 总计
  // cut alike, and are taken where exactly one such reading keeps the three sums.
  for (const { values: run } of runs) {
    if (run.length < REVIEW_WIDTH + 2 || run.length >= 2 * REVIEW_WIDTH) continue;
    if (run.some((t) => joined.has(t) || rests.has(t) || !DIGITS.test(t.text))) continue;
    const row = run.slice(0, REVIEW_WIDTH);
    const tail = run.slice(REVIEW_WIDTH);
    const width = Math.max(...row.map((t) => t.text.length));
    if (width < MIN_REVIEW_WIDTH || tail.some((t) => t.text.length > width)) continue;
    const cut = fills(width);
    const readings = trailing(row, tail, cut).filter(reviewHolds);
    if (readings.length !== 1) continue;
    readings[0]!.forEach((t, x) => t !== row[x] && joined.set(row[x]!, t));
    for (const t of tail) rests.add(t);
  }
  // Thousands numbers cut short (`27,21`, the last group short: tokens.ts marks it a grouping problem), the rests of
  // a line's cut numbers on a line of their own, exactly the digits each group lacks (`4`: 27,214): under each cut
  // number where the text has columns, on the next line or the one after when the line between has nothing under
  // them (cells centred apart); else the next line opening with the one cut number's rest (PyMuPDF's and
  // pdftotext's text of a narrow cell print them so). Any other line of numbers is no rest: the cut stays a problem.
  const cutLines = new Map<number, Token[]>();
  for (const t of tokens) if (isCut(t) && !joined.has(t)) (cutLines.get(t.line) ?? cutLines.set(t.line, []).get(t.line)!).push(t);
  for (const [line, cuts] of cutLines) {
    const placed = cuts.every((c) => c.at !== undefined);
    const between = (lines.get(line + 1) ?? []).filter((n) => n.kind !== 'text');
    for (const restLine of [line + 1, line + 2]) {
      if (restLine === line + 2 && (!placed || between.some((n) => n.at === undefined))) break;
      const opening = lines.get(restLine)?.[0];
      const nums = (lines.get(restLine) ?? []).filter((n) => n.kind === 'num' && !rests.has(n));
      if (nums.length !== cuts.length) continue;
      if (nums.some((n, k) => !DIGITS.test(n.text) || n.text.length !== restLength(cuts[k]!))) continue;
      // (under them by one column model; two lines down, with nothing under them on the line between by that model)
      const fits =
        restLine === line + 1
          ? cuts.every((c, k) => (c.at !== undefined && nums[k]!.at !== undefined ? within(c, nums[k]!) : k === 0 && nums[k] === opening))
          : [0, 1].some((m) => nums.every((n, k) => n.at !== undefined && withinBy(m, cuts[k]!, n)) && !between.some((n) => cuts.some((c) => withinBy(m, c, n))));
      if (!fits) continue;
      cuts.forEach((c, k) => {
        joined.set(c, restJoined(c, nums[k]!));
        rests.add(nums[k]!);
      });
      break;
    }
  }
  // A money unit a narrow cell wraps apart from its number (`75394432.52元` as `元` on the row's line, the digits on
  // the next): the unit alone in its cell, starting over the number's digits or just after them on the line above or
  // below, the one unitless number so placed: it is that number's unit (an amount in 元 read as 万元 is 10,000 times
  // too big)
  for (const u of tokens) {
    if (u.kind !== 'text' || (u.text !== '元' && u.text !== '万元')) continue;
    const line = text[u.line - 1] ?? '';
    const at = line.indexOf(u.text);
    if (at < 0 || line.indexOf(u.text, at + 1) >= 0) continue;
    const col = displayWidth(line, at);
    const placed = tokens.filter((n) => {
      if (n.kind !== 'num' || n.unit !== undefined || n.at === undefined || rests.has(n) || Math.abs(n.line - u.line) !== 1) return false;
      const [c, w] = columns(joined.get(n) ?? n);
      const reach = n.text.length + 3; // (over its digits, or up to three columns past them)
      return (at >= c && at <= c + reach) || (col >= w && col <= w + reach);
    });
    if (placed.length !== 1) continue;
    const n = joined.get(placed[0]!) ?? placed[0]!;
    joined.set(placed[0]!, { ...n, text: n.text + u.text, unit: u.text });
    rests.add(u);
  }
  if (!rests.size) return tokens as Token[];
  const ordered = [...tokens];
  for (const row of reordered) {
    const slots = row.map((t) => ordered.indexOf(t)).sort((a, b) => a - b);
    slots.forEach((at, k) => (ordered[at] = row[k]!));
  }
  return ordered.filter((t) => !rests.has(t)).map((t) => joined.get(t) ?? t);
}

/** A row of seven, the numbers after its label, and the one reading of the row with them joined. */
interface Trailing {
  row: readonly Token[];
  tail: readonly Token[];
  made: readonly Token[];
}

/** The most numbers a row's centred cells wrap, and the most lines their first lines stand above the row's. */
const MAX_CENTRED = 3;

/** Every way to set `pieces` among `mid` in their order: each a row (C(mid + pieces, pieces) of them). */
function placements(mid: readonly Token[], pieces: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  const walk = (m: number, p: number, made: Token[]): void => {
    if (m === mid.length && p === pieces.length) {
      out.push(made);
      return;
    }
    if (p < pieces.length) walk(m, p + 1, [...made, pieces[p]!]);
    if (m < mid.length) walk(m + 1, p, [...made, mid[m]!]);
  };
  walk(0, 0, []);
  return out;
}

/** A number as long as its row's longest (it filled its cell, so a narrow cell may have cut it), no leading 0. */
const fills = (width: number) => (t: Token): boolean => t.text.length === width && t.text[0] !== '0';

/** A thousands number cut short (tokens.ts marks it a grouping problem). */
const isCut = (t: Token): boolean => t.problem === 'grouping' && CUT_THOUSANDS.test(t.text);

/** How many digits a cut thousands number's last group lacks (`27,21`: 1). */
const restLength = (cut: Token): number => 3 - CUT_THOUSANDS.exec(cut.text)![1]!.length;

/** A cut thousands number with its rest joined (`27,21` and `4`: 27,214). */
function restJoined(cut: Token, rest: Token): Token {
  const { problem: _problem, ...kept } = cut;
  const text = cut.text + rest.text;
  return { ...kept, kind: 'num', text, value: Number(text.replace(/,/g, '')) };
}

/** A run of values (tokens in order with no text between) and the words printed after it, before the next run. */
interface ValueRun {
  values: Token[];
  words: Token[];
}

/** The tokens' runs of values, each with the words after it (a row label's words end a run). */
function valueRuns(tokens: readonly Token[]): ValueRun[] {
  const runs: ValueRun[] = [{ values: [], words: [] }];
  for (const t of tokens) {
    const last = runs[runs.length - 1]!;
    if (t.kind === 'text') last.words.push(t);
    else if (last.words.length) runs.push({ values: [t], words: [] });
    else last.values.push(t);
  }
  return runs.filter((r) => r.values.length);
}

/**
 * Every way to read `row` with the numbers of `tail` joined in order to as many of its numbers that are `cut`
 * (`4082` … `4082` and `1` `1`: 40821 … 40821), each a row (a joined number keeps its line).
 */
function trailing(row: readonly Token[], tail: readonly Token[], cut: (t: Token) => boolean): Token[][] {
  const out: Token[][] = [];
  const walk = (i: number, k: number, made: Token[]): void => {
    if (k === tail.length) {
      out.push([...made, ...row.slice(i)]);
      return;
    }
    if (i === row.length) return;
    const t = row[i]!;
    if (cut(t)) {
      const text = t.text + tail[k]!.text;
      walk(i + 1, k + 1, [...made, { ...t, text, value: Number(text) }]);
    }
    walk(i + 1, k, [...made, t]);
  };
  walk(0, 0, []);
  return out;
}

/**
 * Every way to read `run` as its numbers with `k` pairs of adjacent ones joined (the first of each pair `cut`, the
 * second any digits: 4080 and 17 are 408017; both as `joins` allows), each a row of the joined numbers (a joined one
 * keeps its first's line).
 */
function pairings(run: readonly Token[], k: number, cut: (t: Token) => boolean, joins: (a: Token, b: Token) => boolean = () => true): Token[][] {
  const out: Token[][] = [];
  const walk = (i: number, left: number, row: Token[]): void => {
    if (i === run.length) {
      if (!left) out.push(row);
      return;
    }
    const t = run[i]!;
    if (left > 0 && i + 1 < run.length && cut(t) && joins(t, run[i + 1]!)) {
      const text = t.text + run[i + 1]!.text;
      walk(i + 2, left - 1, [...row, { ...t, text, value: Number(text) }]);
    }
    if (run.length - i - 1 >= 2 * left) walk(i + 1, left, [...row, t]);
  };
  walk(0, k, []);
  return out;
}
