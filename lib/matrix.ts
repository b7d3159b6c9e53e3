/**
 * A small dense matrix of float64 numbers, stored row-major in a `Float64Array`.
 *
 * Rows are examples and columns are features throughout the kit: a batch of N inputs with D
 * features is an N×D matrix, a weight matrix mapping D features to H outputs is D×H, and a bias
 * is a 1×H row that is added to every row of a batch. Vectors are matrices with one row (1×n) or
 * one column (n×1); every exercise says which it expects.
 *
 * Every operation returns a new matrix and leaves its operands unchanged, except
 * {@linkcode Matrix.set}, which writes one entry in place. Operations whose shapes do not fit
 * throw a {@linkcode ShapeError} that names the operation and both shapes.
 *
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * const X = Matrix.from([[1, 2], [3, 4], [5, 6]]); // 3×2: three examples, two features
 * const W = Matrix.from([[1, 0, -1], [0, 1, 2]]); // 2×3
 * const b = Matrix.rowVector([0.5, 0, -0.5]); // 1×3
 * const scores = X.matmul(W).add(b); // 3×3; b is added to every row
 * ```
 *
 * @module
 */

/** Thrown when the shapes of the operands do not fit the operation. */
export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShapeError";
  }
}

/** The shape of a matrix as text: "3×4". */
export function shapeOf(m: { rows: number; cols: number }): string {
  return `${m.rows}×${m.cols}`;
}

function checkDimension(op: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${op}: ${name} must be a non-negative integer, got ${n}`);
  }
}

/** An operand of an element-wise operation: a number, or a matrix that broadcasts. */
export type Operand = number | Matrix;

/** A rows×cols matrix of float64 numbers, row-major: entry (i, j) is `data[i * cols + j]`. */
export class Matrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The entries, row after row. Writing into it changes the matrix. */
  readonly data: Float64Array;

  /**
   * A rows×cols matrix. Without `data` it is all zeros; a `Float64Array` is used as it is (not
   * copied), any other array-like is copied. `data` must have rows·cols entries.
   */
  constructor(rows: number, cols: number, data?: ArrayLike<number>) {
    checkDimension("new Matrix", "rows", rows);
    checkDimension("new Matrix", "cols", cols);
    this.rows = rows;
    this.cols = cols;
    if (data === undefined) {
      this.data = new Float64Array(rows * cols);
    } else {
      if (data.length !== rows * cols) {
        throw new ShapeError(
          `new Matrix(${rows}, ${cols}, data): data has ${data.length} entries, expected ` +
            `${rows}×${cols} = ${rows * cols}`,
        );
      }
      this.data = data instanceof Float64Array ? data : Float64Array.from(data);
    }
  }

  /** A rows×cols matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A rows×cols matrix with every entry equal to `value`. */
  static full(rows: number, cols: number, value: number): Matrix {
    const m = new Matrix(rows, cols);
    m.data.fill(value);
    return m;
  }

  /** A matrix from nested arrays, one inner array per row: `Matrix.from([[1, 2], [3, 4]])`. */
  static from(rows: readonly (readonly number[])[]): Matrix {
    const r = rows.length;
    const c = r === 0 ? 0 : rows[0].length;
    const m = new Matrix(r, c);
    for (let i = 0; i < r; i++) {
      if (rows[i].length !== c) {
        throw new ShapeError(
          `Matrix.from: row ${i} has ${rows[i].length} entries but row 0 has ${c}`,
        );
      }
      for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i][j];
    }
    return m;
  }

  /** A 1×n matrix (a row vector) holding a copy of `values`. */
  static rowVector(values: ArrayLike<number>): Matrix {
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  /** An n×1 matrix (a column vector) holding a copy of `values`. */
  static columnVector(values: ArrayLike<number>): Matrix {
    return new Matrix(values.length, 1, Float64Array.from(values));
  }

  /** The n×n identity matrix. */
  static identity(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** Number of entries, rows·cols. */
  get size(): number {
    return this.data.length;
  }

  /** The shape as `[rows, cols]`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Entry (i, j), counting from 0. */
  get(i: number, j: number): number {
    this.#checkIndex("get", i, j);
    return this.data[i * this.cols + j];
  }

  /** Writes `value` into entry (i, j) in place (the only operation that changes a matrix). */
  set(i: number, j: number, value: number): void {
    this.#checkIndex("set", i, j);
    this.data[i * this.cols + j] = value;
  }

  /** A copy that shares nothing with this matrix. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** The entries as nested arrays, one per row. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    }
    return out;
  }

  /** Row i as a new 1×cols matrix. */
  row(i: number): Matrix {
    this.#checkIndex("row", i, 0, true);
    return new Matrix(1, this.cols, this.data.slice(i * this.cols, (i + 1) * this.cols));
  }

  /** Column j as a new rows×1 matrix. */
  col(j: number): Matrix {
    this.#checkIndex("col", 0, j, false, true);
    const out = new Matrix(this.rows, 1);
    for (let i = 0; i < this.rows; i++) out.data[i] = this.data[i * this.cols + j];
    return out;
  }

  /** The matrix product this·other: (r×k)·(k×c) → r×c. */
  matmul(other: Matrix): Matrix {
    if (this.cols !== other.rows) {
      throw new ShapeError(
        `matmul: cannot multiply ${shapeOf(this)} by ${shapeOf(other)} ` +
          `(inner dimensions ${this.cols} ≠ ${other.rows})`,
      );
    }
    const r = this.rows, k = this.cols, c = other.cols;
    const out = new Matrix(r, c);
    const a = this.data, b = other.data, o = out.data;
    for (let i = 0; i < r; i++) {
      const oi = i * c;
      for (let p = 0; p < k; p++) {
        const aip = a[i * k + p];
        const bp = p * c;
        for (let j = 0; j < c; j++) o[oi + j] += aip * b[bp + j];
      }
    }
    return out;
  }

  /** The transpose: a cols×rows matrix with entry (j, i) equal to this entry (i, j). */
  transpose(): Matrix {
    const r = this.rows, c = this.cols;
    const out = new Matrix(c, r);
    const a = this.data, o = out.data;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < c; j++) o[j * r + i] = a[i * c + j];
    }
    return out;
  }

  /** The transpose (same as {@linkcode Matrix.transpose}). */
  get T(): Matrix {
    return this.transpose();
  }

  /**
   * Element-wise sum. `other` may be a number, a matrix of the same shape, a 1×cols row (added
   * to every row) or a rows×1 column (added to every column).
   */
  add(other: Operand): Matrix {
    return this.#zip("add", other, (a, b) => a + b);
  }

  /** Element-wise difference, broadcasting like {@linkcode Matrix.add}. */
  sub(other: Operand): Matrix {
    return this.#zip("sub", other, (a, b) => a - b);
  }

  /** Element-wise product (not the matrix product: see {@linkcode Matrix.matmul}), broadcasting like {@linkcode Matrix.add}. */
  mul(other: Operand): Matrix {
    return this.#zip("mul", other, (a, b) => a * b);
  }

  /** Element-wise quotient, broadcasting like {@linkcode Matrix.add}. */
  div(other: Operand): Matrix {
    return this.#zip("div", other, (a, b) => a / b);
  }

  /** A new matrix with `fn(value, i, j)` at every entry (i, j). */
  map(fn: (value: number, i: number, j: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    const c = this.cols, a = this.data, o = out.data;
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < c; j++) o[i * c + j] = fn(a[i * c + j], i, j);
    }
    return out;
  }

  /** −x at every entry. */
  neg(): Matrix {
    return this.#unary((x) => -x);
  }

  /** eˣ at every entry. */
  exp(): Matrix {
    return this.#unary(Math.exp);
  }

  /** The natural logarithm at every entry. */
  log(): Matrix {
    return this.#unary(Math.log);
  }

  /** |x| at every entry. */
  abs(): Matrix {
    return this.#unary(Math.abs);
  }

  /** x² at every entry. */
  square(): Matrix {
    return this.#unary((x) => x * x);
  }

  /** √x at every entry. */
  sqrt(): Matrix {
    return this.#unary(Math.sqrt);
  }

  /** max(x, s) at every entry: `m.maximum(0)` is the ReLU. */
  maximum(s: number): Matrix {
    return this.#unary((x) => (x > s ? x : s));
  }

  /** min(x, s) at every entry. */
  minimum(s: number): Matrix {
    return this.#unary((x) => (x < s ? x : s));
  }

  /** The sum of all entries. */
  sum(): number {
    let s = 0;
    const a = this.data;
    for (let i = 0; i < a.length; i++) s += a[i];
    return s;
  }

  /** The mean of all entries. */
  mean(): number {
    if (this.size === 0) throw new ShapeError(`mean: the matrix is empty (${shapeOf(this)})`);
    return this.sum() / this.size;
  }

  /** The sum of each column, as a 1×cols row (summing over the examples of a batch). */
  colSums(): Matrix {
    const out = new Matrix(1, this.cols);
    const c = this.cols, a = this.data, o = out.data;
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < c; j++) o[j] += a[i * c + j];
    }
    return out;
  }

  /** The sum of each row, as a rows×1 column. */
  rowSums(): Matrix {
    const out = new Matrix(this.rows, 1);
    const c = this.cols, a = this.data;
    for (let i = 0; i < this.rows; i++) {
      let s = 0;
      for (let j = 0; j < c; j++) s += a[i * c + j];
      out.data[i] = s;
    }
    return out;
  }

  /** The largest entry of each row, as a rows×1 column. */
  rowMax(): Matrix {
    this.#checkNotEmpty("rowMax");
    const out = new Matrix(this.rows, 1);
    const idx = this.rowArgmax();
    for (let i = 0; i < this.rows; i++) out.data[i] = this.data[i * this.cols + idx[i]];
    return out;
  }

  /** The column index of the largest entry of each row (the first one on a tie). */
  rowArgmax(): Int32Array {
    this.#checkNotEmpty("rowArgmax");
    const out = new Int32Array(this.rows);
    const c = this.cols, a = this.data;
    for (let i = 0; i < this.rows; i++) {
      let best = 0;
      for (let j = 1; j < c; j++) if (a[i * c + j] > a[i * c + best]) best = j;
      out[i] = best;
    }
    return out;
  }

  /** The largest entry of each column, as a 1×cols row. */
  colMax(): Matrix {
    this.#checkNotEmpty("colMax");
    const out = this.row(0);
    const c = this.cols, a = this.data, o = out.data;
    for (let i = 1; i < this.rows; i++) {
      for (let j = 0; j < c; j++) if (a[i * c + j] > o[j]) o[j] = a[i * c + j];
    }
    return out;
  }

  /** Σ this(i,j)·other(i,j) over all entries; the shapes must be equal. */
  dot(other: Matrix): number {
    this.#checkSameShape("dot", other);
    let s = 0;
    const a = this.data, b = other.data;
    for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  /**
   * One entry per row: entry (i, indices[i]). With class labels as indices this picks each
   * example's score for its correct class.
   */
  pick(indices: ArrayLike<number>): Float64Array {
    if (indices.length !== this.rows) {
      throw new ShapeError(
        `pick: ${indices.length} indices for a ${shapeOf(this)} matrix (one per row needed)`,
      );
    }
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      const j = indices[i];
      if (!Number.isInteger(j) || j < 0 || j >= this.cols) {
        throw new RangeError(`pick: index ${j} of row ${i} is outside 0..${this.cols - 1}`);
      }
      out[i] = this.data[i * this.cols + j];
    }
    return out;
  }

  /** True when `other` has the same shape and exactly the same entries. */
  equals(other: Matrix): boolean {
    if (this.rows !== other.rows || this.cols !== other.cols) return false;
    for (let i = 0; i < this.size; i++) if (!Object.is(this.data[i], other.data[i])) return false;
    return true;
  }

  /** True when the shapes are equal and every |a − b| ≤ atol + rtol·|b|. */
  allClose(other: Matrix, rtol = 1e-9, atol = 1e-12): boolean {
    if (this.rows !== other.rows || this.cols !== other.cols) return false;
    for (let i = 0; i < this.size; i++) {
      const a = this.data[i], b = other.data[i];
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) return false;
    }
    return true;
  }

  /** The entries as text, one row per line. */
  toString(): string {
    const rows = this.toArray().map((r) => "  [" + r.map((v) => formatEntry(v)).join(", ") + "]");
    return `Matrix ${shapeOf(this)} [\n${rows.join(",\n")}\n]`;
  }

  /** How `console.log` shows a matrix. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  #unary(fn: (x: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    const a = this.data, o = out.data;
    for (let i = 0; i < a.length; i++) o[i] = fn(a[i]);
    return out;
  }

  #zip(op: string, other: Operand, fn: (a: number, b: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    const a = this.data, o = out.data, r = this.rows, c = this.cols;
    if (typeof other === "number") {
      for (let i = 0; i < a.length; i++) o[i] = fn(a[i], other);
      return out;
    }
    if (!(other instanceof Matrix)) {
      throw new TypeError(`${op}: expected a number or a Matrix, got ${typeof other}`);
    }
    const b = other.data;
    if (other.rows === r && other.cols === c) {
      for (let i = 0; i < a.length; i++) o[i] = fn(a[i], b[i]);
    } else if (other.rows === 1 && other.cols === c) {
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < c; j++) o[i * c + j] = fn(a[i * c + j], b[j]);
      }
    } else if (other.cols === 1 && other.rows === r) {
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < c; j++) o[i * c + j] = fn(a[i * c + j], b[i]);
      }
    } else {
      throw new ShapeError(
        `${op}: cannot combine ${shapeOf(this)} with ${shapeOf(other)} (the second operand ` +
          `must be a number, ${shapeOf(this)}, a 1×${c} row or a ${r}×1 column)`,
      );
    }
    return out;
  }

  #checkIndex(op: string, i: number, j: number, rowOnly = false, colOnly = false): void {
    const badRow = !colOnly && !(Number.isInteger(i) && i >= 0 && i < this.rows);
    const badCol = !rowOnly && !(Number.isInteger(j) && j >= 0 && j < this.cols);
    if (badRow || badCol) {
      const at = rowOnly ? `row ${i}` : colOnly ? `column ${j}` : `(${i}, ${j})`;
      throw new RangeError(`${op}: ${at} is outside the ${shapeOf(this)} matrix`);
    }
  }

  #checkSameShape(op: string, other: Matrix): void {
    if (this.rows !== other.rows || this.cols !== other.cols) {
      throw new ShapeError(`${op}: shapes differ: ${shapeOf(this)} and ${shapeOf(other)}`);
    }
  }

  #checkNotEmpty(op: string): void {
    if (this.rows === 0 || this.cols === 0) {
      throw new ShapeError(`${op}: the matrix is empty (${shapeOf(this)})`);
    }
  }
}

function formatEntry(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-4) ? v.toExponential(4) : String(+v.toFixed(6));
}

/** True when `value` is a {@linkcode Matrix}. */
export function isMatrix(value: unknown): value is Matrix {
  return value instanceof Matrix;
}
