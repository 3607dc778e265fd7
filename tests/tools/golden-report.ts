/** Dev aid: parse every golden fixture and print accuracy and each wrong cell. `node --experimental-strip-types tests/tools/golden-report.ts [filter]` */
import { parseReport } from '../../src/parser/index.ts';
import { labelledCells, loadFixtures } from '../parser/fixtures.ts';

const filter = process.argv[2] ?? '';
let total = 0;
let right = 0;
for (const folder of ['seeds', 'corpus'] as const) {
  for (const fx of loadFixtures(folder)) {
    if (filter && !fx.name.includes(filter)) continue;
    const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
    const cells = labelledCells(fx.expected);
    const wrong = cells.filter(([t, r, c, v]) => (rec.tables as Record<string, Record<string, Record<string, number | null>>>)[t]?.[r]?.[c] !== v);
    total += cells.length;
    right += cells.length - wrong.length;
    const metaOk = [fx.expected.agency, ...fx.expected.agencyAliases].includes(rec.agency.name ?? '') ? '' : ` AGENCY=${rec.agency.name}`;
    const yearOk = rec.year === fx.expected.year ? '' : ` YEAR=${rec.year}`;
    const tplOk = rec.template === fx.expected.template ? '' : ` TEMPLATE=${rec.template}`;
    const pc = fx.expected.facts?.proactiveCount?.value;
    const pcOk = pc === undefined || pc === null || rec.facts.proactiveCount?.value === pc ? '' : ` PROACTIVE=${rec.facts.proactiveCount?.value}`;
    console.log(`${folder}/${fx.name}: ${cells.length - wrong.length}/${cells.length}${metaOk}${yearOk}${tplOk}${pcOk}`);
    for (const [t, r, c, v] of wrong.slice(0, 12)) {
      const got = (rec.tables as Record<string, Record<string, Record<string, number | null>>>)[t]?.[r]?.[c];
      console.log(`   ${t}/${r}/${c}: expected ${v} got ${got}`);
    }
    if (process.argv.includes('--findings')) for (const f of rec.findings) console.log(`   ~ ${f.line}: ${f.severity} ${f.code} ${f.message}`);
  }
}
console.log(`TOTAL ${right}/${total} = ${((100 * right) / total).toFixed(2)}%`);
