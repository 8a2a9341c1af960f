// The page's number formats and GFM tables, shared by its sections: fixed digits, "n/a" for what
// cannot be computed, so the same logs give the same bytes.
import type { MeanInterval } from './statistics.js';

export const num = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

/** Mean ± half-width of the 95% interval; a lone value without one. */
export const interval = (m: MeanInterval, digits: number): string =>
  m.n === 0 ? 'n/a' : Number.isNaN(m.halfWidth) ? num(m.mean, digits) : `${num(m.mean, digits)} ± ${num(m.halfWidth, digits)}`;

export const pValue = (p: number | null): string => (p === null ? 'n/a' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `align`: one letter a column, r right-aligned, anything else left. */
export function table(header: readonly string[], align: string, rows: readonly (readonly string[])[]): string[] {
  return [row(header), row(align.split('').map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)];
}
