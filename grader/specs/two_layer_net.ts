/**
 * Hidden tests of exercise 20, the two-layer network: `twoLayerLoss(X, y, { W1, b1, W2, b2 })`
 * → `{ loss, grads: { W1, b1, W2, b2 } }` for affine → ReLU → affine → mean softmax
 * cross-entropy, without regularization.
 *
 * The loss is compared with a reference forward; every gradient with the numerical gradient of
 * that reference loss. N, D, H and C are pairwise different, the first layer's pre-activations
 * stay away from the ReLU's kink (some positive, some negative), biases are non-zero, and
 * there are a batch of one, two classes, scores around 1000 and a larger batch checked along
 * random directions.
 *
 * @module
 */

import {
  classLabels,
  distinctSizes,
  isMatrix,
  Matrix,
  randomMatrix,
  reluSafeAffine,
  type Rng,
} from "@gradkit/lib";
import type { ExerciseSpec, GradientCheckOptions, Sizes, TestCase, TestContext } from "../spec.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** A parameter of the two-layer network. */
export type Name = "W1" | "b1" | "W2" | "b2";
/** The network's parameters, in the order reports list them. */
export const NAMES: readonly Name[] = ["W1", "b1", "W2", "b2"];

interface Problem {
  n: number;
  d: number;
  h: number;
  c: number;
  X: Matrix;
  y: Int32Array;
  params: Record<Name, Matrix>;
}

/** The scores of the network, with plain loops. */
function referenceScores(X: Matrix, p: Record<Name, Matrix>): Matrix {
  const n = X.rows, d = X.cols, h = p.W1.cols, c = p.W2.cols;
  const x = X.data, w1 = p.W1.data, b1 = p.b1.data, w2 = p.W2.data, b2 = p.b2.data;
  const S = new Matrix(n, c);
  const a = new Float64Array(h);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < h; k++) {
      let z = b1[k];
      for (let m = 0; m < d; m++) z += x[i * d + m] * w1[m * h + k];
      a[k] = z > 0 ? z : 0;
    }
    for (let j = 0; j < c; j++) {
      let s = b2[j];
      for (let k = 0; k < h; k++) s += a[k] * w2[k * c + j];
      S.data[i * c + j] = s;
    }
  }
  return S;
}

/** The reference loss: mean over the rows of log Σ exp(s) − s_y, shifted by the row maximum. */
function referenceLoss(X: Matrix, y: Int32Array, p: Record<Name, Matrix>): number {
  const S = referenceScores(X, p);
  const n = S.rows, c = S.cols;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, S.data[i * c + j]);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(S.data[i * c + j] - max);
    total += Math.log(sum) + max - S.data[i * c + y[i]];
  }
  return total / n;
}

/** A problem whose first-layer pre-activations are all at least 1e-3 away from 0. */
function problem(rng: Rng, n: number, d: number, h: number, c: number): Problem {
  const { X, W, b } = reluSafeAffine(rng, { n, inDim: d, outDim: h });
  return {
    n,
    d,
    h,
    c,
    X,
    y: classLabels(rng, n, c),
    params: {
      W1: W,
      b1: b,
      W2: randomMatrix(rng, h, c),
      b2: randomMatrix(rng, 1, c, { scale: 0.5, gap: 0.05 }),
    },
  };
}

/**
 * A test on one {@linkcode problem} at sizes N, D, H, C, as a function of them so that a failure
 * can be shrunk: the inputs are X, y and the four parameters.
 */
function problemTest(
  name: string,
  o: {
    sizes: (rng: Rng) => Sizes;
    min: Sizes;
    distinct: string[][];
    check: (t: TestContext, p: Problem) => Promise<void>;
  },
): TestCase {
  return sizedTest(name, {
    sizes: o.sizes,
    min: o.min,
    distinct: o.distinct,
    draw(rng, s) {
      const { X, y, params } = problem(rng, s.N, s.D, s.H, s.C);
      return { X, y, ...params };
    },
    validate({ X, y, W1, b1 }, { C }) {
      if (!y.every((v) => v >= 0 && v < C)) return `a label outside 0 … ${C - 1}`;
      const Z = X.matmul(W1).add(b1);
      return Z.data.every((z) => Math.abs(z) >= 1e-3) ? undefined : "a ReLU input at its kink (0)";
    },
    check(t, { X, y, W1, b1, W2, b2 }) {
      const params = { W1, b1, W2, b2 };
      return o.check(t, { n: X.rows, d: X.cols, h: W1.cols, c: W2.cols, X, y, params });
    },
  });
}

/** A {@linkcode problemTest} with N, D, H and C pairwise different (from 2 to 9), N > 1. */
function unequalTest(
  name: string,
  check: (t: TestContext, p: Problem) => Promise<void>,
): TestCase {
  return problemTest(name, {
    sizes(rng) {
      const [N, D, H, C] = distinctSizes(rng, 4, 2, 9);
      return { N, D, H, C };
    },
    min: { N: 2, D: 1, H: 1, C: 2 },
    distinct: [["N", "D", "H", "C"]],
    check,
  });
}

/** The loss and every gradient of one problem. */
async function checkAll(t: TestContext, p: Problem): Promise<void> {
  const { loss, grads } = await learner(t, p);
  checkLoss(t, p, loss, grads);
  checkGradients(t, p, grads, NAMES);
}

/** Calls the learner and checks the result's structure; the gradients' shapes are checked per test. */
async function learner(
  t: TestContext,
  p: Problem,
): Promise<{ loss: unknown; grads: Record<string, unknown> }> {
  const r = t.expectObject(
    await t.call("twoLayerLoss", p.X, p.y, p.params),
    "twoLayerLoss's result",
    ["loss", "grads"],
  );
  return { loss: r.loss, grads: t.expectObject(r.grads, "grads", NAMES) };
}

function checkLoss(
  t: TestContext,
  p: Problem,
  loss: unknown,
  grads?: Record<string, unknown>,
): void {
  const got = t.expectNumber(loss, "loss", grads?.W2);
  t.expectClose("loss (mean over the batch)", got, referenceLoss(p.X, p.y, p.params));
}

/**
 * Fails, naming `routing`, when a returned gradient has another parameter's shape and not its
 * own (nor its own transposed): gradients handed to the wrong parameters. Passes otherwise (the
 * shape checks and comparisons follow).
 */
function expectOwnShapes(
  t: TestContext,
  params: Record<Name, Matrix>,
  grads: Record<string, unknown>,
  names: readonly Name[],
): void {
  for (const name of names) {
    const g = grads[name], x = params[name];
    if (!isMatrix(g) || (g.rows === x.rows && g.cols === x.cols)) continue;
    if (g.rows === x.cols && g.cols === x.rows) continue;
    const other = NAMES.find((o) =>
      o !== name && params[o].rows === g.rows && params[o].cols === g.cols
    );
    t.expect(
      other === undefined,
      `grads.${name} is ${g.rows}×${g.cols}, the shape of ${other} (${name} is ${x.rows}×` +
        `${x.cols}): the gradients were handed back to the wrong parameters`,
      "routing",
    );
  }
}

function checkGradients(
  t: TestContext,
  p: Problem,
  grads: Record<string, unknown>,
  names: readonly Name[],
  options: Partial<Record<Name, GradientCheckOptions>> = {},
): void {
  const f = () => referenceLoss(p.X, p.y, p.params);
  expectOwnShapes(t, p.params, grads, names);
  // Every gradient checked, and all reported when one is wrong (where the error starts).
  t.expectGradients(names.map((name) => {
    const x = p.params[name];
    const got = t.expectMatrix(grads[name], `grads.${name}`, [x.rows, x.cols]);
    return { what: `grads.${name}`, got, f, x, options: options[name] };
  }));
}

/**
 * Tolerance of the tests at large scores. The scores there carry rounding errors of about
 * 1e3 · eps, which the numerical gradient divides by its step (≈ 1e-5): a noise of about 1e-8
 * on every entry, the default absolute floor. And the checker's step for a bias of size 1000 is
 * about 6e-3, over which the softmax bends: a truncation error below 1.3e-6 (its third
 * derivative is at most 0.1). Entries below 0.05 are therefore compared to 5e-6 absolutely, and
 * larger ones to 1e-4 relatively; a real mistake is an error of 0.5 or more.
 */
const LARGE_SCORES: GradientCheckOptions = { rtol: 1e-4, atol: 0.05 };

/**
 * A problem whose scores are `offset` plus a few units: W2 as usual, b2 = offset + N(0, 0.5²).
 * The softmax is not saturated, so every gradient is exercised.
 */
function offsetScoreProblem(rng: Rng, offset: number): Problem {
  const [n, d, h, c] = distinctSizes(rng, 4, 3, 9);
  const p = problem(rng, n, d, h, c);
  p.params.b2 = p.params.b2.add(offset);
  return p;
}

/**
 * A problem whose scores spread over more than 2000 within every row: b2 runs from −1200 to
 * +1200 (one class at each end), so the correct class of some example (N > C: every class is
 * someone's label) trails the best by more than 2000 and its probability underflows to 0.
 */
function spreadScoreProblem(rng: Rng): Problem {
  // N > C, so every class is some example's label (the −1200 one included).
  const [c, d, h, n] = distinctSizes(rng, 4, 3, 9).sort((a, b) => a - b);
  const p = problem(rng, n, d, h, c);
  const b2 = new Matrix(1, c);
  for (let j = 0; j < c; j++) {
    b2.data[j] = j === 0 ? 1200 : j === 1 ? -1200 : rng.uniform(-1000, 1000);
  }
  rng.shuffle(b2.data);
  p.params.b2 = b2;
  return p;
}

/**
 * A problem whose rows score at very different levels: hidden unit 0 reads feature 0 only
 * (W1[0, 0] = 1, b1[0] = 0), feature 0 is +1 to +1.05 on some rows and −1 to −1.05 on the others
 * (both present), W2's row 0 adds 2000 to every class and b2 is −1000 plus a little. So rows with
 * unit 0 on score around +1000 to +1100, rows with it off around −1000: a softmax shifted by the
 * maximum of the whole batch instead of each row's takes exp of about −2000 on the low rows and
 * always fails. (A shift common to a row changes no probability, so the gradient through unit 0
 * is 0 and every other gradient is as usual.)
 */
function levelledProblem(rng: Rng): Problem {
  const [n, d, h, c] = distinctSizes(rng, 4, 3, 9);
  for (let attempt = 0;; attempt++) {
    const p = problem(rng, n, d, h, c);
    const { X, params: { W1, b1 } } = p;
    for (let k = 0; k < h; k++) W1.data[k] = k === 0 ? 1 : W1.data[k];
    for (let m = 1; m < d; m++) W1.data[m * h] = 0;
    b1.data[0] = 0;
    const start = rng.int(0, 2);
    for (let i = 0; i < n; i++) {
      X.data[i * d] = ((start + i) % 2 === 0 ? 1 : -1) * rng.uniform(1, 1.05);
    }
    // The new feature 0 moved every first-layer pre-activation: keep them away from the kink.
    const Z = X.matmul(W1).add(b1);
    if (Z.data.every((z) => Math.abs(z) >= 1e-3) || attempt > 100) {
      for (let j = 0; j < c; j++) p.params.W2.data[j] = 2000;
      p.params.b2 = p.params.b2.add(-1000);
      return p;
    }
  }
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Walk the forward pass backwards one stage at a time, each with the rule you derived in its own exercise: the loss (11), the second affine layer (07), the ReLU (04), the first affine layer (07). Keep Z (or A) from the forward for the ReLU, and write each gradient's shape as you go.",
  "In the stub's example (S = [[1, 0]], y = [0]): the loss's gradient on S is [[0.7311 − 1, 0.2689]] = [[−0.2689, 0.2689]]. Carry it back through W2 and the ReLU: the second hidden unit is off (its Z is −1), so nothing reaches the second column of W1 or the second entry of b1.",
  "dS = (softmax(S) − onehot(y)) / N; dW2 = Aᵀ·dS and db2 = column sums of dS; dA = dS·W2ᵀ; dZ = dA where Z > 0, else 0; dW1 = Xᵀ·dZ and db1 = column sums of dZ.",
];

/** Exercise `two_layer_net`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "two_layer_net",
  exports: ["twoLayerLoss"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({ parameters: { twoLayerLoss: ["X", "y", "params"] } }, [
    unequalTest("loss on a batch with N, D, H, C all different", async (t, p) => {
      const { loss, grads } = await learner(t, p);
      checkLoss(t, p, loss, grads);
    }),
    unequalTest("grads of W2 and b2 (N, D, H, C all different)", async (t, p) => {
      const { grads } = await learner(t, p);
      checkGradients(t, p, grads, ["W2", "b2"]);
    }),
    unequalTest("grads of W1 and b1 through the ReLU (N, D, H, C all different)", async (t, p) => {
      const { grads } = await learner(t, p);
      checkGradients(t, p, grads, ["W1", "b1"]);
    }),
    problemTest("a batch of one (N = 1)", {
      sizes(rng) {
        const [D, H, C] = distinctSizes(rng, 3, 2, 8);
        return { N: 1, D, H, C };
      },
      min: { N: 1, D: 1, H: 1, C: 2 },
      distinct: [["D", "H", "C"]],
      check: checkAll,
    }),
    problemTest("two classes (C = 2)", {
      sizes(rng) {
        const [N, D, H] = distinctSizes(rng, 3, 3, 9);
        return { N, D, H, C: 2 };
      },
      min: { N: 2, D: 1, H: 1, C: 2 },
      distinct: [["N", "D", "H"]],
      check: checkAll,
    }),
    {
      name: "stable at scores around +1000 and around −1000",
      async run(t) {
        for (const offset of [1000, -1000]) {
          const p = offsetScoreProblem(t.rng, offset);
          const { loss, grads } = await learner(t, p);
          checkLoss(t, p, loss, grads);
          checkGradients(t, p, grads, NAMES, {
            W1: LARGE_SCORES,
            b1: LARGE_SCORES,
            W2: LARGE_SCORES,
            b2: LARGE_SCORES,
          });
        }
      },
    },
    {
      name: "stable with a score spread above 2000 in every row",
      async run(t) {
        const p = spreadScoreProblem(t.rng);
        const { loss, grads } = await learner(t, p);
        checkLoss(t, p, loss, grads);
        checkGradients(t, p, grads, NAMES, {
          W1: LARGE_SCORES,
          b1: LARGE_SCORES,
          W2: LARGE_SCORES,
          b2: LARGE_SCORES,
        });
      },
    },
    {
      name: "rows at very different levels in one batch (scores ≈ +1000 and ≈ −1000)",
      async run(t) {
        const p = levelledProblem(t.rng);
        const { loss, grads } = await learner(t, p);
        checkLoss(t, p, loss, grads);
        checkGradients(t, p, grads, NAMES, {
          W1: LARGE_SCORES,
          b1: LARGE_SCORES,
          W2: LARGE_SCORES,
          b2: LARGE_SCORES,
        });
      },
    },
    {
      name: "a larger batch (N = 20–30, gradients along random directions)",
      async run(t) {
        const n = t.rng.int(20, 31);
        const [d, h, c] = distinctSizes(t.rng, 3, 5, 15);
        const p = problem(t.rng, n, d, h, c);
        const { loss, grads } = await learner(t, p);
        checkLoss(t, p, loss, grads);
        const f = () => referenceLoss(p.X, p.y, p.params);
        expectOwnShapes(t, p.params, grads, NAMES);
        const gradients = NAMES.map((name) => {
          const x = p.params[name];
          const got = t.expectMatrix(grads[name], `grads.${name}`, [x.rows, x.cols]);
          return { what: `grads.${name}`, got, x };
        });
        t.expectGradientsTogether(gradients, f, { directions: 8 });
      },
    },
  ]),
};
