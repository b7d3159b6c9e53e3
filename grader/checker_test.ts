import assert from "node:assert/strict";
import { Rng } from "@gradkit/lib";
import { directionalCheck, KINK_CURVATURE, numericalGradient, RELATIVE_STEP } from "./checker.ts";
import { compareArrays, GRADIENT_TOLERANCE, relativeError } from "./compare.ts";
import { TWO_LAYER_SIZES, twoLayerFixture } from "./bench/two_layer_fixture.ts";

// ---------------------------------------------------------------------------------------------
// Helpers

/** Asserts `value < bound`, naming both in the message. */
function assertBelow(value: number, bound: number, what = "value"): void {
  assert.ok(value < bound, `${what}: expected below ${bound}, got ${value}`);
}

/** The largest relative error between two arrays, with no floor (pure relative). */
function worstRelative(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    worst = Math.max(worst, relativeError(got[i], expected[i], 0));
  }
  return worst;
}

/** The largest absolute difference between two arrays. */
function worstAbsolute(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - expected[i]));
  return worst;
}

function bytesOf(x: Float64Array): number[] {
  return Array.from(new Uint8Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength)));
}

function uniform(rng: Rng, n: number, lo: number, hi: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.uniform(lo, hi);
  return x;
}

/** A function of `x` read in place, with its analytic gradient at the current `x`. */
interface Smooth {
  x: Float64Array;
  f: () => number;
  grad: () => Float64Array;
}

/** f(x) = ½ xᵀ A x + bᵀ x with a general (non-symmetric) A: ∇f = ½ (A + Aᵀ) x + b. */
function quadraticForm(rng: Rng, n: number, scale: number): Smooth {
  const A = uniform(rng, n * n, -2, 2);
  const b = uniform(rng, n, -1, 1);
  const x = uniform(rng, n, -scale, scale);
  return {
    x,
    f() {
      let s = 0;
      for (let i = 0; i < n; i++) {
        let row = 0;
        for (let j = 0; j < n; j++) row += A[i * n + j] * x[j];
        s += 0.5 * x[i] * row + b[i] * x[i];
      }
      return s;
    },
    grad() {
      const g = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = b[i];
        for (let j = 0; j < n; j++) s += 0.5 * (A[i * n + j] + A[j * n + i]) * x[j];
        g[i] = s;
      }
      return g;
    },
  };
}

/** f(x) = Σ exp(x_i). */
function sumOfExp(x: Float64Array): Smooth {
  return {
    x,
    f() {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += Math.exp(x[i]);
      return s;
    },
    grad: () => x.map(Math.exp),
  };
}

/** f(x) = log Σ exp(x_i), computed with the maximum shifted out: ∇f = softmax(x). */
function logSumExp(x: Float64Array): Smooth {
  function shifted(): { max: number; sum: number } {
    let max = -Infinity;
    for (let i = 0; i < x.length; i++) max = Math.max(max, x[i]);
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += Math.exp(x[i] - max);
    return { max, sum };
  }
  return {
    x,
    f() {
      const { max, sum } = shifted();
      return max + Math.log(sum);
    },
    grad() {
      const { max, sum } = shifted();
      return x.map((v) => Math.exp(v - max) / sum);
    },
  };
}

/** f(x) = Π sin(x_i): ∂f/∂x_i = cos(x_i) Π_{j≠i} sin(x_j). */
function productOfSines(x: Float64Array): Smooth {
  return {
    x,
    f() {
      let p = 1;
      for (let i = 0; i < x.length; i++) p *= Math.sin(x[i]);
      return p;
    },
    grad() {
      return x.map((_, i) => {
        let p = Math.cos(x[i]);
        for (let j = 0; j < x.length; j++) if (j !== i) p *= Math.sin(x[j]);
        return p;
      });
    },
  };
}

/** f(x) = Σ x_i³. */
function sumOfCubes(x: Float64Array): Smooth {
  return {
    x,
    f() {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i] * x[i] * x[i];
      return s;
    },
    grad: () => x.map((v) => 3 * v * v),
  };
}

/**
 * Softmax cross-entropy of N×C scores (read in place) against labels, mean over N, computed
 * stably: ∇ = (softmax − one-hot) / N.
 */
function softmaxCrossEntropy(scores: Float64Array, labels: number[]): Smooth {
  const N = labels.length;
  const C = scores.length / N;
  return {
    x: scores,
    f() {
      let total = 0;
      for (let n = 0; n < N; n++) {
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, scores[n * C + c]);
        let sum = 0;
        for (let c = 0; c < C; c++) sum += Math.exp(scores[n * C + c] - max);
        total += Math.log(sum) + max - scores[n * C + labels[n]];
      }
      return total / N;
    },
    grad() {
      const g = new Float64Array(N * C);
      for (let n = 0; n < N; n++) {
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, scores[n * C + c]);
        let sum = 0;
        for (let c = 0; c < C; c++) sum += Math.exp(scores[n * C + c] - max);
        for (let c = 0; c < C; c++) g[n * C + c] = Math.exp(scores[n * C + c] - max) / sum / N;
        g[n * C + labels[n]] -= 1 / N;
      }
      return g;
    },
  };
}

/** Scores spread over ±`spread`, N×C, with labels; seeded. */
function spreadScores(seed: number, N: number, C: number, spread: number) {
  const rng = new Rng(seed);
  const scores = uniform(rng, N * C, -spread, spread);
  const labels = Array.from({ length: N }, () => rng.int(0, C));
  // Keep every row's top two scores within a few units, so that the gradient has entries
  // strictly between 0 and 1 (otherwise the softmax saturates and the test checks nothing).
  for (let n = 0; n < N; n++) {
    const row = scores.subarray(n * C, (n + 1) * C);
    let top = 0;
    for (let c = 1; c < C; c++) if (row[c] > row[top]) top = c;
    const other = (top + 1) % C;
    row[other] = row[top] - rng.uniform(0.1, 3);
  }
  return { scores, labels };
}

/** The largest absolute difference relative to the largest entry of `expected` (normwise). */
function worstNormwise(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  return worstAbsolute(got, expected) / scale;
}

/**
 * Runs the full checker on `s` (checking that `x` comes back bitwise unchanged) and returns the
 * worst elementwise relative error, absolute error and normwise error, the kinks, and the
 * grader's verdict with {@linkcode GRADIENT_TOLERANCE}.
 */
function accuracy(s: Smooth) {
  const before = bytesOf(s.x);
  const r = numericalGradient(s.f, s.x);
  assert.deepEqual(bytesOf(s.x), before, "x must be bitwise unchanged");
  const g = s.grad();
  return {
    relative: worstRelative(r.gradient, g),
    absolute: worstAbsolute(r.gradient, g),
    normwise: worstNormwise(r.gradient, g),
    kinks: r.kinks,
    graded: compareArrays(g, r.gradient, GRADIENT_TOLERANCE, new Set(r.kinks)),
  };
}

// ---------------------------------------------------------------------------------------------
// Accuracy on smooth functions with known gradients

Deno.test("numericalGradient: quadratic forms, to about 1e-9 relative", () => {
  for (const seed of [1, 2, 3]) {
    for (const scale of [1, 100]) {
      const a = accuracy(quadraticForm(new Rng(seed), 7, scale));
      assert.deepEqual(a.kinks, []);
      assertBelow(a.relative, 1e-8, `seed ${seed}, scale ${scale}`);
      assert.ok(a.graded.ok);
    }
  }
});

Deno.test("numericalGradient: sums of exp, up to exp(700)", () => {
  const a = accuracy(sumOfExp(uniform(new Rng(4), 10, -5, 5)));
  assert.deepEqual(a.kinks, []);
  // Rounding noise is absolute (eps·|f|/h), so small entries of a large sum are the least
  // accurate relatively: measure against the largest entry.
  assertBelow(a.normwise, 1e-9);
  assert.ok(a.graded.ok);
  const big = accuracy(sumOfExp(new Float64Array([700, 690.5, 699])));
  assert.deepEqual(big.kinks, []);
  // The step at 700 is 4.2e-3 and exp bends over a length of 1: truncation h²/6 ≈ 3e-6.
  assertBelow(big.relative, 4e-6);
  assert.ok(big.graded.ok);
});

Deno.test("numericalGradient: log-sum-exp at unit scale and at ±1000", () => {
  for (const spread of [1, 1000]) {
    const { scores } = spreadScores(5, 1, 8, spread);
    const a = accuracy(logSumExp(scores));
    assert.deepEqual(a.kinks, [], `spread ${spread}`);
    assert.ok(a.graded.ok, `spread ${spread}: ${JSON.stringify(a.graded)}`);
  }
});

Deno.test("numericalGradient: products of sines, near their extrema too", () => {
  const a = accuracy(productOfSines(uniform(new Rng(6), 5, 0.2, 3)));
  assert.deepEqual(a.kinks, []);
  assertBelow(a.relative, 1e-8);
  // A coordinate at an extremum of sin: the derivative is ~0 and compares absolutely.
  const b = accuracy(productOfSines(new Float64Array([Math.PI / 2, 1, 2])));
  assert.deepEqual(b.kinks, []);
  assertBelow(b.absolute, 1e-10);
  assert.ok(b.graded.ok);
});

Deno.test("numericalGradient: x³ at |x| ≈ 1e3 (relative) and ≈ 1e-6 (absolute)", () => {
  const large = accuracy(sumOfCubes(new Float64Array([1000, -1234.5, 987.25])));
  assert.deepEqual(large.kinks, []);
  assertBelow(large.relative, 1e-9);
  assert.ok(large.graded.ok);
  // The step (6e-6) is larger than x: the centered difference is 3x² + h², off by h² ≈ 4e-11.
  const small = accuracy(sumOfCubes(new Float64Array([1e-6, -2e-6, 3.5e-7])));
  assert.deepEqual(small.kinks, []);
  assertBelow(small.absolute, 4e-11);
  assert.ok(small.graded.ok);
});

Deno.test("numericalGradient: softmax cross-entropy at scores of ±1000 is within 1e-5", () => {
  let worst = 0;
  for (const seed of [7, 8, 9, 10]) {
    const { scores, labels } = spreadScores(seed, 4, 6, 1000);
    const a = accuracy(softmaxCrossEntropy(scores, labels));
    assert.deepEqual(a.kinks, [], `seed ${seed}`);
    assert.ok(a.graded.ok, `seed ${seed}: ${JSON.stringify(a.graded)}`);
    worst = Math.max(worst, a.graded.worstRelError);
  }
  // Truncation at step 6e-3 with curvature length 1: about h²/6 ≈ 6e-6 at most.
  assertBelow(worst, 7e-6);
  const unit = spreadScores(11, 4, 6, 2);
  const a = accuracy(softmaxCrossEntropy(unit.scores, unit.labels));
  assertBelow(a.relative, 1e-8);
});

Deno.test("numericalGradient: a two-layer network's loss, every parameter", () => {
  const odd = { N: 3, D: 5, H: 7, C: 4 }; // odd sizes take the fixture's remainder loops
  for (
    const [size, seed] of [[TWO_LAYER_SIZES.small, 0], [TWO_LAYER_SIZES.small, 1], [
      odd,
      2,
    ]] as const
  ) {
    const net = twoLayerFixture(size, { seed });
    const g = net.gradient();
    for (const key of ["W1", "b1", "W2", "b2"] as const) {
      const r = numericalGradient(net.loss, net.params[key]);
      assert.deepEqual(r.kinks, []);
      const c = compareArrays(g[key], r.gradient, GRADIENT_TOLERANCE);
      assert.ok(c.ok, `${key}: ${JSON.stringify(c)}`);
      assertBelow(c.worstRelError, 1e-7);
    }
  }
});

Deno.test("two-layer fixture: the loss is the one written out directly", () => {
  // N = 4, 5, 6 leave one, two and no rows after the blocks of three; H odd and even.
  for (const [N, H] of [[4, 7], [5, 7], [6, 6], [1, 3]]) {
    const size = { N, D: 3, H, C: 4 };
    const { D, C } = size;
    const net = twoLayerFixture(size, { seed: 3, reg: 0.1 });
    const { W1, b1, W2, b2 } = net.params;
    const { X, y } = net;
    let data = 0;
    for (let n = 0; n < N; n++) {
      const h = Array.from({ length: H }, (_, j) => {
        let z = b1[j];
        for (let d = 0; d < D; d++) z += X[n * D + d] * W1[d * H + j];
        return Math.max(0, z);
      });
      const s = Array.from({ length: C }, (_, c) => {
        let v = b2[c];
        for (let j = 0; j < H; j++) v += h[j] * W2[j * C + c];
        return v;
      });
      data += crossEntropyOfRow(s, y[n]);
    }
    const reg = 0.1 * [...W1, ...W2].reduce((a, w) => a + w * w, 0);
    assertBelow(relativeError(net.loss(), data / N + reg, 0), 1e-13, `loss, N = ${N}, H = ${H}`);
  }
});

/** −log softmax(s)[y], with the maximum shifted out. */
function crossEntropyOfRow(s: number[], y: number): number {
  const max = Math.max(...s);
  return Math.log(s.reduce((a, v) => a + Math.exp(v - max), 0)) + max - s[y];
}

// ---------------------------------------------------------------------------------------------
// Steps, evaluations, restoration

Deno.test("numericalGradient: 2n + 1 evaluations and the value at x", () => {
  const x = new Float64Array([0.5, -1.5, 2, 3]);
  let calls = 0;
  const r = numericalGradient(() => {
    calls++;
    return x[0] * x[1] + x[2] * x[3];
  }, x);
  assert.deepEqual(calls, 9);
  assert.deepEqual(r.evaluations, 9);
  assert.deepEqual(r.value, 0.5 * -1.5 + 2 * 3);
  const empty = numericalGradient(() => 1, new Float64Array(0));
  assert.deepEqual(empty.evaluations, 1);
  assert.deepEqual(empty.gradient.length, 0);
});

Deno.test("numericalGradient: perturbs one coordinate at a time by ±cbrt(eps)·max(1, |x|)", () => {
  const x = new Float64Array([0.25, -2000, 0]);
  const seen: number[][] = [];
  numericalGradient(() => {
    seen.push(Array.from(x));
    return 0;
  }, x);
  assert.deepEqual(seen.length, 7);
  assert.deepEqual(seen[0], [0.25, -2000, 0]);
  assert.deepEqual(seen[1], [0.25 + RELATIVE_STEP, -2000, 0]);
  assert.deepEqual(seen[2], [0.25 - RELATIVE_STEP, -2000, 0]);
  assert.deepEqual(seen[3], [0.25, -2000 + 2000 * RELATIVE_STEP, 0]);
  assert.deepEqual(seen[4], [0.25, -2000 - 2000 * RELATIVE_STEP, 0]);
  assert.deepEqual(seen[5], [0.25, -2000, RELATIVE_STEP]);
  assert.deepEqual(seen[6], [0.25, -2000, -RELATIVE_STEP]);
});

/** Seeded values whose perturbed points are rounded: `(x+h) − (x−h) ≠ 2h` and `x + h − h ≠ x`. */
function fragileValues(): number[] {
  const rng = new Rng(21);
  const found: number[] = [];
  while (found.length < 8) {
    const v = rng.uniform(-1, 1) * 10 ** rng.int(-3, 6);
    const h = RELATIVE_STEP * Math.max(1, Math.abs(v));
    if (v + h - (v - h) !== 2 * h && v + h - h !== v) found.push(v);
  }
  return found;
}

Deno.test("numericalGradient: divides by the distance between the rounded points", () => {
  // f(x) = 4x is evaluated exactly, so its centered difference is exactly 4 when divided by
  // (xp − xm), and off by the rounding of xp and xm when divided by 2h.
  const x = new Float64Array(1);
  for (const v of fragileValues()) {
    x[0] = v;
    assert.deepEqual(Array.from(numericalGradient(() => 4 * x[0], x).gradient), [4], `at ${v}`);
  }
});

Deno.test("numericalGradient: restores x bitwise, also where x + h − h ≠ x", () => {
  const x = new Float64Array([...fragileValues(), -0, 1e-300, 5e-324, -7.3e10, Math.PI]);
  const before = bytesOf(x);
  const r = numericalGradient(() => x.reduce((s, v) => s + Math.atan(v), 0), x);
  assert.deepEqual(bytesOf(x), before);
  assert.ok(Object.is(x[8], -0));
  // 2n + 1, and 2 more for each coordinate whose slopes are checked at half the step.
  assert.ok(r.evaluations >= 2 * x.length + 1 && r.evaluations <= 4 * x.length + 1);
});

Deno.test("numericalGradient: restores x when f throws", () => {
  const x = new Float64Array([0.1, 0.2, 0.3]);
  const before = bytesOf(x);
  let calls = 0;
  assert.throws(
    () =>
      numericalGradient(() => {
        if (++calls === 4) throw new Error("boom");
        return x[0];
      }, x),
    /boom/,
  );
  assert.deepEqual(bytesOf(x), before);
});

// ---------------------------------------------------------------------------------------------
// Kinks

Deno.test("numericalGradient: flags a kink 0.5% of the step inside x ± h, at every scale", () => {
  // The slopes at the full step differ by only 0.5% of the jump there (the kink is nearly at
  // x + h), which the three-point test cannot tell from curvature: the centered difference is
  // off by a quarter of a percent. The slopes at half the step do not share the difference.
  for (const x0 of [0.3, 1, 30, -1000]) {
    for (const side of [1, -1]) {
      const h = RELATIVE_STEP * Math.max(1, Math.abs(x0));
      const kink = x0 + side * 0.995 * h;
      const x = new Float64Array([x0]);
      const f = () => 0.5 * x[0] + Math.max(0, side * (x[0] - kink));
      const r = numericalGradient(f, x, { refineKinks: true });
      assert.deepEqual(r.kinks, [0], `x = ${x0}, kink at x ${side > 0 ? "+" : "−"} 0.995 h`);
      // Without the refined guard the kink is missed (the documented band): two evaluations less.
      assert.deepEqual(numericalGradient(f, x).kinks, [], `x = ${x0}, default guard`);
    }
  }
  // A slope jump of 0.5% of the slope, at a tenth of the step from x: also flagged now.
  const x = new Float64Array([2]);
  const small = numericalGradient(
    () => x[0] + 0.005 * Math.abs(x[0] - 2 - 0.1 * RELATIVE_STEP * 2),
    x,
    { refineKinks: true },
  );
  assert.deepEqual(small.kinks, [0]);
});

Deno.test("numericalGradient: flags ReLU at 0 and |x| at 0, and only there", () => {
  const x = new Float64Array([0, 0.5, -0.3, 0, 2]);
  const r = numericalGradient(
    () =>
      Math.max(0, x[0]) + Math.max(0, x[1]) + Math.max(0, x[2]) + Math.abs(x[3]) + Math.abs(x[4]),
    x,
  );
  assert.deepEqual(r.kinks, [0, 3]);
  // The centered value is still returned at a kink: the mean of the two one-sided slopes.
  const expected = [0.5, 1, 0, 0, 1];
  for (let i = 0; i < 5; i++) assertBelow(Math.abs(r.gradient[i] - expected[i]), 1e-9, `[${i}]`);
});

Deno.test("numericalGradient: flags a binary hinge with its margin exactly met", () => {
  // loss(w) = max(0, 1 − y w·x) with w·x = 1 exactly: both weights sit at the kink.
  const xs = [0.5, 0.25];
  const w = new Float64Array([1, 2]);
  const r = numericalGradient(() => Math.max(0, 1 - (w[0] * xs[0] + w[1] * xs[1])), w);
  assert.deepEqual(r.kinks, [0, 1]);
  // Away from the margin, no kink.
  const away = new Float64Array([1, 1]);
  const s = numericalGradient(() => Math.max(0, 1 - (away[0] * xs[0] + away[1] * xs[1])), away);
  assert.deepEqual(s.kinks, []);
});

Deno.test("numericalGradient: flags a multiclass hinge at margin 0 with scores near 1000", () => {
  // Σ_{j≠y} max(0, s_j − s_y + 1) with s_y = 1000 and s_1 = 999: that margin is exactly 0.
  const s = new Float64Array([1000, 999, 990.5]);
  const r = numericalGradient(() => {
    let total = 0;
    for (let j = 1; j < 3; j++) total += Math.max(0, s[j] - s[0] + 1);
    return total;
  }, s);
  assert.deepEqual(r.kinks, [0, 1]);
});

Deno.test("numericalGradient: flags the max of two at a tie", () => {
  const x = new Float64Array([0.7, 0.7, -1]);
  const r = numericalGradient(() => Math.max(x[0], x[1]) + x[2] * x[2], x);
  assert.deepEqual(r.kinks, [0, 1]);
});

Deno.test("numericalGradient: no kink on smooth functions, large scales and extrema included", () => {
  const cases: [string, Smooth][] = [
    ["exp near 700", sumOfExp(new Float64Array([700, 699.9, 0]))],
    ["sin around 1000", productOfSines(uniform(new Rng(12), 1, 995, 1005))],
    ["sin at its extremum", productOfSines(new Float64Array([Math.PI / 2]))],
    ["sin at an extremum near 1000", productOfSines(new Float64Array([318.5 * Math.PI]))],
    [
      "x² + y² at the minimum",
      (() => {
        const x = new Float64Array(2);
        return { x, f: () => x[0] * x[0] + x[1] * x[1], grad: () => x.map((v) => 2 * v) };
      })(),
    ],
    ["x³ at 1e3 and 1e-6", sumOfCubes(new Float64Array([1e3, 1e-6, -1e-6]))],
    ["log-sum-exp at ±1000", logSumExp(spreadScores(14, 1, 10, 1000).scores)],
  ];
  for (let seed = 20; seed < 30; seed++) {
    const { scores, labels } = spreadScores(seed, 5, 4, 1000);
    cases.push([`softmax CE at ±1000, seed ${seed}`, softmaxCrossEntropy(scores, labels)]);
  }
  for (const [name, s] of cases) {
    assert.deepEqual(numericalGradient(s.f, s.x).kinks, [], name);
  }
  // sin along a fine grid near 1000 (every phase, extrema included).
  const x = new Float64Array(1);
  for (let t = 0; t < 400; t++) {
    x[0] = 1000 + t * 0.0157;
    assert.deepEqual(numericalGradient(() => Math.sin(x[0]), x).kinks, [], `sin at ${x[0]}`);
  }
});

Deno.test("numericalGradient: a smooth function curving faster than KINK_CURVATURE at an extremum is flagged", () => {
  // The guard's documented limit: |f''| > KINK_CURVATURE where the slope is ~0 looks like a kink.
  const x = new Float64Array([0]);
  const r = numericalGradient(() => 4 * KINK_CURVATURE * x[0] * x[0], x);
  assert.deepEqual(r.kinks, [0]);
  const ok = numericalGradient(() => 0.25 * KINK_CURVATURE * x[0] * x[0], x);
  assert.deepEqual(ok.kinks, []);
});

// ---------------------------------------------------------------------------------------------
// Directional check

Deno.test("directionalCheck: 2k + 1 evaluations, x restored bitwise, deterministic per seed", () => {
  const rng = new Rng(15);
  const x = uniform(rng, 50, -3, 3);
  x[3] = 0.1;
  x[4] = -0;
  const s = sumOfExp(x);
  const before = bytesOf(x);
  let calls = 0;
  const f = () => {
    calls++;
    return s.f();
  };
  const a = directionalCheck(f, x, s.grad(), { directions: 6, seed: 99 });
  assert.deepEqual(calls, 13);
  assert.deepEqual(a.evaluations, 13);
  assert.deepEqual(bytesOf(x), before);
  const b = directionalCheck(s.f, x, s.grad(), { directions: 6, seed: 99 });
  assert.deepEqual(Array.from(b.numerical), Array.from(a.numerical));
  const c = directionalCheck(s.f, x, s.grad(), { directions: 6, seed: 100 });
  assert.ok(c.numerical[0] !== a.numerical[0], "another seed, other directions");
});

Deno.test("directionalCheck: directions are unit vectors with no preferred orientation", () => {
  // In 3 dimensions, u · e_i is the cosine of a uniformly random angle: mean 0, mean square 1/3.
  const x = new Float64Array(3);
  const k = 6000;
  const stats = [0, 1, 2].map((i) => {
    const e = new Float64Array(3);
    e[i] = 1;
    const r = directionalCheck(() => x[i], x, e, { directions: k, seed: 31 });
    let mean = 0;
    let square = 0;
    for (const v of r.analytic) {
      mean += v / k;
      square += v * v / k;
    }
    return { mean, square, analytic: r.analytic };
  });
  for (const { mean, square } of stats) {
    assertBelow(Math.abs(mean), 0.03, "mean of u_i");
    assertBelow(Math.abs(square - 1 / 3), 0.02, "mean of u_i²");
  }
  for (let d = 0; d < k; d++) {
    const norm = stats.reduce((a, s) => a + s.analytic[d] ** 2, 0);
    assertBelow(Math.abs(norm - 1), 1e-15, "|u|²");
  }
});

Deno.test("directionalCheck: restores x when f throws", () => {
  const x = new Float64Array([0.1, 0.2, 0.3]);
  const before = bytesOf(x);
  let calls = 0;
  assert.throws(
    () =>
      directionalCheck(
        () => {
          if (++calls === 3) throw new Error("boom");
          return x[0];
        },
        x,
        new Float64Array([1, 0, 0]),
        { directions: 2, seed: 1 },
      ),
    /boom/,
  );
  assert.deepEqual(bytesOf(x), before);
});

Deno.test("directionalCheck: agrees with correct gradients", () => {
  const { scores, labels } = spreadScores(16, 6, 5, 1000);
  const cases: [string, Smooth][] = [
    ["quadratic form", quadraticForm(new Rng(17), 30, 1)],
    ["sum of exp", sumOfExp(uniform(new Rng(18), 40, -4, 4))],
    ["product of sines", productOfSines(uniform(new Rng(19), 6, 0.3, 2.8))],
    ["softmax CE at ±1000", softmaxCrossEntropy(scores, labels)],
  ];
  for (const [name, s] of cases) {
    const r = directionalCheck(s.f, s.x, s.grad(), { directions: 8, seed: 3 });
    assert.deepEqual(r.kinks, [], name);
    assertBelow(r.worst.relError, GRADIENT_TOLERANCE.rtol, name);
  }
  for (const size of ["small", "medium"] as const) {
    const net = twoLayerFixture(TWO_LAYER_SIZES[size], { seed: 4 });
    const g = net.gradient();
    for (const key of ["W1", "b1", "W2", "b2"] as const) {
      const r = directionalCheck(net.loss, net.params[key], g[key], { directions: 8, seed: 5 });
      assertBelow(r.worst.relError, GRADIENT_TOLERANCE.rtol, `${size} ${key}`);
    }
  }
});

Deno.test("directionalCheck: every parameter of a network at once, in 2k + 1 calls", () => {
  for (const size of ["small", "medium"] as const) {
    for (const seed of [1, 2, 3]) {
      const net = twoLayerFixture(TWO_LAYER_SIZES[size], { seed });
      const g = net.gradient();
      const p = net.params;
      const params = [p.W1, p.b1, p.W2, p.b2];
      const before = params.map((a) => a.slice());
      let calls = 0;
      const loss = () => (calls++, net.loss());
      const grads = [g.W1, g.b1, g.W2, g.b2].map((a) => a.slice());
      const r = directionalCheck(loss, params, grads, { directions: 8, seed });
      assert.equal(r.evaluations, 17);
      assert.equal(calls, 17);
      assertBelow(r.worst.relError, GRADIENT_TOLERANCE.rtol, `${size}, seed ${seed}`);
      params.forEach((a, b) => assert.deepEqual(a, before[b], `array ${b} restored`));
      // One wrong array among four, even the smallest (b2: C entries), fails the joint check.
      const wrong: [string, number, (v: number) => number][] = [
        ["b2 doubled", 3, (v) => 2 * v],
        ["b1 zero", 1, () => 0],
        ["W1 negated", 0, (v) => -v],
      ];
      for (const [name, at, change] of wrong) {
        const bad = grads.map((a, b) => b === at ? a.map(change) : a);
        const w = directionalCheck(net.loss, params, bad, { directions: 8, seed });
        assert.ok(
          w.worst.relError > 100 * GRADIENT_TOLERANCE.rtol,
          `${size} ${name}: ${w.worst.relError}`,
        );
      }
    }
  }
});

Deno.test("directionalCheck: 300 000 weights, where rounding grows like √n ulps", () => {
  // The large benchmark size: W1 is 3072×100. Moving all weights at once re-rounds every term of
  // the regularization sum, so the raw error reaches ~1e-4 relative; the allowance covers it and
  // is still far below the directional derivatives, so a doubled gradient fails.
  const net = twoLayerFixture(TWO_LAYER_SIZES.large, { seed: 2 });
  const g = net.gradient();
  const { W1 } = net.params;
  const r = directionalCheck(net.loss, W1, g.W1, { directions: 3, seed: 4 });
  assert.deepEqual(r.kinks, []);
  assertBelow(r.worst.relError, GRADIENT_TOLERANCE.rtol, "relative error beyond the noise");
  // Along a random unit direction the derivative is |g|/√n times a standard normal number: the
  // allowance is compared with that typical size (one direction of a few can come out nearly
  // orthogonal to g, and its own derivative be far smaller).
  const typical = Math.sqrt(g.W1.reduce((a, v) => a + v * v, 0) / W1.length);
  for (let d = 0; d < 3; d++) {
    const error = Math.abs(r.numerical[d] - r.analytic[d]);
    assertBelow(error, r.noise[d] / 2, `direction ${d}: error within half the allowance`);
    assertBelow(r.noise[d], 0.01 * typical, `direction ${d}: allowance`);
  }
  const doubled = directionalCheck(net.loss, W1, g.W1.map((v) => 2 * v), {
    directions: 1,
    seed: 4,
  });
  assert.ok(doubled.worst.relError > 0.4);
});

Deno.test("directionalCheck: flags wrong gradients", () => {
  const net = twoLayerFixture(TWO_LAYER_SIZES.small, { seed: 6 });
  const g = net.gradient();
  const { W1 } = net.params;
  const { D, H } = TWO_LAYER_SIZES.small;
  const transposed = new Float64Array(D * H);
  for (let d = 0; d < D; d++) for (let j = 0; j < H; j++) transposed[j * D + d] = g.W1[d * H + j];
  const wrong: [string, Float64Array][] = [
    ["doubled", g.W1.map((v) => 2 * v)],
    ["negated", g.W1.map((v) => -v)],
    ["zero", new Float64Array(W1.length)],
    ["transposed", transposed],
  ];
  for (const [name, bad] of wrong) {
    const r = directionalCheck(net.loss, W1, bad, { directions: 4, seed: 7 });
    assert.ok(r.worst.relError > 0.1, `${name}: ${r.worst.relError}`);
  }
});

Deno.test("directionalCheck: reports a direction through a kink and leaves it out", () => {
  // |x_0| at 0: every direction with u_0 ≠ 0 crosses the kink.
  const x = new Float64Array([0, 1, 2]);
  const r = directionalCheck(
    () => Math.abs(x[0]) + x[1] + x[2],
    x,
    new Float64Array([0, 1, 1]),
    { directions: 3, seed: 8 },
  );
  assert.deepEqual(r.kinks, [0, 1, 2]);
  assert.deepEqual(r.worst, { direction: 0, relError: 0 });
});

Deno.test("directionalCheck: rejects bad arguments", () => {
  const x = new Float64Array(3);
  assert.throws(
    () => directionalCheck(() => 0, x, new Float64Array(2), { directions: 1, seed: 0 }),
    /length 3/,
  );
  assert.throws(
    () => directionalCheck(() => 0, x, new Float64Array(3), { directions: 0, seed: 0 }),
    /positive integer/,
  );
  const y = new Float64Array(2);
  assert.throws(
    () => directionalCheck(() => 0, [x, y], [new Float64Array(3)], { directions: 1, seed: 0 }),
    /expected 2 gradient arrays/,
  );
  assert.throws(
    () => directionalCheck(() => 0, [x, y], [x, new Float64Array(3)], { directions: 1, seed: 0 }),
    /length 2 \(the length of x\[1\]\)/,
  );
});
