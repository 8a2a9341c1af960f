import { type Shape, formatShape, rowsCols } from '../shape.js';

/**
 * Binary ops broadcast in two dimensions: every operand is seen as [rows, cols] (see rowsCols) and
 * may be full, one row (a bias [n]), one column ([m, 1]) or a scalar.
 */
export interface Broadcast {
  readonly shape: Shape;
  readonly rows: number;
  readonly cols: number;
  /** Element (i, j) of operand a is a[i * ai + j * aj]; likewise b. */
  readonly ai: number;
  readonly aj: number;
  readonly bi: number;
  readonly bj: number;
}

function fits(own: number, out: number): boolean {
  return own === out || own === 1;
}

export function broadcast(op: string, a: Shape, b: Shape): Broadcast {
  const [ra, ca] = rowsCols(a);
  const [rb, cb] = rowsCols(b);
  const rows = Math.max(ra, rb);
  const cols = Math.max(ca, cb);
  if (!fits(ra, rows) || !fits(rb, rows) || !fits(ca, cols) || !fits(cb, cols)) {
    throw new Error(`${op}: shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast (expected equal shapes, a row [${cols}], a column [${rows}, 1] or a scalar)`);
  }
  // The result keeps the shape of an operand that already spans it (the higher-rank one on a tie).
  const aSpans = ra === rows && ca === cols;
  const bSpans = rb === rows && cb === cols;
  let shape: Shape;
  if (aSpans && (!bSpans || a.length >= b.length)) shape = a;
  else if (bSpans) shape = b;
  else shape = [rows, cols];
  return {
    shape,
    rows,
    cols,
    ai: ra === 1 ? 0 : ca,
    aj: ca === 1 ? 0 : 1,
    bi: rb === 1 ? 0 : cb,
    bj: cb === 1 ? 0 : 1,
  };
}
