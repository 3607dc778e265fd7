/**
 * Rows a layout printed with their values on a line of their own just above their label: a word processor's PDF
 * whose number cells sit higher than their label cell (set in a smaller font, or aligned to the cell's top while
 * the label is centred), so `pdftotext -layout` or a positional reader puts `27  2  1  30` on the line between the
 * row above's label and `（一）予以公开`. Read label-then-values, such a line is the row above's. Whether it is cannot
 * be told from the line: this gives the other reading, the tokens with each such line moved below the label line
 * that follows it, for the identities to choose between the two. Pure: no fs, no clock.
 */
import { byLine, HAS_ENUMERATOR } from './rows.ts';
import type { Token } from '../tokens.ts';
import { fold } from '../normalize.ts';

/**
 * The most characters a values line may print before its values and still be one: a merged group cell's words,
 * printed a few characters a line down the label column (`三 、 本` `年 度 办` `理结果`, `予处`, `三、本年度`), never
 * the whole group label (in 2019's template （六）其他处理 is a row of its own).
 */
const MERGED_WORDS = 8;

const textOnly = (line: readonly Token[] | undefined): boolean => !!line && line.every((t) => t.kind === 'text');

/**
 * The tokens read the other way, and the first line of each run of values moved, or null when no line is in doubt.
 * A line is in doubt when it holds values only, placed by position (layout text), or after a few characters of a
 * merged group cell's label (`予处  3  3`; not the end of a row's own label, `卷  6  6`), with a line of label text
 * only above it and a line of label text only below it that starts a row (holds an enumerator: `3.其他`,
 * `（七）总计`, `四、结转…`); so is a run of such lines, or of values one a line (a reading order's stream: `32`
 * `2` `0` … under the header, before `1.申请人无正当理由…`), the whole run moved. The group cell's characters stay
 * where they are. `groups`: 表三's group labels, folded.
 */
export function valuesAbove(tokens: readonly Token[], groups: readonly string[]): ValuesAbove | null {
  const printed = byLine(tokens);
  /** A line of values only: a layout's row (each placed), or one value alone on its line (a stream's cell). */
  const valuesOnly = (line: readonly Token[]): boolean =>
    line.some((t) => t.kind === 'num') && line.every((t) => t.kind !== 'text' && !t.blank && (t.at !== undefined || line.length === 1));
  const out: Token[][] = [];
  const moved: number[] = [];
  const nearerBelow: number[] = [];
  /** A merged group cell's characters (`不予处`), no part of a row's label. */
  const groupWords = (line: readonly Token[]): boolean => {
    const said = fold(line.map((t) => t.text).join(''));
    return !!said && said.length <= MERGED_WORDS && groups.some((g) => g.includes(said) && g !== said);
  };
  for (let i = 0; i < printed.length; i++) {
    const line = printed[i]!;
    const first = line.findIndex((t) => t.kind !== 'text');
    if (i === 0 || first < 0 || !textOnly(printed[i - 1])) {
      out.push(line);
      continue;
    }
    const [words, values] = [line.slice(0, first), line.slice(first)];
    // (the lines of values from here: this one's, then those of values only that follow it)
    let end = i + 1;
    while (end < printed.length && valuesOnly(printed[end]!)) end++;
    const below = printed[end];
    const doubt =
      valuesOnly(values) &&
      (values.length > 1 || end > i + 1 || values[0]!.at !== undefined) &&
      (!words.some((t) => t.text.trim()) || groupWords(words)) &&
      textOnly(below) &&
      HAS_ENUMERATOR.test(below!.map((t) => t.text).join(''));
    if (!doubt) {
      out.push(line);
      continue;
    }
    out.push([...words, ...below!], values, ...printed.slice(i + 1, end));
    moved.push(line[0]!.line);
    // (a line of values nearer the next row's label than the last line of the row label above, past a merged
    // group cell's characters between them: `1.信访举报投诉类申请` `不予处` `理  1  1` `2.重复申请`)
    let k = i - 1;
    while (k > 0 && groupWords(printed[k]!)) k--;
    if (end === i + 1 && below![0]!.line - line[0]!.line < line[0]!.line - printed[k]![0]!.line) nearerBelow.push(line[0]!.line);
    i = end;
  }
  return moved.length ? { tokens: out.flat(), moved, nearerBelow } : null;
}

export interface ValuesAbove {
  /** The tokens with each line (or run) of values in doubt moved below the next row's label. */
  tokens: Token[];
  /** The first line of each run moved. */
  moved: number[];
  /** Of those, the single lines that stand nearer the next row's label than the row label above. */
  nearerBelow: number[];
}
