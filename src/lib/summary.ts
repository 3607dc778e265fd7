/** A report's summary (src/schema/summary.ts) from its full record: computed once, by build-data. Pure. */
import type { ReportRecord } from '../schema/record.ts';
import type { ReportSummary } from '../schema/summary.ts';
import { cellsRead, countBySeverity, isAnomaly } from './findings.ts';
import { keyFigures } from './rates.ts';

export function summarize(record: ReportRecord): ReportSummary {
  return {
    id: record.id,
    agency: record.agency,
    year: record.year,
    template: record.template,
    published: record.published,
    figures: keyFigures(record),
    cells: cellsRead(record),
    anomalies: record.findings.filter(isAnomaly).length,
    findings: countBySeverity(record.findings),
  };
}
