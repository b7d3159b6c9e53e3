import assert from "node:assert/strict";
import { Rng } from "@gradkit/lib";
import { accurateSlope, numericalBackwardEvidence, roundingNoise } from "./numerical_backward.ts";

/** A curved loss of a 4×5 input: softmax cross-entropy of its rows, label 0. */
function softmaxLoss(x: Float64Array, cols = 5): number {
  let total = 0;
  for (let r = 0; r < x.length / cols; r++) {
    let m = -Infinity;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[r * cols + j]);
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[r * cols + j] - m);
    total += Math.log(s) - (x[r * cols] - m);
  }
  return total / (x.length / cols);
}

/** Its derived gradient. */
function softmaxGradient(x: Float64Array, cols = 5): Float64Array {
  const g = new Float64Array(x.length);
  const n = x.length / cols;
  for (let r = 0; r < n; r++) {
    let m = -Infinity;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[r * cols + j]);
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[r * cols + j] - m);
    for (let j = 0; j < cols; j++) {
      g[r * cols + j] = (Math.exp(x[r * cols + j] - m) / s - (j === 0 ? 1 : 0)) / n;
    }
  }
  return g;
}

/** A learner's finite difference of `f` at `x`: centered or one-sided, with step `h`. */
function finiteDifference(
  f: (x: Float64Array) => number,
  x: Float64Array,
  h: number,
  centered: boolean,
): Float64Array {
  const m = Float64Array.from(x);
  const g = new Float64Array(x.length);
  const base = f(m);
  for (let i = 0; i < m.length; i++) {
    const old = m[i];
    m[i] = old + h;
    const up = f(m);
    m[i] = old - h;
    const down = f(m);
    m[i] = old;
    g[i] = centered ? (up - down) / (2 * h) : (up - base) / h;
  }
  return g;
}

function randomInput(seed: number, n: number, scale = 2): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => rng.uniform(-scale, scale));
}

Deno.test("a derived gradient is not flagged; finite differences with steps 1e-3 to 1e-8 are", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const x = randomInput(seed, 20);
    const f = () => softmaxLoss(x);
    const derived = numericalBackwardEvidence(f, [x], [softmaxGradient(x)]);
    assert.equal(derived.numerical, false, `seed ${seed}: ${JSON.stringify(derived)}`);
    for (const h of [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]) {
      for (const centered of [true, false]) {
        const fd = finiteDifference((m) => softmaxLoss(m), x, h, centered);
        const e = numericalBackwardEvidence(f, [x], [fd]);
        assert.equal(e.numerical, true, `seed ${seed}, h ${h}, centered ${centered}`);
      }
    }
  }
});

Deno.test("a linear function: exact gradient not flagged, a finite difference with h = 1e-5 flagged", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const x = randomInput(seed, 12);
    const w = randomInput(seed + 100, 12);
    const lin = (m: Float64Array) => {
      let s = 0;
      for (let i = 0; i < m.length; i++) s += w[i] * m[i];
      return s;
    };
    const f = () => lin(x);
    assert.equal(numericalBackwardEvidence(f, [x], [Float64Array.from(w)]).numerical, false);
    const fd = finiteDifference(lin, x, 1e-5, true);
    assert.equal(numericalBackwardEvidence(f, [x], [fd]).numerical, true, `seed ${seed}`);
  }
});

Deno.test("kinks near the point: the large steps cross them, and a derived gradient is not flagged", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rng = new Rng(seed);
    // |x_i| with x_i 1%–5% of the scale away from the kink at 0, plus a curved term.
    const x = Float64Array.from({ length: 10 }, () => rng.sign() * rng.uniform(0.01, 0.05));
    const f = () => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += Math.abs(x[i]) + 0.5 * x[i] * x[i] * x[i];
      return s;
    };
    const g = Float64Array.from(x, (v) => Math.sign(v) + 1.5 * v * v);
    const e = numericalBackwardEvidence(f, [x], [g]);
    assert.equal(e.numerical, false, `seed ${seed}: ${JSON.stringify(e)}`);
  }
});

Deno.test("several arrays at once, and every array restored bit for bit", () => {
  const a = randomInput(3, 10);
  const b = randomInput(4, 10);
  const before = [Float64Array.from(a), Float64Array.from(b)];
  const f = () => softmaxLoss(a) + 0.25 * softmaxLoss(b);
  const gb = softmaxGradient(b).map((v) => 0.25 * v);
  assert.equal(numericalBackwardEvidence(f, [a, b], [softmaxGradient(a), gb]).numerical, false);
  const fdB = finiteDifference((m) => 0.25 * softmaxLoss(m), b, 1e-5, true);
  assert.equal(numericalBackwardEvidence(f, [a, b], [softmaxGradient(a), fdB]).numerical, true);
  assert.deepEqual([a, b], before);
});

Deno.test("accurateSlope and roundingNoise restore x even when f throws", () => {
  const x = new Float64Array([0.1, 0.2]);
  let calls = 0;
  const f = () => {
    if (++calls > 3) throw new Error("boom");
    return x[0] * x[1];
  };
  assert.throws(() => accurateSlope(f, x, 0, 0.01), /boom/);
  assert.deepEqual(x, new Float64Array([0.1, 0.2]));
  calls = 0;
  assert.throws(() => roundingNoise(f, x, 1, 0.02, 0.2), /boom/);
  assert.deepEqual(x, new Float64Array([0.1, 0.2]));
});

Deno.test("accurateSlope is accurate to rounding on a smooth function", () => {
  const x = new Float64Array([0.7]);
  const { slope, error } = accurateSlope(() => Math.exp(Math.sin(x[0])), x, 0, 0.07);
  const exact = Math.cos(0.7) * Math.exp(Math.sin(0.7));
  assert.ok(Math.abs(slope - exact) < 1e-13 * exact, `${slope} vs ${exact}`);
  assert.ok(error < 1e-12, `error estimate ${error}`);
});

Deno.test("mismatched gradients are refused, naming both lengths", () => {
  const x = new Float64Array(3);
  assert.throws(
    () => numericalBackwardEvidence(() => 0, [x], [new Float64Array(2)]),
    /numericalBackwardEvidence: expected one gradient per array of x, of its length; got 2 for 3/,
  );
});
