import assert from "node:assert/strict";
import { Rng } from "@gradkit/lib";
import {
  compareArrays,
  compareValues,
  constantFactor,
  GRADIENT_TOLERANCE,
  relativeError,
  type Tolerances,
  VALUE_TOLERANCE,
} from "./compare.ts";
import { numericalGradient } from "./checker.ts";
import { TWO_LAYER_SIZES, twoLayerFixture } from "./bench/two_layer_fixture.ts";

// ---------------------------------------------------------------------------------------------
// relativeError

Deno.test("relativeError: an ordinary relative error above the floor, symmetric", () => {
  assert.equal(relativeError(2, 1, 1e-8), 0.5);
  assert.equal(relativeError(1, 2, 1e-8), 0.5);
  assert.equal(relativeError(-1, 1, 1e-8), 2);
  assert.ok(Math.abs(relativeError(1 + 1e-6, 1, 1e-8) - 1e-6) < 1e-11);
  assert.equal(relativeError(-3, -3, 0), 0);
});

Deno.test("relativeError: 0 against 0 is 0, with or without a floor", () => {
  assert.equal(relativeError(0, 0, 1e-8), 0);
  assert.equal(relativeError(0, 0, 0), 0);
  assert.equal(relativeError(-0, 0, 0), 0);
});

Deno.test("relativeError: below the floor, values compare absolutely", () => {
  assert.ok(Math.abs(relativeError(1e-20, 2e-20, 1e-10) - 1e-10) < 1e-20);
  assert.equal(relativeError(3e-12, 0, 1e-5), 3e-12 / 1e-5);
  assert.equal(relativeError(0, 3e-12, 1e-5), 3e-12 / 1e-5);
  // Without a floor, any difference from 0 is a relative error of 1.
  assert.equal(relativeError(1e-300, 0, 0), 1);
  // Subnormals.
  assert.equal(relativeError(5e-324, 0, 1e-10), 5e-324 / 1e-10);
});

Deno.test("relativeError: NaN and infinities give Infinity, unless both are the same infinity", () => {
  assert.equal(relativeError(NaN, 1, 1e-8), Infinity);
  assert.equal(relativeError(1, NaN, 1e-8), Infinity);
  assert.equal(relativeError(NaN, NaN, 1e-8), Infinity);
  assert.equal(relativeError(Infinity, 1, 1e-8), Infinity);
  assert.equal(relativeError(-Infinity, -1e308, 1e-8), Infinity);
  assert.equal(relativeError(1, Infinity, 1e-8), Infinity);
  assert.equal(relativeError(Infinity, -Infinity, 1e-8), Infinity);
  assert.equal(relativeError(NaN, Infinity, 1e-8), Infinity);
  assert.equal(relativeError(Infinity, Infinity, 1e-8), 0);
  assert.equal(relativeError(-Infinity, -Infinity, 0), 0);
});

Deno.test("relativeError: finite values whose difference overflows", () => {
  assert.equal(relativeError(1e308, -1e308, 1e-8), 2);
  assert.equal(relativeError(-Number.MAX_VALUE, Number.MAX_VALUE, 0), 2);
  assert.ok(Math.abs(relativeError(1.5e308, -1e308, 0) - 2.5 / 1.5) < 1e-15);
});

// ---------------------------------------------------------------------------------------------
// compareArrays

const TOL: Tolerances = { rtol: 1e-7, atol: 1e-5 };

Deno.test("compareArrays: equal arrays pass", () => {
  const c = compareArrays([1, -2, 0, 3e-20], new Float64Array([1, -2, 0, 3e-20]), TOL);
  assert.deepEqual(c, {
    ok: true,
    worstIndex: 0,
    worstRelError: 0,
    expected: 1,
    got: 1,
    failing: 0,
  });
});

Deno.test("compareArrays: reports the worst element and counts the failing ones", () => {
  const got = [1, 2.2, 3, 4.2, 5 + 1e-6];
  const expected = [1, 2, 3, 4, 5];
  const c = compareArrays(got, expected, TOL);
  assert.equal(c.ok, false);
  assert.equal(c.worstIndex, 1);
  assert.equal(c.failing, 3);
  assert.equal(c.expected, 2);
  assert.equal(c.got, 2.2);
  assert.equal(c.worstRelError, relativeError(2.2, 2, TOL.atol));
  const d = compareArrays([1, 2, 3.3], [1, 2, 3], TOL);
  assert.equal(d.worstIndex, 2);
  assert.equal(d.failing, 1);
});

Deno.test("compareArrays: within rtol passes, and failing counts only elements over rtol", () => {
  const c = compareArrays([1 + 5e-8, 2, 1e-13], [1, 2 - 1e-7, 0], TOL);
  assert.equal(c.ok, true);
  assert.equal(c.failing, 0);
  const d = compareArrays([1 + 5e-8, 2, 1e-11], [1, 2 - 1e-7, 0], TOL);
  assert.equal(d.ok, false);
  assert.equal(d.worstIndex, 2);
  assert.equal(d.failing, 1);
});

Deno.test("compareArrays: skipped indices are not compared", () => {
  const got = [1, 99, 3, -99];
  const expected = [1, 2, 3, 4];
  const c = compareArrays(got, expected, TOL, new Set([1, 3]));
  assert.equal(c.ok, true);
  assert.equal(c.failing, 0);
  const d = compareArrays(got, expected, TOL, new Set([1]));
  assert.equal(d.ok, false);
  assert.equal(d.worstIndex, 3);
  assert.equal(d.failing, 1);
  const all = compareArrays(got, expected, TOL, new Set([0, 1, 2, 3]));
  assert.deepEqual(all, {
    ok: true,
    worstIndex: -1,
    worstRelError: 0,
    expected: NaN,
    got: NaN,
    failing: 0,
  });
});

Deno.test("compareArrays: NaN and Infinity in got fail and are the worst", () => {
  const c = compareArrays([1, NaN, 3.5], [1, 2, 3], TOL);
  assert.equal(c.ok, false);
  assert.equal(c.worstIndex, 1);
  assert.equal(c.worstRelError, Infinity);
  assert.equal(c.failing, 2);
  assert.ok(Number.isNaN(c.got));
  const d = compareArrays([-Infinity], [-Infinity], TOL);
  assert.equal(d.ok, true);
});

Deno.test("compareArrays: empty arrays pass; different lengths throw", () => {
  assert.equal(compareArrays([], new Float64Array(0), TOL).ok, true);
  assert.throws(() => compareArrays([1, 2], [1, 2, 3], TOL), /expected 3 values to compare, got 2/);
});

// ---------------------------------------------------------------------------------------------
// VALUE_TOLERANCE: correct formulations agree, mistakes do not

/** Softmax cross-entropy of one row, as log-sum-exp minus the correct score. */
function crossEntropyLogSumExp(s: number[], y: number): number {
  const max = Math.max(...s);
  let sum = 0;
  for (const v of s) sum += Math.exp(v - max);
  return max + Math.log(sum) - s[y];
}

/** Softmax cross-entropy of one row, as −log softmax with the maximum shifted out first. */
function crossEntropyLogSoftmax(s: number[], y: number): number {
  const max = Math.max(...s);
  const shifted = s.map((v) => v - max);
  let sum = 0;
  for (let c = shifted.length - 1; c >= 0; c--) sum += Math.exp(shifted[c]);
  return -(shifted[y] - Math.log(sum));
}

Deno.test("VALUE_TOLERANCE: two correct softmax cross-entropies agree, at ±1 and ±1000", () => {
  const rng = new Rng(1);
  for (const spread of [1, 30, 1000]) {
    for (let t = 0; t < 200; t++) {
      const s = Array.from({ length: 10 }, () => rng.uniform(-spread, spread));
      const y = rng.int(0, 10);
      const a = crossEntropyLogSumExp(s, y);
      const b = crossEntropyLogSoftmax(s, y);
      const e = relativeError(a, b, VALUE_TOLERANCE.atol);
      assert.ok(e <= VALUE_TOLERANCE.rtol, `spread ${spread}: ${a} vs ${b} (${e})`);
      // A forgotten ½ or a sum instead of a mean over a batch of 2 is far outside.
      if (b > 1e-3) assert.ok(relativeError(a / 2, b, VALUE_TOLERANCE.atol) > VALUE_TOLERANCE.rtol);
    }
  }
});

Deno.test("VALUE_TOLERANCE: p − 1 near p = 1 computed two ways agrees (the floor matters)", () => {
  // Two classes, the correct one ahead by `gap`: dscore = p_y − 1 = −1 / (1 + e^gap). A learner
  // computes p_y first and subtracts 1 (off by up to an ulp of 1); the reference does not.
  let failsWithTinyFloor = 0;
  for (let gap = 10; gap <= 30; gap += 0.25) {
    const learner = 1 / (1 + Math.exp(-gap)) - 1;
    const reference = -1 / (1 + Math.exp(gap));
    const e = relativeError(learner, reference, VALUE_TOLERANCE.atol);
    assert.ok(e <= VALUE_TOLERANCE.rtol, `gap ${gap}: ${learner} vs ${reference} (${e})`);
    if (relativeError(learner, reference, 1e-10) > VALUE_TOLERANCE.rtol) failsWithTinyFloor++;
  }
  // With a floor of 1e-10 some of these correct answers would fail.
  assert.ok(failsWithTinyFloor > 0);
});

Deno.test("VALUE_TOLERANCE: an affine layer summed in two orders agrees (D = 3072)", () => {
  const rng = new Rng(2);
  const D = 3072;
  const H = 20;
  const x = Array.from({ length: D }, () => rng.normal(0, 30));
  const W = Array.from({ length: D * H }, () => rng.normal(0, 1));
  const forward = new Float64Array(H);
  const backward = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    for (let d = 0; d < D; d++) forward[j] += x[d] * W[d * H + j];
    for (let d = D - 1; d >= 0; d--) backward[j] += x[d] * W[d * H + j];
  }
  const c = compareValues(backward, forward, VALUE_TOLERANCE);
  assert.ok(c.ok, JSON.stringify(c));
  assert.ok(c.worstRelError > 0, "the orders round differently");
});

Deno.test("VALUE_TOLERANCE: a float32 computation fails, a float64 one in another order passes", () => {
  const rng = new Rng(3);
  for (let t = 0; t < 200; t++) {
    const s = Array.from({ length: 6 }, () => rng.uniform(-5, 5));
    const y = rng.int(0, 6);
    const f64 = crossEntropyLogSumExp(s, y);
    const other = crossEntropyLogSoftmax(s, y);
    assert.ok(compareValues([other], [f64], VALUE_TOLERANCE).ok);
  }
  // Rounding a value to float32 alone is an error of up to 6e-8 relative: a single value can
  // land within 1e-10 by chance (about 1 in 500), so count rather than require each one.
  let passed = 0;
  for (let t = 0; t < 2000; t++) {
    const v = rng.uniform(0.1, 10);
    if (compareValues([Math.fround(v)], [v], VALUE_TOLERANCE).ok) passed++;
  }
  assert.ok(passed < 20, `${passed} of 2000 float32 roundings passed`);
});

Deno.test("compareValues: an array is compared relative to its largest entry", () => {
  const tol = { rtol: 1e-10, atol: 0.1 };
  assert.equal(compareValues([1000, 1e-10], [1000, 0], tol).ok, true);
  assert.equal(compareArrays([1000, 1e-10], [1000, 0], tol).ok, false);
  const c = compareValues([1000, 2e-6], [1000, 1e-6], tol);
  assert.equal(c.ok, false);
  assert.equal(c.worstIndex, 1);
  assert.equal(compareValues([0.05], [0.05 + 1e-13], tol).ok, true); // below atol: absolute
  assert.equal(compareValues([NaN, 1], [1, 1], tol).ok, false);
  assert.equal(compareValues([1, 1], [Infinity, 1], tol).ok, false);
});

// ---------------------------------------------------------------------------------------------
// GRADIENT_TOLERANCE: correct gradients of the course's functions pass, typical mistakes fail

/** A loss of `x` (read in place), its correct gradient and typical wrong ones. */
interface GradientCase {
  name: string;
  x: Float64Array;
  f: () => number;
  correct: Float64Array;
  wrong: Record<string, Float64Array>;
}

/**
 * The grader's verdict on analytic gradients of `f` at `x`, reached as `TestRun.expectGradient`
 * reaches it (kinks skipped); the numerical gradient is computed once.
 */
function grader(f: () => number, x: Float64Array) {
  const numeric = numericalGradient(f, x);
  const skip = new Set(numeric.kinks);
  return (analytic: Float64Array) =>
    compareArrays(analytic, numeric.gradient, GRADIENT_TOLERANCE, skip);
}

function normals(rng: Rng, n: number, std: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.normal(0, std);
  return x;
}

/** An r×c row-major matrix's transpose, flattened (c×r). */
function transpose(m: Float64Array, r: number, c: number): Float64Array {
  const t = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = m[i * c + j];
  return t;
}

function scaled(m: Float64Array, k: number): Float64Array {
  return m.map((v) => v * k);
}

/** Mean squared error over N×K predictions (mean over every element). */
function mseCase(rng: Rng, N: number, K: number): GradientCase {
  const pred = normals(rng, N * K, 3);
  const target = normals(rng, N * K, 3);
  const f = () => {
    let s = 0;
    for (let i = 0; i < pred.length; i++) s += (pred[i] - target[i]) ** 2;
    return s / pred.length;
  };
  const correct = pred.map((p, i) => 2 * (p - target[i]) / pred.length);
  return {
    name: `MSE ${N}×${K}`,
    x: pred,
    f,
    correct,
    wrong: { "without the 2": scaled(correct, 0.5), "without 1/N": scaled(correct, N) },
  };
}

/** Softmax cross-entropy over N×C scores spread over ±spread, mean over N. */
function softmaxCase(rng: Rng, N: number, C: number, spread: number): GradientCase {
  const scores = new Float64Array(N * C);
  for (let i = 0; i < scores.length; i++) scores[i] = rng.uniform(-spread, spread);
  for (let n = 0; n < N; n++) {
    // Keep the two top scores of each row close, so that the gradient is not all 0 and ±1/N.
    const row = scores.subarray(n * C, (n + 1) * C);
    let top = 0;
    for (let c = 1; c < C; c++) if (row[c] > row[top]) top = c;
    row[(top + 1) % C] = row[top] - rng.uniform(0.1, 3);
  }
  const y = Array.from({ length: N }, () => rng.int(0, C));
  const probabilities = () => {
    const p = new Float64Array(N * C);
    for (let n = 0; n < N; n++) {
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, scores[n * C + c]);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += p[n * C + c] = Math.exp(scores[n * C + c] - max);
      for (let c = 0; c < C; c++) p[n * C + c] /= sum;
    }
    return p;
  };
  const f = () => {
    let total = 0;
    for (let n = 0; n < N; n++) {
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, scores[n * C + c]);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(scores[n * C + c] - max);
      total += Math.log(sum) + max - scores[n * C + y[n]];
    }
    return total / N;
  };
  const p = probabilities();
  const correct = p.map((v, i) => (v - (y[Math.floor(i / C)] === i % C ? 1 : 0)) / N);
  const probabilitiesOnly = p.map((v) => v / N);
  return {
    name: `softmax cross-entropy ${N}×${C}, scores ±${spread}`,
    x: scores,
    f,
    correct,
    wrong: {
      "without 1/N": scaled(correct, N),
      "doubled": scaled(correct, 2),
      "transposed": transpose(correct, N, C),
      "one-hot not subtracted": probabilitiesOnly,
    },
  };
}

/** Multiclass hinge (sum over j ≠ y of max(0, s_j − s_y + 1)), mean over N, margins kept away from 0. */
function hingeCase(rng: Rng, N: number, C: number): GradientCase {
  const scores = new Float64Array(N * C);
  const y = Array.from({ length: N }, () => rng.int(0, C));
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      if (c === y[n]) continue;
      // margin = s_c − s_y + 1, kept at least 0.1 away from the kink
      const margin = rng.sign() * rng.uniform(0.1, 2);
      scores[n * C + c] = margin - 1;
    }
  }
  const f = () => {
    let total = 0;
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < C; c++) {
        if (c !== y[n]) total += Math.max(0, scores[n * C + c] - scores[n * C + y[n]] + 1);
      }
    }
    return total / N;
  };
  const correct = new Float64Array(N * C);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      if (c !== y[n] && scores[n * C + c] - scores[n * C + y[n]] + 1 > 0) {
        correct[n * C + c] += 1 / N;
        correct[n * C + y[n]] -= 1 / N;
      }
    }
  }
  const correctClassIgnored = correct.map((v) => Math.max(v, 0));
  return {
    name: `multiclass hinge ${N}×${C}`,
    x: scores,
    f,
    correct,
    wrong: {
      "without 1/N": scaled(correct, N),
      "correct class not updated": correctClassIgnored,
      "transposed": transpose(correct, N, C),
    },
  };
}

/** Σ U ⊙ (X W + b) with respect to W (D×H): dW = Xᵀ U. */
function affineCase(rng: Rng, N: number, D: number, H: number): GradientCase {
  const X = normals(rng, N * D, 1);
  const U = normals(rng, N * H, 1);
  const W = normals(rng, D * H, 1);
  const b = normals(rng, H, 1);
  const f = () => {
    let s = 0;
    for (let n = 0; n < N; n++) {
      for (let j = 0; j < H; j++) {
        let z = b[j];
        for (let d = 0; d < D; d++) z += X[n * D + d] * W[d * H + j];
        s += U[n * H + j] * z;
      }
    }
    return s;
  };
  const dW = new Float64Array(D * H);
  for (let d = 0; d < D; d++) {
    for (let j = 0; j < H; j++) {
      for (let n = 0; n < N; n++) dW[d * H + j] += X[n * D + d] * U[n * H + j];
    }
  }
  const meanOverN = scaled(dW, 1 / N);
  return {
    name: `affine dW ${D}×${H} (N = ${N})`,
    x: W,
    f,
    correct: dW,
    wrong: {
      "transposed": transpose(dW, D, H),
      "divided by N": meanOverN,
      "doubled": scaled(dW, 2),
    },
  };
}

/** Binary cross-entropy through a sigmoid, mean over N, with respect to the logits. */
function binaryCrossEntropyCase(rng: Rng, N: number): GradientCase {
  const z = normals(rng, N, 4);
  const y = Array.from({ length: N }, () => rng.int(0, 2));
  const f = () => {
    let s = 0;
    for (let n = 0; n < N; n++) {
      // log(1 + e^z) − y z, stably
      s += Math.max(z[n], 0) + Math.log1p(Math.exp(-Math.abs(z[n]))) - y[n] * z[n];
    }
    return s / N;
  };
  const correct = z.map((v, n) => (1 / (1 + Math.exp(-v)) - y[n]) / N);
  return {
    name: `binary cross-entropy N = ${N}`,
    x: z,
    f,
    correct,
    wrong: { "without 1/N": scaled(correct, N), "sign flipped": scaled(correct, -1) },
  };
}

Deno.test("GRADIENT_TOLERANCE: correct gradients of the course's functions pass, mistakes fail", () => {
  const rng = new Rng(3);
  const cases: GradientCase[] = [];
  for (let t = 0; t < 5; t++) {
    cases.push(
      mseCase(rng, 5, 3),
      softmaxCase(rng, 4, 7, 1),
      softmaxCase(rng, 4, 7, 1000),
      hingeCase(rng, 6, 4),
      affineCase(rng, 5, 4, 3),
      binaryCrossEntropyCase(rng, 8),
    );
  }
  for (const c of cases) {
    const grade = grader(c.f, c.x);
    const verdict = grade(c.correct);
    assert.ok(verdict.ok, `${c.name}: the correct gradient fails: ${JSON.stringify(verdict)}`);
    for (const [mistake, g] of Object.entries(c.wrong)) {
      const v = grade(g);
      assert.ok(!v.ok, `${c.name}: the gradient ${mistake} passes`);
      assert.ok(v.worstRelError > 0.3, `${c.name}, ${mistake}: ${v.worstRelError}`);
    }
  }
});

Deno.test("GRADIENT_TOLERANCE: a two-layer network, correct passes and mistakes fail", () => {
  for (const size of ["small", "medium"] as const) {
    const { N, D, H, C } = TWO_LAYER_SIZES[size];
    const reg = 0.5;
    const net = twoLayerFixture(TWO_LAYER_SIZES[size], { seed: 4, reg });
    const g = net.gradient();
    const keys = size === "small" ? (["W1", "b1", "W2", "b2"] as const) : (["W2", "b1"] as const);
    for (const key of keys) {
      const x = net.params[key];
      const grade = grader(net.loss, x);
      const verdict = grade(g[key]);
      assert.ok(verdict.ok, `${size} ${key}: ${JSON.stringify(verdict)}`);
      const wrong: Record<string, Float64Array> = { "doubled": scaled(g[key], 2) };
      if (key === "W1" || key === "W2") {
        const [r, c] = key === "W1" ? [D, H] : [H, C];
        wrong["transposed"] = transpose(g[key], r, c);
        // λW instead of 2λW for the regularization's gradient.
        wrong["half the regularization"] = g[key].map((v, i) => v - reg * x[i]);
      }
      if (key === "b2") {
        // Missing 1/N: the data term is all of db2.
        wrong["without 1/N"] = scaled(g[key], N);
      }
      for (const [mistake, bad] of Object.entries(wrong)) {
        assert.ok(!grade(bad).ok, `${size} ${key}: the gradient ${mistake} passes`);
      }
    }
  }
});

Deno.test("constantFactor: a scale shared by every element, and nothing else", () => {
  assert.equal(constantFactor([2, 4, 0, -6], [1, 2, 0, -3], 1e-5), 2);
  assert.equal(constantFactor([0.5, -1], [1, -2], 1e-5), 0.5);
  assert.equal(constantFactor([-1, 2], [1, -2], 1e-5), -1);
  // Numerical gradients agree with the reference to ~1e-8: still one factor.
  assert.equal(constantFactor([7 * (1 + 1e-9), 14], [1, 2], 1e-5), 7 * (1 + 1e-9));
  assert.equal(constantFactor([2, 5], [1, 2], 1e-5), undefined, "two different ratios");
  assert.equal(constantFactor([1, 2], [1, 2], 1e-5), undefined, "no factor: equal");
  assert.equal(constantFactor([0, 0], [1, 2], 1e-5), undefined, "zeros are not a factor");
  assert.equal(constantFactor([3, 1], [1, 0], 1e-5), undefined, "0 expected, 1 got");
  assert.equal(constantFactor([1, 2], [0, 0], 1e-5), undefined, "nothing above atol");
  assert.equal(constantFactor([2, 99], [1, 3], 1e-5, new Set([1])), 2, "skipped indices");
});
