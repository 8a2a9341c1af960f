/**
 * Rows of named typed-array columns, each column a fixed number of numbers wide: the growable
 * storage of a rollout (its steps, its episodes, each sub-env's episode in progress).
 */

type Column = Float64Array | Uint8Array | Int32Array;
type ColumnType = Float64ArrayConstructor | Uint8ArrayConstructor | Int32ArrayConstructor;

/** Each column's element type and width (numbers per row). */
export type ColumnSpec<C extends Record<string, Column>> = { readonly [K in keyof C]: readonly [type: ColumnType, width: number] };

export class RowBuffer<C extends Record<string, Column>> {
  /** The columns, `capacity` rows each; rows at and beyond `rows` are scratch. */
  readonly columns: C;
  /** Rows written so far. */
  rows = 0;
  private capacity: number;

  constructor(
    private readonly spec: ColumnSpec<C>,
    capacity: number,
  ) {
    this.capacity = Math.max(1, capacity);
    const columns = {} as Record<string, Column>;
    for (const [name, [type, width]] of Object.entries(spec) as [string, readonly [ColumnType, number]][]) columns[name] = new type(this.capacity * width);
    this.columns = columns as C;
  }

  /** Makes room for `rows` rows, at least doubling when it grows; rows already written are kept. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    this.capacity = Math.max(rows, 2 * this.capacity);
    const columns = this.columns as Record<string, Column>;
    for (const [name, [type, width]] of Object.entries(this.spec) as [string, readonly [ColumnType, number]][]) {
      const grown = new type(this.capacity * width);
      grown.set(columns[name]);
      columns[name] = grown;
    }
  }

  /** Column `name`'s first `rows` rows, as a view. */
  written<K extends keyof C>(name: K): C[K] {
    const [, width] = this.spec[name];
    return this.columns[name].subarray(0, this.rows * width) as C[K];
  }
}
