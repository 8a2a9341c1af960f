import { describe, expect, it } from 'vitest';
import { RowBuffer } from '../../src/rl/row-buffer.js';

describe('RowBuffer', () => {
  it('keeps written rows of every column when it grows, at least doubling, and shows only written rows', () => {
    const b = new RowBuffer<{ xy: Float64Array; flag: Uint8Array }>({ xy: [Float64Array, 2], flag: [Uint8Array, 1] }, 2);
    b.columns.xy.set([1, 2, 3, 4]);
    b.columns.flag.set([1, 0]);
    b.rows = 2;
    b.reserve(2);
    expect(b.columns.xy.length).toBe(4); // no growth needed
    b.reserve(3);
    expect([b.columns.xy.length, b.columns.flag.length]).toEqual([8, 4]); // doubled: 4 rows
    b.columns.xy.set([5, 6], 4);
    b.columns.flag[2] = 1;
    b.rows = 3;
    b.reserve(9);
    expect(b.columns.flag.length).toBe(9); // more than double asked: exactly what was asked
    expect(Array.from(b.written('xy'))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(b.written('flag'))).toEqual([1, 0, 1]);
    expect(b.written('flag')).toBeInstanceOf(Uint8Array);
  });
});
