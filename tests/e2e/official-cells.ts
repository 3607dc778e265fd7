/**
 * The value cells of a report page's statutory tables as the browser shows them, each named by the table's own
 * header association (td[headers] → th[id] carrying data-row / data-col): `table/row/column`.
 */
import type { Page } from 'playwright-core';

export interface ShownCell {
  readonly key: string;
  /** The <data value> of the cell, or null when it shows no number. */
  readonly value: number | null;
  /** The number as displayed (the <data> element's text), or null. */
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
      return {
        key: `${table}/${row.join('+')}/${col.join('+')}`,
        value: data ? Number(data.getAttribute('value')) : null,
        text: data ? (data.textContent ?? '') : null,
        href: td.querySelector('a')?.getAttribute('href') ?? null,
      };
    }),
  );
}
