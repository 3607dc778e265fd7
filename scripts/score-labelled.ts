import { parseReport } from '../src/parser/index.ts';
import { labelledCells, loadFixtures } from '../tests/parser/fixtures.ts';
let T=0,W=0,Wrong=0;
for (const folder of ['seeds','corpus'] as const) for (const fx of loadFixtures(folder)) {
  const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
  const cells = labelledCells(fx.expected); let miss=[] as string[], wrong=[] as string[];
  for (const [t,r,c,v] of cells) { const got=(rec.tables as any)[t]?.[r]?.[c]; if (got!==v) { miss.push(`${t}/${r}/${c}=${got}≠${v}`); if (got!==null && got!==undefined) wrong.push(`${t}/${r}/${c}`);} }
  T+=cells.length; W+=miss.length; Wrong+=wrong.length;
  const pc = rec.facts.proactiveCount; const ep = fx.expected.facts?.proactiveCount;
  console.log(fx.name, `${cells.length-miss.length}/${cells.length}`, 'wrong', wrong.length, '| agency', rec.agency.name, fx.expected.agency===rec.agency.name||fx.expected.agencyAliases.includes(rec.agency.name!)?'ok':'BAD:'+fx.expected.agency, rec.year, rec.template, fx.expected.template===rec.template?'':'TPLBAD', '| pc', pc?.value, 'exp', ep?.value, pc?.value===ep?.value?'ok':'BAD', '| pub', rec.published);
  if (miss.length && miss.length<20) console.log('   ', miss.join(' '));
}
console.log('TOTAL', T-W, '/', T, 'wrong', Wrong);
