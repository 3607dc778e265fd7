/**
 * parseReport: raw report text in, one record out. Pure: no fs, no clock, no Astro.
 * Stages: normalize → meta → sections → template → tables → facts → validate.
 */
import type { ReportRecord } from '../schema/record.ts';

export interface ParseOptions {
  /** Path shown in findings and stored in record.source.file. */
  file?: string;
  /** sha256 of the source bytes (computed by the caller, which owns the bytes). */
  sha256?: string;
  /** Encoding the caller decoded the bytes from. */
  encoding?: string;
}

export function parseReport(text: string, options: ParseOptions = {}): ReportRecord {
  const lines = text.split('\n');
  return {
    id: '',
    agency: { name: null, slug: '' },
    year: null,
    template: '2021',
    published: null,
    title: null,
    source: { file: options.file ?? '', sha256: options.sha256 ?? '', encoding: options.encoding ?? 'utf-8', lines: lines.length },
    sections: [],
    tables: { proactive: {}, requests: {}, review: {} },
    provenance: {},
    facts: { proactiveCount: null },
    findings: [],
  };
}
