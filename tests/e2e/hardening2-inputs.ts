/**
 * The inputs of the second hardening round (issue 11), each a way one careless or hostile file could stop the
 * build, lose data or mislead the console. Written into a scratch content root beside the five seeds.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAs } from './hardening-inputs.ts';

/** A 40-character agency name: its pinyin slug would be some 200 characters long. */
export const LONG_NAME = `${'双庄窗床撞'.repeat(7)}双庄窗床局`;
export const ESC_NAME = '\u001b]0;pwned\u0007\u001b[31m红区卫生健康委员会\u202e';

export interface Round2 {
  /** Path under the content root (content/reports/…) of each input, by key. */
  readonly files: Readonly<Record<string, string>>;
  /** Entries that are not read, with the reason's start (content/reports/… → reason). */
  readonly skipped: Readonly<Record<string, string>>;
}

/** Seed 001 under another name, with a header line inserted after its title. */
function withHeader(agency: string, header: string): string {
  const text = seedAs(agency);
  const eol = text.indexOf('\n', text.indexOf(agency)) + 1;
  return `${text.slice(0, eol)}${header}\n${text.slice(eol)}`;
}

export function writeRound2(root: string): Round2 {
  const dir = join(root, 'content/reports/r2');
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string | Uint8Array): string => {
    writeFileSync(join(dir, name), data);
    return `content/reports/r2/${name}`;
  };
  const oneLine = seedAs('单行区卫生健康委员会').replace(/\n/g, ' ');
  const files = {
    long: put('long.txt', seedAs(LONG_NAME)),
    impostor: put('impostor.txt', seedAs('yanshi-weijian')),
    shimen: put('shimen.txt', seedAs('石门区卫生健康局')),
    shimen2: put('shimen2.txt', seedAs('实门区卫生健康局')),
    esc: put('esc.txt', seedAs(ESC_NAME)),
    newline: put('evil\nbuild-data: 0 reports.txt', seedAs('换行区卫生健康委员会')),
    date9999: put('date-9999.txt', withHeader('日一区卫生健康委员会', '发布时间：9999-99-99')),
    date1345: put('date-1345.txt', withHeader('日二区卫生健康委员会', '发布时间：2024-13-45')),
    date0230: put('date-0230.txt', withHeader('日三区卫生健康委员会', '发布时间：2025-02-30')),
    dateFuture: put('date-future.txt', withHeader('日四区卫生健康委员会', '发布时间：2099-01-20')),
    emptyA: put('empty-a.txt', ''),
    emptyB: put('empty-b.txt', ''),
    // 3. a binary file beside the empty ones: the search index still has every year
    binary: put('scan.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256)),
    upper: put('UPPER.TXT', seedAs('大写区卫生健康委员会')),
    markdown: put('long-ext.markdown', seedAs('扩展区卫生健康委员会')),
    trailing: put('trailing.txt ', seedAs('空格区卫生健康委员会')),
    yamlName: put('note #1: a.txt', '关于政府信息公开工作的几点说明\n\n本单位认真贯彻落实条例，主动公开各类信息。\n'),
    // 1. 5,000 nested elements around the title (a recursive walk overflowed the stack)
    deep: put('deep.html', `<html><body>${'<div>'.repeat(5000)}<p>深一区卫生健康委员会 2024 年政府信息公开工作年度报告</p>${'</div>'.repeat(5000)}</body></html>`),
    // 10. a number a double cannot hold, one in exponent notation, a negative count
    numbers: put(
      'numbers.txt',
      seedAs('数一区卫生健康委员会')
        .replace('行政许可\t1130', '行政许可\t99999999999999999999')
        .replace('行政处罚\t77', '行政处罚\t1e309')
        .replace('行政强制\t1', '行政强制\t-5'),
    ),
    // 11. a title without a year, and a law's revision note naming another year
    yearless: put(
      'yearless.txt',
      seedAs('年一区卫生健康委员会')
        .replace('年一区卫生健康委员会 2024 年政府信息公开工作年度报告', '年一区卫生健康委员会政府信息公开工作年度报告')
        .replace('按照《政府信息公开信息处理费管理办法》规定', '按照《中华人民共和国政府信息公开条例》（2019年修订）和《政府信息公开信息处理费管理办法》规定'),
    ),
    // 14. a PDF's text whose fonts a tool mapped to other characters (Ghostscript's txtwrite of a browser's print:
    // accented Latin letters inside Chinese words, a dash printed as 4)
    garbled: put('garbled.txt', readFileSync(join(import.meta.dirname, '../fixtures/quirks/gs-txtwrite-garbled-font-mapping.txt'))),
    oneLine: put('one-line.txt', `${oneLine} ${'附注：本年度各项工作稳步推进。'.repeat(Math.ceil((10 * 1024 * 1024) / 45))}`),
  };
  symlinkSync(join(root, 'content/reports/001_32ee79c535f7b1d7.txt'), join(dir, 'link.txt'));
  writeFileSync(join(dir, 'README'), '说明文件，没有扩展名\n');
  writeFileSync(join(dir, 'scan.rtf'), '{\\rtf1 甲}\n');
  return {
    files,
    skipped: {
      'content/reports/r2/link.txt': '符号链接',
      'content/reports/r2/README': '没有扩展名',
      'content/reports/r2/scan.rtf': '不支持的文件类型 .rtf',
    },
  };
}
