/** Test helpers: minimal valid records built through the schema, so tests never drift from the contract. */
import { BOM, CELL_COLUMNS, csvLine, recordCellLines } from '../../src/lib/csv.ts';
import { record, type ReportRecord } from '../../src/schema/record.ts';

export function makeRecord(over: Partial<ReportRecord> = {}): ReportRecord {
  return record.parse({
    id: 'test-agency/2021',
    agency: { name: '测试市卫生健康委员会', slug: 'test-agency' },
    year: 2021,
    template: '2021',
    published: null,
    title: null,
    source: { file: 'content/reports/test.txt', sha256: 'ab'.repeat(32), encoding: 'utf-8', lines: 10 },
    sections: [],
    tables: { proactive: {}, requests: {}, review: {} },
    provenance: {},
    facts: { proactiveCount: null },
    findings: [],
    ...over,
  });
}

/** A 表三 row with the same value in every applicant column and their sum in total. */
export function requestRow(perApplicant: number | null, total: number | null = perApplicant === null ? null : perApplicant * 6): Record<string, number | null> {
  return {
    naturalPerson: perApplicant,
    commercial: perApplicant,
    research: perApplicant,
    nonprofit: perApplicant,
    legalService: perApplicant,
    other: perApplicant,
    total,
  };
}

/**
 * The whole cells CSV of `records`, header first, built in memory: the reference the streamed open data
 * (scripts/open-data.ts) is compared with.
 */
export function cellsCsv(records: Iterable<Pick<ReportRecord, 'template' | 'tables' | 'agency' | 'year'>>): string {
  const lines: string[] = [csvLine([...CELL_COLUMNS])];
  for (const r of records) for (const line of recordCellLines(r)) lines.push(line);
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
