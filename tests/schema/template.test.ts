/** The statutory template: one validated source (src/schema/template.ts); the docs/spec copy stays equal to it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { labelOf, resultRowIds, templateCells, templateFile, TEMPLATES } from '../../src/schema/template.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the statutory template module', () => {
  test('docs/spec/statutory-template.json is byte for byte the template the code reads', () => {
    expect(readFileSync(join(ROOT, 'docs/spec/statutory-template.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'src/schema/statutory-template.json'), 'utf8'));
  });
  test('both templates have the cell counts of the official forms (2019: 198, 2021: 200)', () => {
    expect(templateCells('2019')).toHaveLength(198);
    expect(templateCells('2021')).toHaveLength(200);
  });
  test('result rows run from （一）予以公开 to （六）其他处理', () => {
    expect(resultRowIds('2021')[0]).toBe('granted');
    expect(resultRowIds('2021').at(-1)).toBe('otherHandling.other');
    expect(resultRowIds('2019').at(-1)).toBe('otherHandling');
  });
  test('labels come from the template (the identities name columns by them)', () => {
    expect(labelOf('2021', 'requests', 'columns', 'naturalPerson')).toBe('自然人');
    expect(TEMPLATES['2019'].proactive.groups.flatMap((g) => g.columns).some((c) => c.signed)).toBe(true);
  });
  test('a malformed template is refused: a duplicated row id, a missing 总计 row', () => {
    const bad = structuredClone(TEMPLATES) as unknown as Record<string, { requests: { rows: Array<{ id: string; label: string }> } }>;
    bad['2021']!.requests.rows.push({ id: 'granted', label: '重复' });
    bad['2019']!.requests.rows = bad['2019']!.requests.rows.filter((r) => r.id !== 'total');
    const result = templateFile.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).join(' ');
    expect(messages).toContain('表三 rows: id "granted" twice');
    expect(messages).toContain('表三 has no row "total"');
  });
});
