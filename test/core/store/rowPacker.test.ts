// The one packer of core/store (core/store/rowPacker.ts), which record chunks and report packs are made with.
import { describe, expect, it } from 'vitest';
import { RowPacker } from '../../../core/store/rowPacker';

interface Item {
  slot: string;
  size: number;
  name: string;
}

function packer() {
  return new RowPacker<Item, { slot: string; names: string[] }>({
    slotOf: (item) => item.slot,
    sizeOf: (item) => item.size,
    capacity: 10,
    open: (first) => ({ slot: first.slot, names: [] }),
    put: (row, item) => row.names.push(item.name),
  });
}

const item = (slot: string, size: number, name: string): Item => ({ slot, size, name });

describe('RowPacker', () => {
  it('fills a row of a slot up to its capacity, gives a larger item a row of its own, and keeps order in each row', () => {
    const rows = packer();
    for (const next of [
      item('a', 4, 'a1'),
      item('b', 3, 'b1'),
      item('a', 6, 'a2'), // exactly full
      item('a', 1, 'a3'), // a new row
      item('b', 25, 'b2'), // past the capacity: the open row of b is finished, b2 has a row alone
      item('b', 1, 'b3'), // past it again: b2's row is finished
    ])
      rows.add(next);
    expect(rows.takeAll()).toEqual([
      { slot: 'a', names: ['a1', 'a2'] },
      { slot: 'b', names: ['b1'] },
      { slot: 'b', names: ['b2'] },
      { slot: 'a', names: ['a3'] },
      { slot: 'b', names: ['b3'] },
    ]);
    expect(rows.takeAll()).toEqual([]);
  });

  it('hands over the rows finished so far and the open ones the caller calls complete, and no others', () => {
    const rows = packer();
    rows.add(item('a', 8, 'a1'));
    rows.add(item('b', 1, 'b1'));
    rows.add(item('a', 8, 'a2'));
    expect(rows.takeWhere((row) => row.slot === 'b')).toEqual([
      { slot: 'a', names: ['a1'] },
      { slot: 'b', names: ['b1'] },
    ]);
    rows.add(item('b', 1, 'b2'));
    expect(rows.takeWhere((_row, slot) => slot === 'c')).toEqual([]);
    expect(rows.takeAll()).toEqual([
      { slot: 'a', names: ['a2'] },
      { slot: 'b', names: ['b2'] },
    ]);
  });
});
