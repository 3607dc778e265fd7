/**
 * The bad inputs of the hardening suite, written into a scratch content root next to the real reports. Most are
 * derived from seed 001 (偃师区卫生健康委员会 2024, 2021 template, all 200 cells clean) under another agency name,
 * so each maps to its own agency and year and can be compared with the seed.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export const SEED_FILE = 'tests/fixtures/seeds/001_32ee79c535f7b1d7.txt';
export const SEED_AGENCY = '偃师区卫生健康委员会';

/** Lines that must show verbatim (as text) on the markup report's page. */
export const MARKUP_LINES = [
  '附注：<script>window.__xss = 1; alert(1)</script> 与 <img src=x onerror=alert(1)> 均应原样显示。',
  '附注二：花括号 {} 与 {1+1} 与 **粗体** 与 _斜体_ 与 <Component /> 与 [链接](javascript:alert(1)) 原样显示。',
  '---',
  "import x from 'y'",
  "export const meta = { title: 'x' }",
  '{}',
  '<!-- 注释 -->',
  '{/* MDX 注释 */}',
] as const;

export const XSS_LINE = '本年度无特别说明。<img src=x onerror=alert(1)>';

export interface BadInput {
  /** Path under content/reports/. */
  readonly file: string;
  /** Agency name the report should carry (null: unidentified). */
  readonly agency: string | null;
  readonly year: number | null;
  /** Encoding the file is decoded from. */
  readonly encoding?: string;
}

/** Seed 001 under another agency name. */
export function seedAs(agency: string): string {
  return readFileSync(SEED_FILE, 'utf8').replaceAll(SEED_AGENCY, agency);
}

/** Seed text with lines inserted before part 六's text ends (after its heading's paragraph). */
function withLinesAtEnd(text: string, lines: readonly string[]): string {
  return `${text.trimEnd()}\n\n${lines.join('\n')}\n`;
}

/** Pads a report to `bytes` with its own prose, inside part 五 (after the tables). */
function padded(text: string, bytes: number): string {
  const prose = `${text
    .split('\n')
    .filter((l) => /[。；]/.test(l))
    .join('\n')}\n`;
  const at = text.indexOf('五、');
  const head = text.slice(0, at);
  const tail = text.slice(at);
  const nl = tail.indexOf('\n') + 1;
  const need = bytes - Buffer.byteLength(text);
  const copies = Math.ceil(need / Buffer.byteLength(prose));
  return head + tail.slice(0, nl) + prose.repeat(copies) + tail.slice(nl);
}

/** The PNG signature and a header chunk: a real image's first bytes, then noise with NULs. */
function pngBytes(): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
  const body = Buffer.alloc(2048);
  for (let i = 0; i < body.length; i++) body[i] = (i * 37 + 11) % 256;
  return Buffer.concat([head, body]);
}

/** Writes the bad inputs into `root/content/reports/bad/` and returns what each should become. */
export function writeBadInputs(root: string): Record<string, BadInput> {
  const dir = join(root, 'content/reports/bad');
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string | Uint8Array): string => {
    writeFileSync(join(dir, name), data);
    return `content/reports/bad/${name}`;
  };
  const seed = readFileSync(SEED_FILE, 'utf8');
  // In the middle of 表三's row 1.属于国家秘密 (the text stops after its first few cells).
  const truncateAt = seed.indexOf('属于国家秘密', seed.indexOf('三、收到和处理政府信息公开申请情况')) + 10;
  return {
    empty: { file: put('empty.txt', ''), agency: null, year: null },
    binary: { file: put('scan.txt', pngBytes()), agency: null, year: null },
    gb18030: { file: put('gb18030.txt', iconv.encode(seedAs('甲区卫生健康委员会'), 'gb18030')), agency: '甲区卫生健康委员会', year: 2024, encoding: 'gb18030' },
    gbk: { file: put('gbk.txt', iconv.encode(seedAs('乙区卫生健康委员会'), 'gbk')), agency: '乙区卫生健康委员会', year: 2024, encoding: 'gb18030' },
    utf16le: { file: put('utf16le-no-bom.txt', Buffer.from(seedAs('丙区卫生健康委员会'), 'utf16le')), agency: '丙区卫生健康委员会', year: 2024, encoding: 'utf-16le' },
    utf16be: {
      file: put('utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seedAs('丁区卫生健康委员会'), 'utf-16be')])),
      agency: '丁区卫生健康委员会',
      year: 2024,
      encoding: 'utf-16be',
    },
    huge: { file: put('huge.txt', padded(seedAs('戊区卫生健康委员会'), 10 * 1024 * 1024)), agency: '戊区卫生健康委员会', year: 2024 },
    narrative: {
      file: put('narrative-only.txt', seedAs('己区卫生健康委员会').split('\n').filter((l) => !/\t|^\s*\d+\s*$/.test(l)).join('\n')),
      agency: '己区卫生健康委员会',
      year: 2024,
    },
    truncated: { file: put('truncated.txt', seedAs('庚区卫生健康委员会').slice(0, truncateAt + ('庚区'.length - '偃师区'.length))), agency: '庚区卫生健康委员会', year: 2024 },
    unidentified: {
      file: put('unidentified.txt', '关于做好政府信息公开工作的几点说明\n\n本单位认真贯彻落实政府信息公开条例，主动公开各类信息。\n'),
      agency: null,
      year: null,
    },
    noTitle: { file: put('no-title.txt', seedAs('癸区卫生健康委员会').replace(/^癸区卫生健康委员会.*\n/m, '')), agency: null, year: 2024 },
    markup: { file: put('markup.md', withLinesAtEnd(seedAs('辛区卫生健康委员会'), MARKUP_LINES)), agency: '辛区卫生健康委员会', year: 2024 },
    xss: { file: put('xss.txt', withLinesAtEnd(seedAs('壬区卫生健康委员会'), [XSS_LINE])), agency: '壬区卫生健康委员会', year: 2024 },
  };
}

/** Copies the project's reports and agencies.yaml into a scratch root. */
export function copyProjectContent(project: string, root: string): string[] {
  mkdirSync(join(root, 'content/reports'), { recursive: true });
  // The five seed reports (000_….txt … 004_….txt), not the corpus reports bundled beside them: the scratch sites'
  // expectations (years 2020–2024, counts) are about the seeds plus the bad inputs.
  const files = readdirSync(join(project, 'content/reports')).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f));
  for (const f of files) copyFileSync(join(project, 'content/reports', f), join(root, 'content/reports', f));
  copyFileSync(join(project, 'content/agencies.yaml'), join(root, 'content/agencies.yaml'));
  return files.map((f) => `content/reports/${f}`);
}
