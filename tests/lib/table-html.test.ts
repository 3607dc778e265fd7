/**
 * The statutory tables as HTML strings (src/lib/table-html.ts): untrusted printed values and correction reasons
 * come out escaped, and every value cell is tied to its headers and source line. The whole markup is pinned by the
 * golden files of tests/lib/table-golden.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { escapeAttribute, escapeHtml } from '../../src/lib/html.ts';
import { statTableHtml } from '../../src/lib/table-html.ts';
import { templateCells } from '../../src/lib/template.ts';
import { tableModel } from '../../src/lib/tables.ts';
import { makeRecord } from './helpers.ts';

describe('escaping', () => {
  test('text and attribute values escape & < > quote and apostrophe (html-escaper)', () => {
    expect(escapeHtml(`<img src=x onerror='a("1")'>&`)).toBe('&lt;img src=x onerror=&#39;a(&quot;1&quot;)&#39;&gt;&amp;');
    expect(escapeAttribute(`a "b" & <c>`)).toBe('a &quot;b&quot; &amp; &lt;c&gt;');
    expect(escapeHtml('平常文字')).toBe('平常文字');
  });
});

describe('statTableHtml', () => {
  const record = makeRecord({
    template: '2021',
    tables: { proactive: {}, requests: { newReceived: { total: 1234 } }, review: { adminReview: { upheld: null } } },
    provenance: {
      'requests/newReceived/total': { line: 7, raw: '1,234件' },
      'review/adminReview/upheld': { line: 9, raw: '<img src=x onerror=alert(1)>' },
    },
    corrections: [{ cell: 'requests/newReceived/total', printed: 1243, corrected: 1234, reason: '原件为 "1234" <b>粗</b>' }],
  });

  test('renders every template cell of the table, linked to its source line', () => {
    const html = statTableHtml(record, 'requests');
    const cells = templateCells('2021').filter((c) => c.table === 'requests').length;
    expect(html.match(/<td headers="/g)).toHaveLength(cells);
    expect(html).toContain('<a href="#L7" title="原文第 7 行，印作“1,234件”"><data value="1234">1,234</data></a>');
    expect(html.startsWith('<section id="table-requests" aria-labelledby="requests-title"><h2 id="requests-title">表三 ')).toBe(true);
    expect(html.endsWith('</table></div></section>')).toBe(true);
  });

  test.each(['2019', '2021'] as const)('template %s: every value cell names, by short ids, exactly the header cells the model gives it', (template) => {
    for (const table of ['proactive', 'requests', 'review'] as const) {
      const html = statTableHtml(makeRecord({ template }), table);
      const th = new Map([...html.matchAll(/<th id="([^"]+)"[^>]*>([^<]*)<\/th>/g)].map((m) => [m[1] as string, m[2] as string]));
      const model = tableModel(template, table);
      const modelText = new Map(model.head.concat(...model.bodies).flat().flatMap((c) => (c.kind === 'th' ? [[c.id, c.text] as const] : [])));
      const values = model.bodies.flat().flat().filter((c) => c.kind === 'td');
      const tds = [...html.matchAll(/<td headers="([^"]+)"/g)].map((m) => (m[1] as string).split(' '));
      expect(tds).toHaveLength(values.length);
      tds.forEach((ids, i) => {
        for (const id of ids) expect(id, `${table}: ${id}`).toMatch(/^t[234]-h\d+$/);
        expect(ids.map((id) => th.get(id))).toEqual((values[i] as { headers: readonly string[] }).headers.map((id) => modelText.get(id)));
      });
      expect(new Set(th.keys()).size).toBe([...html.matchAll(/<th id=/g)].length);
    }
  });

  test('shows a fee with every printed decimal (平潭综合实验区 2023: 5949.088667 万元)', () => {
    const fee = makeRecord({
      template: '2021',
      tables: { proactive: { fees: { amount: 5949.088667 } }, requests: {}, review: {} },
      provenance: { 'proactive/fees/amount': { line: 10 } },
    });
    expect(statTableHtml(fee, 'proactive')).toContain('<a href="#L10"><data value="5949.088667">5,949.088667</data></a>');
  });

  test('marks a corrected cell and escapes the reason', () => {
    const html = statTableHtml(record, 'requests');
    expect(html).toContain('class="corrected"');
    expect(html).toContain('<a class="fix" href="#correction-1" title="维护者更正：原文 1243，更正为 1234。理由：原件为 &quot;1234&quot; &lt;b&gt;粗&lt;/b&gt;">');
    expect(html).not.toContain('"1234" <b>');
  });

  test('never lets a printed value become markup', () => {
    const html = statTableHtml(record, 'review');
    expect(html).toContain('<span class="raw">原文：&lt;img src=x onerror=alert(1)&gt;</span>');
    // Attribute values are escaped like text: no tag survives anywhere.
    expect(html).toContain('title="原文第 9 行，印作“&lt;img src=x onerror=alert(1)&gt;”"');
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<img/);
  });
});
