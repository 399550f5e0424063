// Items packed into rows by slot (record digests into chunks, reports into packs): each slot has one open row, which
// is finished when the next item would take it past its capacity; rows are handed over as the caller says they are
// complete.

export interface PackingRules<Item, Row> {
  /** The slot an item goes in: items of one slot share rows. */
  slotOf(item: Item): string;
  /** How much of a row's capacity an item takes. */
  sizeOf(item: Item): number;
  /** How much one row holds; a larger item gets a row of its own. */
  capacity: number;
  /** A new row for `first`, not yet holding it. */
  open(first: Item): Row;
  /** Adds `item` to `row`. */
  put(row: Row, item: Item): void;
}

/** Packs items into rows by slot, in the order given within each row. */
export class RowPacker<Item, Row> {
  readonly #open = new Map<string, { row: Row; size: number }>();
  readonly #done: Row[] = [];

  constructor(private readonly rules: PackingRules<Item, Row>) {}

  add(item: Item): void {
    const slot = this.rules.slotOf(item);
    const size = this.rules.sizeOf(item);
    let open = this.#open.get(slot);
    if (open && open.size + size > this.rules.capacity) {
      this.#finish(slot, open.row);
      open = undefined;
    }
    if (!open) {
      open = { row: this.rules.open(item), size: 0 };
      this.#open.set(slot, open);
    }
    this.rules.put(open.row, item);
    open.size += size;
  }

  /** Finishes the open rows for which `complete` holds, and hands over every finished row. */
  takeWhere(complete: (row: Row, slot: string) => boolean): Row[] {
    for (const [slot, { row }] of this.#open) if (complete(row, slot)) this.#finish(slot, row);
    return this.#done.splice(0);
  }

  /** Every row packed so far. */
  takeAll(): Row[] {
    return this.takeWhere(() => true);
  }

  #finish(slot: string, row: Row): void {
    this.#open.delete(slot);
    this.#done.push(row);
  }
}
