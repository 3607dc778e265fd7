/**
 * The value cells of a report page's statutory tables as the browser shows them, each named by the table's own
 * header association (td[headers] → th[id] carrying data-row / data-col): `table/row/column`.
 */
import type { Page } from 'playwright-core';

export interface ShownCell {
  readonly key: string;
  /** The <data value> of the cell (else its number as displayed: the page wraps it in <data> only when the two differ), or null when it shows no number. */
  readonly value: number | null;
  /** The number as displayed (the <data> element's text, or the cell link's own text), or null. */
  readonly text: string | null;
  /** The cell's link to its source line (`#L12`), or null. */
  readonly href: string | null;
}

export function officialCells(page: Page): Promise<ShownCell[]> {
  return page.$$eval('table.official td[headers]', (tds) =>
    tds.map((td) => {
      const ths = (td.getAttribute('headers') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id))
        .filter((el): el is HTMLElement => el !== null);
      const row = ths.map((th) => th.dataset['row']).filter(Boolean);
      const col = ths.map((th) => th.dataset['col']).filter(Boolean);
      const classes = td.closest('table')?.classList;
      const table = classes?.contains('proactive') ? 'proactive' : classes?.contains('requests') ? 'requests' : 'review';
      const data = td.querySelector('data');
      // Without <data>: the text of the cell's own link (or of the cell), not of its marks (推, 改) or notes.
      const holder = td.querySelector('a:not(.fix)') ?? td;
      const own = [...holder.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('');
      const text = data ? (data.textContent ?? '') : td.querySelector('.missing') || own === '' ? null : own;
      return {
        key: `${table}/${row.join('+')}/${col.join('+')}`,
        value: data ? Number(data.getAttribute('value')) : text === null ? null : Number(text),
        text,
        href: td.querySelector('a')?.getAttribute('href') ?? null,
      };
    }),
  );
}
