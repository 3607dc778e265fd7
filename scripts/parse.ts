/**
 * The command contract (docs/spec/REPORT_FORMAT.md): `npm run --silent parse -- [--json] FILE...`.
 * With --json, stdout is a JSON array of records, one per readable file, in input order; otherwise a summary per
 * file. Findings go to stderr as `<file>:<line>: <severity> <code> <message>`. Exit 0 when every file was read
 * (findings never fail it), 1 when a file could not be read or decoded (the other files are still reported),
 * 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { terminalSafe } from '../src/pipeline/terminal.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError, decodeFile, sha256Hex } from '../src/decode/index.ts';
import { parseAgenciesYaml } from '../src/lib/agencies.ts';
import { assignIds } from '../src/lib/assign.ts';
import { parseReport } from '../src/parser/index.ts';
import type { Finding, ReportRecord } from '../src/schema/record.ts';

const USAGE = 'usage: parse [--json] FILE...';

/** One finding as a compiler-style line; a finding about the whole report has no line number. */
function findingLine(file: string, f: Finding): string {
  const where = f.line === null ? `${file}:` : `${file}:${f.line}:`;
  const cell = f.cell === undefined ? '' : ` [${f.cell}]`;
  return `${where} ${f.severity} ${f.code} ${f.message}${cell}`;
}

function countCells(record: ReportRecord): { filled: number; total: number } {
  let filled = 0;
  let total = 0;
  for (const table of Object.values(record.tables)) {
    for (const row of Object.values(table)) {
      for (const value of Object.values(row)) {
        total++;
        if (value !== null) filled++;
      }
    }
  }
  return { filled, total };
}

function summary(record: ReportRecord): string[] {
  const { filled, total } = countCells(record);
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of record.findings) bySeverity[f.severity]++;
  return [
    `${record.source.file} (${record.source.encoding}, ${record.source.lines} lines)`,
    `  agency:   ${record.agency.name ?? '(unknown)'}`,
    `  year:     ${record.year ?? '(unknown)'}`,
    `  template: ${record.template}`,
    `  cells:    ${filled} of ${total} read`,
    `  findings: ${bySeverity.error} error, ${bySeverity.warning} warning, ${bySeverity.info} info`,
  ];
}

/** Why a file could not be read, naming the file. */
function readFailure(file: string, error: unknown): string {
  if (error instanceof DecodeError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot read (${error instanceof Error ? error.message : String(error)})`;
}

/** Reads, decodes and parses one file; a string is the reason it failed. */
function parseFile(file: string): ReportRecord | string {
  let decoded;
  let sha256;
  try {
    const bytes = readFileSync(file);
    sha256 = sha256Hex(bytes);
    decoded = decodeFile(bytes, file);
  } catch (error) {
    return readFailure(file, error);
  }
  try {
    return parseReport(decoded.text, { file, sha256, encoding: decoded.encoding, format: decoded.format });
  } catch (error) {
    return `${file}: parser failed (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * The record contract's `id` and agency slug (`<agency-slug>/<year>`), assigned as the site assigns them: pinyin by
 * default, content/agencies.yaml overrides and aliases when the project has that file.
 */
function withIds(records: readonly ReportRecord[]): ReportRecord[] {
  const yamlPath = join(import.meta.dirname, '..', 'content', 'agencies.yaml');
  const config = parseAgenciesYaml(existsSync(yamlPath) ? readFileSync(yamlPath, 'utf8') : '');
  return assignIds(records, config).assigned.map((a) => a.record);
}

function main(argv: string[]): number {
  let parsed;
  try {
    // node:util parseArgs: an unknown flag is an error; `--` ends the options (a file named `-x` after it is a file).
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    process.stderr.write(`${terminalSafe(`parse: ${(error as Error).message}`)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const json = parsed.values.json;
  const files = parsed.positionals;
  if (files.length === 0) {
    process.stderr.write(`parse: no input files\n${USAGE}\n`);
    return 2;
  }
  const records: ReportRecord[] = [];
  let failed = 0;
  for (const file of files) {
    const result = parseFile(file);
    if (typeof result === 'string') {
      failed++;
      process.stderr.write(`${terminalSafe(`parse: ${result}`)}\n`);
      continue;
    }
    records.push(result);
    for (const f of result.findings) process.stderr.write(`${terminalSafe(findingLine(file, f))}\n`);
    if (!json) process.stdout.write(`${summary(result).map(terminalSafe).join('\n')}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(withIds(records), null, 1)}\n`);
  if (failed > 0) process.stderr.write(`parse: ${failed} of ${files.length} files could not be read\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
