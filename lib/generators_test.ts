import assert from "node:assert/strict";
import {
  binaryHingeScores,
  classificationData,
  classLabels,
  distinctRows,
  distinctSizes,
  hingeScores,
  randomMatrix,
  regressionData,
  reluSafeAffine,
  signLabels,
  uniformMatrix,
} from "./generators.ts";
import { Rng } from "./random.ts";

Deno.test("randomMatrix: shape, scale, mean and gap", () => {
  const m = randomMatrix(new Rng(1), 50, 40, { scale: 2, mean: 0, gap: 0.5 });
  assert.deepEqual(m.shape, [50, 40]);
  assert.ok(m.data.every((v) => Math.abs(v) >= 0.5));
  const s = randomMatrix(new Rng(2), 100, 100, { scale: 3, mean: 5 });
  assert.ok(Math.abs(s.mean() - 5) < 0.1);
  assert.deepEqual(randomMatrix(new Rng(3), 2, 2).data, randomMatrix(new Rng(3), 2, 2).data);
});

Deno.test("uniformMatrix stays in range", () => {
  const m = uniformMatrix(new Rng(1), 10, 10, -1, 2);
  assert.ok(m.data.every((v) => v >= -1 && v < 2));
});

Deno.test("distinctRows: no two entries of a row closer than the gap", () => {
  const m = distinctRows(new Rng(4), 30, 6, { scale: 1, gap: 0.1 });
  for (let i = 0; i < m.rows; i++) {
    const r = Array.from(m.row(i).data).sort((a, b) => a - b);
    for (let j = 1; j < r.length; j++) assert.ok(r[j] - r[j - 1] >= 0.1 - 1e-12);
  }
  // The maximum is not always in the same column.
  assert.ok(new Set(m.rowArgmax()).size > 1);
});

Deno.test("classLabels: in range and every class present", () => {
  const y = classLabels(new Rng(5), 7, 5);
  assert.ok(y.every((v) => v >= 0 && v < 5));
  assert.equal(new Set(y).size, 5);
  assert.throws(() => classLabels(new Rng(5), 0, 3), /n must be a positive integer/);
});

Deno.test("signLabels: only ±1, both present", () => {
  const y = signLabels(new Rng(6), 9);
  assert.ok(y.every((v) => v === 1 || v === -1));
  assert.equal(new Set(y).size, 2);
});

Deno.test("regressionData: targets are X·w plus small noise", () => {
  const { X, y, w } = regressionData(new Rng(7), { n: 40, dim: 3, noise: 0.01 });
  assert.deepEqual([X.shape, y.shape, w.shape], [[40, 3], [40, 1], [3, 1]]);
  assert.ok(X.matmul(w).allClose(y, 0, 0.05));
});

Deno.test("classificationData: well-separated classes are mostly nearest to their own mean", () => {
  const { X, y } = classificationData(new Rng(8), { n: 90, dim: 2, classes: 3, separation: 10 });
  assert.deepEqual(X.shape, [90, 2]);
  assert.equal(new Set(y).size, 3);
  const means = [0, 1, 2].map((c) => {
    const rows = [...y.keys()].filter((i) => y[i] === c);
    return [0, 1].map((d) => rows.reduce((s, i) => s + X.get(i, d), 0) / rows.length);
  });
  let right = 0;
  for (let i = 0; i < 90; i++) {
    const dist = means.map((m) => (X.get(i, 0) - m[0]) ** 2 + (X.get(i, 1) - m[1]) ** 2);
    if (dist.indexOf(Math.min(...dist)) === y[i]) right++;
  }
  assert.ok(right >= 80, `${right} of 90`);
});

Deno.test("hingeScores: every margin term is away from 0, some violated, some met", () => {
  const rng = new Rng(9);
  const y = classLabels(rng, 40, 4);
  const s = hingeScores(rng, y, 4, { gap: 0.1 });
  let violated = 0, met = 0;
  for (let i = 0; i < 40; i++) {
    for (let j = 0; j < 4; j++) {
      if (j === y[i]) continue;
      const term = s.get(i, j) - s.get(i, y[i]) + 1;
      assert.ok(Math.abs(term) >= 0.1);
      if (term > 0) violated++;
      else met++;
    }
  }
  assert.ok(violated > 0 && met > 0);
  const all = hingeScores(rng, y, 4, { met: true, gap: 0.1 });
  for (let i = 0; i < 40; i++) {
    for (let j = 0; j < 4; j++) {
      if (j !== y[i]) assert.ok(all.get(i, j) - all.get(i, y[i]) + 1 <= -0.1);
    }
  }
});

Deno.test("binaryHingeScores: margins away from 0; met makes them all met", () => {
  const rng = new Rng(10);
  const y = signLabels(rng, 50);
  const s = binaryHingeScores(rng, y, { gap: 0.1 });
  const terms = y.map((yi, i) => 1 - yi * s.data[i]);
  assert.ok(terms.every((t) => Math.abs(t) >= 0.1));
  assert.ok(terms.some((t) => t > 0) && terms.some((t) => t < 0));
  const m = binaryHingeScores(rng, y, { met: true, gap: 0.1 });
  assert.ok(y.every((yi, i) => 1 - yi * m.data[i] <= -0.1));
});

Deno.test("reluSafeAffine: pre-activations away from 0, both signs, non-zero bias", () => {
  const { X, W, b, minAbs } = reluSafeAffine(new Rng(11), {
    n: 20,
    inDim: 7,
    outDim: 30,
    gap: 1e-2,
  });
  const z = X.matmul(W).add(b);
  assert.ok(z.data.every((v) => Math.abs(v) >= 1e-2));
  assert.equal(minAbs, Math.min(...z.data.map(Math.abs)));
  assert.ok(z.data.some((v) => v > 0) && z.data.some((v) => v < 0));
  assert.ok(b.data.every((v) => v !== 0));
});

Deno.test("distinctSizes: pairwise different, in range; refuses an impossible request", () => {
  const s = distinctSizes(new Rng(12), 4, 2, 6);
  assert.equal(new Set(s).size, 4);
  assert.ok(s.every((v) => v >= 2 && v <= 6));
  assert.throws(() => distinctSizes(new Rng(12), 4, 2, 4), /fewer than 4 integers/);
});
