import assert from "node:assert/strict";
import { isMatrix, Matrix, ShapeError } from "./matrix.ts";

Deno.test("constructor: zeros by default, shares a Float64Array, copies other array-likes", () => {
  const z = new Matrix(2, 3);
  assert.deepEqual(Array.from(z.data), [0, 0, 0, 0, 0, 0]);
  const d = new Float64Array([1, 2]);
  assert.equal(new Matrix(1, 2, d).data, d);
  const plain = [1, 2];
  const m = new Matrix(2, 1, plain);
  plain[0] = 9;
  assert.equal(m.get(0, 0), 1);
});

Deno.test("constructor: wrong data length and bad dimensions name the shape", () => {
  assert.throws(() => new Matrix(2, 3, [1, 2]), /data has 2 entries, expected 2×3 = 6/);
  assert.throws(() => new Matrix(-1, 2), /rows must be a non-negative integer/);
  assert.throws(() => new Matrix(1.5, 2), RangeError);
});

Deno.test("from / toArray / row / col / get / set / clone", () => {
  const m = Matrix.from([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(m.shape, [2, 3]);
  assert.deepEqual(m.toArray(), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(m.row(1).toArray(), [[4, 5, 6]]);
  assert.deepEqual(m.col(2).toArray(), [[3], [6]]);
  const c = m.clone();
  c.set(0, 0, 7);
  assert.equal(m.get(0, 0), 1);
  assert.equal(c.get(0, 0), 7);
  assert.throws(() => m.get(2, 0), /\(2, 0\) is outside the 2×3 matrix/);
  assert.throws(() => Matrix.from([[1, 2], [3]]), /row 1 has 1 entries but row 0 has 2/);
});

Deno.test("vectors, full and identity", () => {
  assert.deepEqual(Matrix.rowVector([1, 2]).shape, [1, 2]);
  assert.deepEqual(Matrix.columnVector([1, 2]).shape, [2, 1]);
  assert.deepEqual(Matrix.full(1, 2, 3).toArray(), [[3, 3]]);
  assert.deepEqual(Matrix.identity(2).toArray(), [[1, 0], [0, 1]]);
});

Deno.test("matmul and transpose", () => {
  const a = Matrix.from([[1, 2], [3, 4], [5, 6]]);
  const b = Matrix.from([[1, 0, -1], [2, 1, 0]]);
  assert.deepEqual(a.matmul(b).toArray(), [[5, 2, -1], [11, 4, -3], [17, 6, -5]]);
  assert.deepEqual(a.T.toArray(), [[1, 3, 5], [2, 4, 6]]);
  assert.throws(() => a.matmul(a), /matmul: cannot multiply 3×2 by 3×2 \(inner dimensions 2 ≠ 3\)/);
  assert.ok(Number.isNaN(Matrix.from([[0]]).matmul(Matrix.from([[Infinity]])).get(0, 0)));
});

Deno.test("element-wise ops broadcast numbers, rows and columns", () => {
  const m = Matrix.from([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(m.add(1).toArray(), [[2, 3, 4], [5, 6, 7]]);
  assert.deepEqual(m.add(Matrix.rowVector([10, 20, 30])).toArray(), [[11, 22, 33], [14, 25, 36]]);
  assert.deepEqual(m.sub(Matrix.columnVector([1, 4])).toArray(), [[0, 1, 2], [0, 1, 2]]);
  assert.deepEqual(m.mul(m).toArray(), [[1, 4, 9], [16, 25, 36]]);
  assert.deepEqual(m.div(2).toArray(), [[0.5, 1, 1.5], [2, 2.5, 3]]);
  assert.throws(() => m.add(Matrix.rowVector([1, 2])), ShapeError);
  assert.throws(() => m.add(Matrix.rowVector([1, 2])), /add: cannot combine 2×3 with 1×2/);
  assert.deepEqual(m.toArray(), [[1, 2, 3], [4, 5, 6]], "operands unchanged");
});

Deno.test("unary maps", () => {
  const m = Matrix.from([[-1, 0, 2]]);
  assert.deepEqual(m.maximum(0).toArray(), [[0, 0, 2]]);
  assert.deepEqual(m.minimum(0).toArray(), [[-1, 0, 0]]);
  assert.deepEqual(m.abs().toArray(), [[1, 0, 2]]);
  assert.deepEqual(m.square().toArray(), [[1, 0, 4]]);
  assert.deepEqual(m.neg().toArray(), [[1, -0, -2]]);
  assert.deepEqual(m.exp().log().allClose(m), true);
  assert.deepEqual(Matrix.from([[4]]).sqrt().toArray(), [[2]]);
  assert.deepEqual(m.map((v, i, j) => v + 10 * i + 100 * j).toArray(), [[-1, 100, 202]]);
});

Deno.test("reductions", () => {
  const m = Matrix.from([[1, 5, 3], [4, 2, 6]]);
  assert.equal(m.sum(), 21);
  assert.equal(m.mean(), 3.5);
  assert.deepEqual(m.colSums().toArray(), [[5, 7, 9]]);
  assert.deepEqual(m.rowSums().toArray(), [[9], [12]]);
  assert.deepEqual(m.rowMax().toArray(), [[5], [6]]);
  assert.deepEqual(Array.from(m.rowArgmax()), [1, 2]);
  assert.deepEqual(m.colMax().toArray(), [[4, 5, 6]]);
  assert.equal(m.dot(m), 1 + 25 + 9 + 16 + 4 + 36);
  assert.deepEqual(Array.from(m.pick([2, 0])), [3, 4]);
  assert.throws(() => m.pick([0]), /pick: 1 indices for a 2×3 matrix/);
  assert.throws(() => m.pick([0, 3]), /index 3 of row 1 is outside 0..2/);
  assert.throws(() => m.dot(m.T), /dot: shapes differ: 2×3 and 3×2/);
  assert.throws(() => new Matrix(0, 3).rowMax(), /empty/);
});

Deno.test("equals, allClose, isMatrix, toString", () => {
  const m = Matrix.from([[1, 2]]);
  assert.ok(m.equals(Matrix.from([[1, 2]])));
  assert.ok(!m.equals(Matrix.from([[1], [2]])));
  assert.ok(m.allClose(Matrix.from([[1 + 1e-12, 2]])));
  assert.ok(!m.allClose(Matrix.from([[1.001, 2]])));
  assert.ok(isMatrix(m));
  assert.ok(!isMatrix({ rows: 1, cols: 2, data: new Float64Array(2) }));
  assert.match(m.toString(), /Matrix 1×2 \[\n {2}\[1, 2\]\n\]/);
});
