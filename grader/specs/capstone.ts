/**
 * Hidden tests of the capstone: a regularized two-layer network built from the learner's own
 * layers and losses, trained by full-batch gradient descent, its regularization strength chosen
 * on held-out data, put through the sanity checks of the notes and gradient-checked with the
 * learner's own checker.
 *
 * Training from a given start is deterministic, so the grader replays every run with its own
 * reference (in this process) and compares the recorded losses and the parameters; accuracies
 * are recomputed here from the parameters the learner returns. The gradient check is judged by
 * handing the learner's checker gradients of known error (right ones, and ones made wrong in
 * known ways) and comparing the errors it reports with the reference's.
 *
 * @module
 */

import {
  classificationData,
  distinctSizes,
  Matrix,
  randomMatrix,
  reluSafeAffine,
  type Rng,
} from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import { relativeError } from "../compare.ts";
import { referenceSoftmaxLoss } from "./softmax_cross_entropy.ts";
import { type Name, NAMES } from "./two_layer_net.ts";
import { newValues } from "./_new_values.ts";
import { historyKind } from "./_history.ts";

/** The network's parameters, or their gradients. */
type Params = Record<Name, Matrix>;

/** Settings of one gradient descent run, as the learner receives them. */
interface Descent {
  learningRate: number;
  steps: number;
}

/**
 * Tolerance of a replayed trajectory: float64 rounding only, amplified a little by the steps
 * (the linear classifier's, whose correct variants differ from its reference by 6e-12 at most).
 */
const REPLAY = { rtol: 1e-9, atol: 0.1 };

/** The floor of a relative error's denominator, as the gradient check exercise pins it. */
const FLOOR = 1e-8;

/** The scores of the network: ReLU(X·W1 + b1)·W2 + b2. */
function scores(X: Matrix, p: Params): Matrix {
  return X.matmul(p.W1).add(p.b1).maximum(0).matmul(p.W2).add(p.b2);
}

/** ΣW1² + ΣW2², by a loop. */
function weightSquares(p: Params): number {
  let s = 0;
  for (const w of p.W1.data) s += w * w;
  for (const w of p.W2.data) s += w * w;
  return s;
}

/** The reference loss: mean softmax cross-entropy + reg·(ΣW1² + ΣW2²), biases not penalized. */
export function referenceLoss(X: Matrix, y: Int32Array, p: Params, reg: number): number {
  return referenceSoftmaxLoss(scores(X, p), y) + reg * weightSquares(p);
}

/** The reference gradients of {@linkcode referenceLoss}, for the replays. */
export function referenceGrads(X: Matrix, y: Int32Array, p: Params, reg: number): Params {
  const n = X.rows;
  const Z = X.matmul(p.W1).add(p.b1);
  const A = Z.maximum(0);
  const S = A.matmul(p.W2).add(p.b2);
  const E = S.sub(S.rowMax()).exp();
  const dS = E.div(E.rowSums());
  for (let i = 0; i < n; i++) dS.data[i * S.cols + y[i]] -= 1;
  const dScores = dS.div(n);
  const dA = dScores.matmul(p.W2.T);
  const dZ = dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
  return {
    W1: X.T.matmul(dZ).add(p.W1.mul(2 * reg)),
    b1: dZ.colSums(),
    W2: A.T.matmul(dScores).add(p.W2.mul(2 * reg)),
    b2: dScores.colSums(),
  };
}

/** The reference run: gradient descent from `init`, the loss recorded before each update. */
export function referenceTraining(
  X: Matrix,
  y: Int32Array,
  init: Params,
  options: Descent & { reg: number },
): { params: Params; losses: number[] } {
  let p: Params = { ...init };
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    losses.push(referenceLoss(X, y, p, options.reg));
    const g = referenceGrads(X, y, p, options.reg);
    const next = { ...p };
    for (const name of NAMES) next[name] = p[name].sub(g[name].mul(options.learningRate));
    p = next;
  }
  return { params: p, losses };
}

/** The fraction of rows whose highest score is at their label. */
function accuracy(X: Matrix, y: Int32Array, p: Params): number {
  const best = scores(X, p).rowArgmax();
  let right = 0;
  for (let i = 0; i < y.length; i++) if (best[i] === y[i]) right++;
  return right / y.length;
}

/** A classification problem: training, validation and test rows, and a small start. */
interface Problem {
  X: Matrix;
  y: Int32Array;
  valX: Matrix;
  valY: Int32Array;
  testX: Matrix;
  testY: Int32Array;
  classes: number;
  init: Params;
}

/** Rows `from`..`to`−1 of X and y. */
function rows(X: Matrix, y: Int32Array, from: number, to: number): [Matrix, Int32Array] {
  return [
    new Matrix(to - from, X.cols, X.data.slice(from * X.cols, to * X.cols)),
    y.slice(from, to),
  ];
}

/**
 * A problem of blobs in D = 3..5 dimensions, C = 3 or 4 classes, H = 8..14 hidden units (all
 * different), 60 training, 40 validation and 100 test rows; the start has W1 of scale 0.5, W2
 * of scale 0.01 and zero biases, so that the scores start near 0 and the loss near log C.
 */
function problem(rng: Rng): Problem {
  const classes = rng.int(3, 5);
  const [dim, hidden] = [rng.int(3, 6), rng.int(8, 15)];
  const all = classificationData(rng.fork("data"), {
    n: 200,
    dim,
    classes,
    spread: 1,
    separation: 2.5,
  });
  const [X, y] = rows(all.X, all.y, 0, 60);
  const [valX, valY] = rows(all.X, all.y, 60, 100);
  const [testX, testY] = rows(all.X, all.y, 100, 200);
  const init = {
    W1: randomMatrix(rng, dim, hidden, { scale: 0.5 }),
    b1: new Matrix(1, hidden),
    W2: randomMatrix(rng, hidden, classes, { scale: 0.01 }),
    b2: new Matrix(1, classes),
  };
  return { X, y, valX, valY, testX, testY, classes, init };
}

/** Checks that `value` is a params object of `init`'s shapes, and returns it. */
function expectParams(t: TestContext, value: unknown, what: string, like: Params): Params {
  const o = t.expectObject(value, what, NAMES);
  const out = {} as Params;
  for (const name of NAMES) {
    out[name] = t.expectMatrix(o[name], `${what}.${name}`, [like[name].rows, like[name].cols]);
  }
  return out;
}

/** Checks that `value` is a plain array of `length` finite numbers, and returns it. */
function expectNumbers(t: TestContext, value: unknown, what: string, length: number): number[] {
  t.expect(
    Array.isArray(value),
    `${what}: expected a plain array of numbers, got ${
      value instanceof Float64Array ? "a Float64Array (use a number[])" : typeof value
    }`,
  );
  t.expect(value.length === length, `${what}: expected ${length} numbers, got ${value.length}`);
  return value.map((v, k) => t.expectNumber(v, `${what}[${k}]`));
}

/** Compares a learner's run with the reference's: the losses step by step, then the parameters. */
function expectSameRun(
  t: TestContext,
  got: { params: Params; losses: number[] },
  ref: { params: Params; losses: number[] },
  label: string,
): void {
  const history = historyKind(got.losses, ref.losses, REPLAY);
  for (let k = 0; k < ref.losses.length; k++) {
    const e = relativeError(got.losses[k], ref.losses[k], REPLAY.atol);
    t.expect(
      e <= REPLAY.rtol,
      `losses[${k}] (${label}) is ${got.losses[k].toPrecision(10)}, expected ` +
        `${ref.losses[k].toPrecision(10)}: ${
          k === 0
            ? "the loss of the start itself is recorded first (is networkLoss right?)"
            : `the losses agree up to step ${k - 1}, so update ${k - 1} differs from gradient ` +
              `descent as the exercise describes it`
        }${history ? `; ${history.text}` : ""}`,
      history?.kind,
    );
  }
  for (const name of NAMES) {
    t.expectClose(`params.${name} (${label})`, got.params[name], ref.params[name], REPLAY);
  }
}

/** The learner's training run, checked for form. */
async function learnerTraining(
  t: TestContext,
  fn: string,
  args: unknown[],
  like: Params,
  steps: number,
): Promise<{ params: Params; losses: number[] }> {
  const out = t.expectObject(await t.call(fn, ...args), `${fn}(...)`, ["params", "losses"]);
  return {
    params: expectParams(t, out.params, "params", like),
    losses: expectNumbers(t, out.losses, "losses", steps),
  };
}

/** A network problem for the loss and the checks: its pre-activations kept off the ReLU's kink. */
function netProblem(rng: Rng, n: number, d: number, h: number, c: number) {
  const { X, W, b } = reluSafeAffine(rng, { n, inDim: d, outDim: h });
  const y = Int32Array.from({ length: n }, (_, i) => i < c ? i : rng.int(0, c));
  rng.shuffle(y);
  const params: Params = {
    W1: W,
    b1: b,
    W2: randomMatrix(rng, h, c),
    b2: randomMatrix(rng, 1, c, { scale: 0.5, gap: 0.05 }),
  };
  return { X, y, params };
}

/** Calls `networkLoss` and checks its value and every gradient against the reference. */
async function checkNetworkLoss(
  t: TestContext,
  p: { X: Matrix; y: Int32Array; params: Params },
  reg: number,
): Promise<void> {
  const out = t.expectObject(
    await t.call("networkLoss", p.X, p.y, p.params, reg),
    "networkLoss(...)",
    ["loss", "grads"],
  );
  const grads = expectParams(t, out.grads, "grads", p.params);
  t.expectClose(
    `loss (reg = ${reg})`,
    t.expectNumber(out.loss, "loss", grads.W2),
    referenceLoss(p.X, p.y, p.params, reg),
  );
  const f = () => referenceLoss(p.X, p.y, p.params, reg);
  t.expectGradients(
    NAMES.map((name) => ({ what: `grads.${name}`, got: grads[name], f, x: p.params[name] })),
  );
}

/** What the learner's sanity checks are run with. */
const REGS = [0, 0.01, 0.1, 1];
const TINY = { n: 5, learningRate: 0.5, steps: 200 };
/** The training of the capstone's problems. */
const DESCENT: Descent = { learningRate: 0.3, steps: 150 };
const CANDIDATES = [0, 0.003, 0.03, 0.3];

/**
 * The reference's choice: every candidate's validation accuracy, the first best and its run, and
 * whether every candidate's training accuracy happens to equal its validation accuracy.
 */
function referenceChoice(p: Problem) {
  const runs = CANDIDATES.map((reg) => referenceTraining(p.X, p.y, p.init, { ...DESCENT, reg }));
  const valAccuracies = runs.map((r) => accuracy(p.valX, p.valY, r.params));
  const best = valAccuracies.indexOf(Math.max(...valAccuracies));
  const sameOnTraining = runs.every((r, k) => accuracy(p.X, p.y, r.params) === valAccuracies[k]);
  return { valAccuracies, best, params: runs[best].params, sameOnTraining };
}

/** The learner's `chooseReg` on a problem, checked for form. */
async function learnerChoice(t: TestContext, p: Problem) {
  const split = { X: p.X, y: p.y, valX: p.valX, valY: p.valY };
  const out = t.expectObject(
    await t.call("chooseReg", split, p.init, DESCENT, CANDIDATES),
    "chooseReg(...)",
    ["reg", "valAccuracies", "params"],
  );
  return {
    reg: t.expectNumber(out.reg, "reg"),
    valAccuracies: expectNumbers(t, out.valAccuracies, "valAccuracies", CANDIDATES.length),
    params: expectParams(t, out.params, "params", p.init),
  };
}

/** The relative error of `got` against `numeric`, as the gradient check exercise defines it. */
function gradientError(got: Matrix, numeric: Matrix): number {
  let worst = 0;
  for (let i = 0; i < got.size; i++) {
    const a = got.data[i], b = numeric.data[i];
    worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), FLOOR));
  }
  return worst;
}

/** The reference's numerical gradient of the loss with respect to `x` (a parameter, in place). */
function numericGradient(f: () => number, x: Matrix): Matrix {
  const g = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    const h = 1e-6 * Math.max(1, Math.abs(old));
    x.data[i] = old + h;
    const plus = f();
    x.data[i] = old - h;
    const minus = f();
    x.data[i] = old;
    g.data[i] = (plus - minus) / (2 * h);
  }
  return g;
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Build networkLoss from your own pieces in the order the forward runs (affine, ReLU, affine, softmax cross-entropy, plus the L2 penalty on both weight matrices) and walk them back in reverse; everything else (training, choosing λ, the checks) only calls networkLoss. Start from a copy of init, never from init itself.",
  "A tiny case: with W2 all zero, every score is b2, so with b2 = 0 the loss is exactly log C whatever the data, and a penalty reg·ΣW1² is all the regularization adds. For the check, hand your gradientCheck a function of one parameter matrix that puts it into a copy of the params and returns networkLoss(...).loss.",
  "grads.W1 = (W1's gradient from your first affineBackward) + 2·reg·W1, grads.W2 likewise with 2·reg·W2, grads.b1 and grads.b2 straight from the two affineBackward calls; each step does p ← p − learningRate·grads for all four.",
];

/** Exercise `capstone`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "capstone",
  exports: [
    "networkLoss",
    "trainNetwork",
    "predict",
    "chooseReg",
    "sanityChecks",
    "checkNetworkGradients",
  ],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      networkLoss: ["X", "y", "params", "reg"],
      trainNetwork: ["X", "y", "init", "options"],
      predict: ["X", "params"],
      chooseReg: ["split", "init", "options", "candidates"],
      sanityChecks: ["X", "y", "init", "regs", "tiny"],
      checkNetworkGradients: ["X", "y", "params", "reg", "grads"],
    },
  }, [
    {
      name: "networkLoss: the loss and every gradient, L2 on W1 and W2 (N, D, H, C all different)",
      async run(t: TestContext) {
        const [n, d, h, c] = distinctSizes(t.rng, 4, 2, 9);
        await checkNetworkLoss(t, netProblem(t.rng, Math.max(n, c), d, h, c), 0.3);
      },
    },
    {
      name: "networkLoss: no penalty at reg = 0, on a batch and on a single example",
      async run(t: TestContext) {
        const [n, d, h, c] = distinctSizes(t.rng, 4, 2, 9);
        await checkNetworkLoss(t, netProblem(t.rng, Math.max(n, c), d, h, c), 0);
        await checkNetworkLoss(t, netProblem(t.rng, 1, d, h, c), 0);
      },
    },
    {
      name: "sanity checks: the loss at the start near log C, rising with λ, a tiny set overfit",
      async run(t: TestContext) {
        const p = problem(t.rng);
        const out = t.expectObject(
          await t.call("sanityChecks", p.X, p.y, p.init, REGS, TINY),
          "sanityChecks(...)",
          ["initialLoss", "regLosses", "overfitLosses", "overfitAccuracy"],
        );
        const initial = t.expectNumber(out.initialLoss, "initialLoss");
        const logC = Math.log(p.classes);
        t.expect(
          Math.abs(initial - logC) < 0.1,
          `initialLoss is ${initial.toFixed(4)}, not near log C = ${logC.toFixed(4)} ` +
            `(C = ${p.classes}): with scores near 0 every class gets about 1/C, whose −log is ` +
            `log C; a start this far from it means the loss itself is wrong`,
        );
        t.expectClose("initialLoss", initial, referenceLoss(p.X, p.y, p.init, 0));
        const regLosses = expectNumbers(t, out.regLosses, "regLosses", REGS.length);
        for (let k = 1; k < REGS.length; k++) {
          t.expect(
            regLosses[k] > regLosses[k - 1],
            `regLosses did not rise with λ: ${regLosses[k - 1]} at λ = ${REGS[k - 1]}, ` +
              `${regLosses[k]} at λ = ${REGS[k]} (is the penalty added to the loss?)`,
          );
        }
        for (let k = 0; k < REGS.length; k++) {
          t.expectClose(
            `regLosses[${k}] (λ = ${REGS[k]})`,
            regLosses[k],
            referenceLoss(p.X, p.y, p.init, REGS[k]),
          );
        }
        const overfit = expectNumbers(t, out.overfitLosses, "overfitLosses", TINY.steps);
        const [tinyX, tinyY] = rows(p.X, p.y, 0, TINY.n);
        const ref = referenceTraining(tinyX, tinyY, p.init, { ...TINY, reg: 0 });
        const last = overfit[overfit.length - 1];
        const overfitAccuracy = t.expectNumber(out.overfitAccuracy, "overfitAccuracy");
        t.expect(
          last < 0.2 && overfitAccuracy === 1,
          `training on the first ${TINY.n} rows with λ = 0 should overfit them (loss near 0, ` +
            `every row right); your run ends at loss ${last.toFixed(4)}, accuracy ` +
            `${overfitAccuracy} (the reference: ${ref.losses.at(-1)!.toFixed(4)}, 1)`,
        );
        for (let k = 0; k < TINY.steps; k++) {
          t.expectClose(`overfitLosses[${k}]`, overfit[k], ref.losses[k], REPLAY);
        }
      },
    },
    {
      name:
        "trainNetwork: every loss and the final parameters follow gradient descent (reg = 0.01)",
      async run(t: TestContext) {
        const p = problem(t.rng);
        const options = { learningRate: 0.2, steps: 60, reg: 0.01 };
        const got = await learnerTraining(
          t,
          "trainNetwork",
          [p.X, p.y, p.init, options],
          p.init,
          options.steps,
        );
        expectSameRun(t, got, referenceTraining(p.X, p.y, p.init, options), "reg = 0.01");
      },
    },
    {
      name: "chooseReg: every candidate's validation accuracy, and the first best chosen",
      async run(t: TestContext) {
        // A problem where some candidate's training accuracy is not its validation accuracy,
        // so that choosing on the training rows shows on every seed.
        let p = problem(t.rng.fork("problem 0"));
        let ref = referenceChoice(p);
        for (let attempt = 1; attempt < 10 && ref.sameOnTraining; attempt++) {
          p = problem(t.rng.fork(`problem ${attempt}`));
          ref = referenceChoice(p);
        }
        const got = await learnerChoice(t, p);
        for (let k = 0; k < CANDIDATES.length; k++) {
          // Accuracies are counts over 40 rows, and the replayed runs agree to about 1e-12.
          t.expect(
            Math.abs(got.valAccuracies[k] - ref.valAccuracies[k]) <= 1e-9,
            `valAccuracies[${k}] (λ = ${CANDIDATES[k]}) is ${got.valAccuracies[k]}, expected ` +
              `${ref.valAccuracies[k]}: the accuracy on the ${p.valY.length} validation rows ` +
              `after training on the training rows with that λ (not on the training rows)`,
          );
        }
        const first = got.valAccuracies.indexOf(Math.max(...got.valAccuracies));
        t.expect(
          got.reg === CANDIDATES[first],
          `reg is ${got.reg}; your own valAccuracies ${JSON.stringify(got.valAccuracies)} ` +
            `make λ = ${CANDIDATES[first]} the first best of ${JSON.stringify(CANDIDATES)}`,
        );
        const chosen = referenceTraining(p.X, p.y, p.init, { ...DESCENT, reg: got.reg });
        for (const name of NAMES) {
          t.expectClose(
            `params.${name} (trained with the chosen λ)`,
            got.params[name],
            chosen.params[name],
            REPLAY,
          );
        }
      },
    },
    {
      name: "held-out accuracy of the chosen network on 100 test rows it never saw",
      async run(t: TestContext) {
        // Problems the reference itself classifies poorly are skipped before the learner runs.
        for (let attempt = 0;; attempt++) {
          const p = problem(t.rng.fork(`problem ${attempt}`));
          const ref = referenceChoice(p);
          const refAccuracy = accuracy(p.testX, p.testY, ref.params);
          if (refAccuracy < 0.85 && attempt < 4) continue;
          const got = await learnerChoice(t, p);
          const acc = accuracy(p.testX, p.testY, got.params);
          t.note(
            `test accuracy ${acc.toFixed(3)} (the reference reaches ${refAccuracy.toFixed(3)})`,
          );
          const bar = Math.min(0.8, refAccuracy - 0.05);
          t.expect(
            acc >= bar,
            `test accuracy ${acc.toFixed(3)} is below ${bar.toFixed(3)} on ${p.testY.length} ` +
              `rows the network never saw (the reference reaches ${refAccuracy.toFixed(3)})`,
          );
          const predicted = await t.call("predict", p.testX, got.params);
          t.expect(
            predicted instanceof Int32Array && predicted.length === p.testY.length,
            `predict(testX, params): expected an Int32Array of ${p.testY.length} classes`,
          );
          const best = scores(p.testX, got.params).rowArgmax();
          const wrong = best.findIndex((c, i) => c !== predicted[i]);
          t.expect(
            wrong < 0,
            `predict: row ${wrong} gets class ${predicted[wrong]}, but its highest score is ` +
              `class ${best[wrong]}`,
          );
          return;
        }
      },
    },
    {
      name: "checkNetworkGradients: the errors of right gradients, and of wrong ones, measured",
      async run(t: TestContext) {
        const [n, d, h, c] = distinctSizes(t.rng, 4, 2, 8);
        const p = netProblem(t.rng, Math.max(n, c), d, h, c);
        const reg = 0.1;
        const right = referenceGrads(p.X, p.y, p.params, reg);
        const f = () => referenceLoss(p.X, p.y, p.params, reg);
        const numeric = {} as Params;
        for (const name of NAMES) numeric[name] = numericGradient(f, p.params[name]);
        const wrong: Params = {
          W1: right.W1.mul(2),
          b1: right.b1.add(randomMatrix(t.rng, 1, h, { scale: 0.05 })),
          W2: right.W2,
          b2: right.b2.mul(-1),
        };
        for (const [label, grads] of [["right gradients", right], ["wrong ones", wrong]] as const) {
          const out = t.expectObject(
            await t.call("checkNetworkGradients", p.X, p.y, p.params, reg, grads),
            `checkNetworkGradients(..., ${label})`,
            NAMES,
          );
          for (const name of NAMES) {
            const got = t.expectNumber(out[name], `${name} (${label})`);
            // A right gradient's error is finite-difference noise (about 1e-8 here); a wrong
            // one's is measured against the reference's numerical gradient.
            const isRight = grads[name] === right[name];
            const expected = isRight ? 0 : gradientError(grads[name], numeric[name]);
            t.expect(
              isRight ? got < 1e-5 : Math.abs(got - expected) <= 1e-3 * expected,
              `the relative error your check reports for ${name} (${label}) is ` +
                `${got.toExponential(2)}, expected ${
                  isRight
                    ? "below 1e-5 (the gradient is right)"
                    : `about ${expected.toExponential(3)}`
                }: does your check perturb ${name} itself, through networkLoss, and compare ` +
                `the gradient it was given?`,
            );
          }
        }
      },
    },
  ]),
};
