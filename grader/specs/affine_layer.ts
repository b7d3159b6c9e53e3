/**
 * Hidden tests of exercise 09, the affine layer: `affineForward(X, W, b)` → `{ out, cache }` and
 * `affineBackward(dout, cache)` → `{ dX, dW, db }`.
 *
 * Every gradient is compared with the numerical gradient of Σ (X·W + b) ⊙ dout for a random
 * upstream gradient `dout`, on batches where N, D and H are pairwise different (so a transposed
 * product or a sum over the wrong axis has the wrong shape or the wrong values), with non-zero
 * biases, plus a batch of one and a backward called twice on the same cache.
 *
 * @module
 */

import { distinctSizes, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, GradientCheckOptions, TestCase, TestContext } from "../spec.ts";
import type { MistakenResult } from "../diagnosis/diagnose.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** Reference forward: X·W + b with plain loops. */
function affineReference(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const n = X.rows, d = X.cols, h = W.cols;
  const out = new Matrix(n, h);
  const x = X.data, w = W.data, o = out.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) {
      let s = b.data[j];
      for (let k = 0; k < d; k++) s += x[i * d + k] * w[k * h + j];
      o[i * h + j] = s;
    }
  }
  return out;
}

/** Σ out ⊙ dout: the scalar whose gradient a backward with upstream `dout` computes. */
function weighted(X: Matrix, W: Matrix, b: Matrix, dout: Matrix): number {
  const out = affineReference(X, W, b);
  let s = 0;
  for (let i = 0; i < out.size; i++) s += out.data[i] * dout.data[i];
  return s;
}

interface Problem {
  n: number;
  d: number;
  h: number;
  X: Matrix;
  W: Matrix;
  b: Matrix;
  dout: Matrix;
  /** Tolerance of the gradient checks (the default one unless the values are large). */
  tolerance?: GradientCheckOptions;
}

interface ProblemOptions {
  scale?: number;
  biasScale?: number;
}

function problem(rng: Rng, n: number, d: number, h: number, options: ProblemOptions = {}): Problem {
  const { scale = 1, biasScale = 1 } = options;
  return {
    n,
    d,
    h,
    X: randomMatrix(rng, n, d, { scale }),
    W: randomMatrix(rng, d, h, { scale }),
    b: randomMatrix(rng, 1, h, { scale: biasScale, gap: 0.1 * biasScale }),
    dout: randomMatrix(rng, n, h, { gap: 0.05 }),
  };
}

/** A problem with N, D and H pairwise different and N > 1. */
function unequalProblem(rng: Rng, options: ProblemOptions = {}): Problem {
  const [n, d, h] = distinctSizes(rng, 3, 2, 8);
  return problem(rng, n, d, h, options);
}

/**
 * A test on one problem with N, D and H pairwise different and N > 1 (drawn as
 * {@linkcode unequalProblem} draws them), written as a function of those sizes so that a failure
 * can be shrunk.
 */
function unequalTest(
  name: string,
  options: ProblemOptions,
  check: (t: TestContext, p: Problem) => Promise<unknown>,
): TestCase {
  return sizedTest(name, {
    sizes(rng) {
      const [N, D, H] = distinctSizes(rng, 3, 2, 8);
      return { N, D, H };
    },
    min: { N: 2, D: 1, H: 1 },
    distinct: [["N", "D", "H"]],
    draw(rng, s) {
      const { X, W, b, dout } = problem(rng, s.N, s.D, s.H, options);
      return { X, W, b, dout };
    },
    async check(t, { X, W, b, dout }, s) {
      await check(t, { n: s.N, d: s.D, h: s.H, X, W, b, dout });
    },
  });
}

/** Calls the learner's forward, checks `out` against the reference, returns the cache. */
async function forward(t: TestContext, p: Problem): Promise<unknown> {
  const result = t.expectObject(
    await t.call("affineForward", p.X, p.W, p.b),
    "affineForward's result",
    ["out", "cache"],
  );
  const out = t.expectMatrix(result.out, "out", [p.n, p.h]);
  t.expectClose("out", out, affineReference(p.X, p.W, p.b));
  return result.cache;
}

/** Calls the learner's backward and returns its result object (fields not yet checked). */
async function backward(
  t: TestContext,
  p: Problem,
  cache: unknown,
): Promise<Record<string, unknown>> {
  return t.expectObject(
    await t.call("affineBackward", p.dout, cache),
    "affineBackward's result",
    ["dX", "dW", "db"],
  );
}

function checkDX(t: TestContext, p: Problem, grads: Record<string, unknown>): Matrix {
  const dX = t.expectMatrix(grads.dX, "dX", [p.n, p.d]);
  t.expectGradient("dX", dX, () => weighted(p.X, p.W, p.b, p.dout), p.X, p.tolerance);
  return dX;
}

/** dW with dout taken as all ones, Xᵀ·1: the upstream gradient never multiplied in. */
function onesUpstream(p: Problem): MistakenResult[] {
  return [{
    kind: "upstream-ignored",
    value: p.X.T.matmul(Matrix.full(p.n, p.h, 1)).data,
    text: `equals the gradient for an upstream of all ones: dout was never multiplied in`,
  }];
}

function checkDW(t: TestContext, p: Problem, grads: Record<string, unknown>): Matrix {
  const dW = t.expectMatrix(grads.dW, "dW", [p.d, p.h]);
  t.expectGradient("dW", dW, () => weighted(p.X, p.W, p.b, p.dout), p.W, {
    ...p.tolerance,
    mistaken: onesUpstream(p),
  });
  return dW;
}

function checkDb(t: TestContext, p: Problem, grads: Record<string, unknown>): Matrix {
  const db = t.expectMatrix(grads.db, "db", [1, p.h]);
  t.expectGradient("db", db, () => weighted(p.X, p.W, p.b, p.dout), p.b, p.tolerance);
  return db;
}

/** dX, dW and db, every one of them checked (and all shown when one is wrong). */
function checkAll(t: TestContext, p: Problem, grads: Record<string, unknown>): void {
  const f = () => weighted(p.X, p.W, p.b, p.dout);
  const options = p.tolerance;
  t.expectGradients([
    { what: "dX", got: t.expectMatrix(grads.dX, "dX", [p.n, p.d]), f, x: p.X, options },
    {
      what: "dW",
      got: t.expectMatrix(grads.dW, "dW", [p.d, p.h]),
      f,
      x: p.W,
      options: { ...options, mistaken: onesUpstream(p) },
    },
    { what: "db", got: t.expectMatrix(grads.db, "db", [1, p.h]), f, x: p.b, options },
  ]);
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Each gradient has the shape of what it is the gradient of (dX like X, dW like W, db like b). Derive one entry from out[i][j] = Σ_d X[i][d]·W[d][j] + b[j], adding up over every output entry an input appears in, then write the sum as a matrix operation that has the right shape.",
  "One entry of each: X[i][d] appears in out[i][j] for every j, with factor W[d][j]; W[d][j] appears in out[i][j] for every example i, with factor X[i][d]; b[j] is added to every row with factor 1, so the rows' gradients add up (the fork of exercise 05).",
  "dX = dout·Wᵀ (N×D), dW = Xᵀ·dout (D×H), db = the column sums of dout (1×H): dout.matmul(W.T), X.T.matmul(dout), dout.colSums().",
];

/** Exercise `affine_layer`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "affine_layer",
  exports: ["affineForward", "affineBackward"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    except: ["cache"],
    parameters: { affineForward: ["X", "W", "b"], affineBackward: ["dout", "cache"] },
  }, [
    unequalTest("out = X·W + b on a batch with N, D, H all different", { biasScale: 2 }, forward),
    unequalTest(
      "dX with a random upstream gradient (N ≠ D ≠ H)",
      {},
      async (t, p) => checkDX(t, p, await backward(t, p, await forward(t, p))),
    ),
    unequalTest(
      "dW with a random upstream gradient (N ≠ D ≠ H)",
      {},
      async (t, p) => checkDW(t, p, await backward(t, p, await forward(t, p))),
    ),
    unequalTest(
      "db with a random upstream gradient and a non-zero bias (N ≠ D ≠ H)",
      { biasScale: 2 },
      async (t, p) => checkDb(t, p, await backward(t, p, await forward(t, p))),
    ),
    {
      name: "a batch of one (N = 1, D ≠ H)",
      async run(t) {
        const [d, h] = distinctSizes(t.rng, 2, 2, 7);
        const p = problem(t.rng, 1, d, h);
        checkAll(t, p, await backward(t, p, await forward(t, p)));
      },
    },
    {
      name: "a single input feature and a single output unit (D = H = 1, N > 1)",
      async run(t) {
        const p = problem(t.rng, t.rng.int(3, 7), 1, 1);
        checkAll(t, p, await backward(t, p, await forward(t, p)));
      },
    },
    {
      name: "two layers: two forwards of different shapes, then the backwards in reverse order",
      detects: "state",
      async run(t) {
        // A network calls every forward before the first backward; a backward that reads what
        // the last forward left in module variables instead of its cache gets layer 1 wrong.
        const [n, d, h, h2] = distinctSizes(t.rng, 4, 2, 9);
        const first = problem(t.rng, n, d, h);
        const second = problem(t.rng, n, h, h2);
        const caches = [await forward(t, first), await forward(t, second)];
        checkAll(t, second, await backward(t, second, caches[1]));
        checkAll(t, first, await backward(t, first, caches[0]));
      },
    },
    {
      name: "backward called twice on the same cache returns the same gradients",
      async run(t) {
        const p = unequalProblem(t.rng);
        const cache = await forward(t, p);
        const first = await backward(t, p, cache);
        checkAll(t, p, first);
        const second = await backward(t, p, cache);
        for (
          const [key, shape] of [["dX", [p.n, p.d]], ["dW", [p.d, p.h]], ["db", [1, p.h]]] as const
        ) {
          const again = t.expectMatrix(second[key], `${key} of the second call`, shape);
          t.expectClose(
            `${key} of the second call (compared with the first call: gradients must not ` +
              `accumulate from one call to the next)`,
            again,
            first[key] as Matrix,
          );
        }
      },
    },
    {
      name: "several random shapes, small and large values",
      async run(t) {
        for (const scale of [0.01, 1, 10]) {
          const [n, d, h] = distinctSizes(t.rng, 3, 1, 9);
          const p = problem(t.rng, n, d, h, { scale, biasScale: scale });
          // With X and W of size s the checked sum Σ out ⊙ dout is of size s², and so is the
          // rounding noise of its numerical gradient: the absolute floor grows with it.
          p.tolerance = { atol: 1e-3 * Math.max(1, scale * scale) };
          checkAll(t, p, await backward(t, p, await forward(t, p)));
        }
      },
    },
  ]),
};
