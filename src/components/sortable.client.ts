/**
 * Progressive enhancement of server-rendered tables marked [data-sortable]: the sort buttons in the header cells
 * reorder the body rows by their cells' data-sort-value and update aria-sort. The comparison is src/lib/sort.ts.
 */
import { nextDirection, sortRows } from '../lib/sort.ts';

export function enhanceSortableTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const body = table.tBodies[0];
    if (!body) continue;
    const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
    for (const button of table.querySelectorAll<HTMLButtonElement>('button[data-sort-column]')) {
      button.addEventListener('click', () => {
        const column = Number(button.dataset['sortColumn']);
        const th = button.closest('th');
        const direction = nextDirection(th?.getAttribute('aria-sort'));
        const rows = sortRows([...body.rows], (row) => row.cells[column]?.dataset['sortValue'] ?? '', direction);
        body.append(...rows);
        for (const h of headers) h.removeAttribute('aria-sort');
        th?.setAttribute('aria-sort', direction);
      });
    }
  }
}
