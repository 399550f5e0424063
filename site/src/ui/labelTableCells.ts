// On a phone a table is read as a card per row (styles.css): each cell then needs its column's name beside it. Cells a
// page labels itself (data-label) keep theirs; every other cell of a table with a header row is given the text of its
// column's header, and given it again when the headers change (another language). Attributes only: no markup is made.

/** Marks the labels written here, so that they follow their header and a page's own labels are never touched. */
const AUTO = 'data-label-auto';

function labelTable(table: HTMLTableElement): void {
  const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!headerRow) return;
  // Column index → header text, spans counted.
  const names: string[] = [];
  for (const cell of Array.from(headerRow.cells)) {
    const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < cell.colSpan; i++) names.push(text);
  }
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const name = names[column] ?? '';
        column += cell.colSpan;
        const own = cell.hasAttribute('data-label') && !cell.hasAttribute(AUTO);
        if (own || cell.getAttribute('data-label') === name) continue;
        if (name) {
          cell.setAttribute('data-label', name);
          cell.setAttribute(AUTO, '');
        } else if (cell.hasAttribute(AUTO)) {
          cell.removeAttribute('data-label');
          cell.removeAttribute(AUTO);
        }
      }
    }
  }
}

/** Where tables are cards (styles.css); elsewhere the labels are not shown, so no time is spent on them. */
const PHONE = '(max-width: 639.98px)';

/**
 * Labels the cells of every table in the document now and whenever the page changes (once per frame at most), while
 * the viewport is phone-sized.
 */
export function labelTableCells(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const phone = typeof matchMedia === 'function' ? matchMedia(PHONE) : undefined;
  let scheduled = false;
  const run = () => {
    scheduled = false;
    if (phone && !phone.matches) return;
    for (const table of Array.from(document.querySelectorAll('table'))) labelTable(table);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  };
  // Its own attribute changes are not watched, so labelling does not wake the observer again.
  new MutationObserver(schedule).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  phone?.addEventListener('change', schedule);
  schedule();
}
