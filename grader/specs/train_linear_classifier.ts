/**
 * Hidden tests of exercise 19, training a softmax linear classifier by full-batch gradient
 * descent from all-zero parameters, with L2 regularization reg·Σ W² on the weights only.
 *
 * Training from zeros is deterministic, so the grader replays it with its own reference
 * (plain loops, in this process) and compares: the recorded losses, the returned parameters and
 * the loss of those parameters, recomputed here (a losses array that was not really computed
 * along the way cannot match), and the accuracy on held-out rows of the same problem.
 *
 * @module
 */

import { classificationData, Matrix, type Rng } from "@gradkit/lib";
import { relativeError } from "../compare.ts";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import { referenceSoftmaxLoss } from "./softmax_cross_entropy.ts";
import { newValues } from "./_new_values.ts";
import { historyKind } from "./_history.ts";

/** The options object the learner receives. */
interface TrainOptions {
  learningRate: number;
  steps: number;
  reg: number;
}

/** A classification problem split into training rows and held-out rows. */
interface Problem {
  X: Matrix;
  y: Int32Array;
  testX: Matrix;
  testY: Int32Array;
  classes: number;
}

/** What a training run produced (the learner's, checked, or the reference's). */
interface Trained {
  W: Matrix;
  b: Matrix;
  losses: number[];
  /** The penalty in each recorded loss (the reference run's only). */
  penalties?: number[];
}

/**
 * Tolerance of a replayed trajectory: float64 rounding only, amplified a little by the steps.
 * Measured over 100 seeds: correct variants (loops, 1/N on dW and db) differ from the reference
 * by at most 6e-12 in a loss and 2e-13 of the largest entry in W; a float32 trainer by 1e-7 and
 * more. (Losses are at least about 0.1, the floor.)
 */
const REPLAY = { rtol: 1e-9, atol: 0.1 };

/** scores = X·W + b, by loops. */
function referenceScores(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const n = X.rows;
  const d = X.cols;
  const c = W.cols;
  const x = X.data;
  const w = W.data;
  const bias = b.data;
  const s = new Matrix(n, c);
  const out = s.data;
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    for (let j = 0; j < c; j++) {
      let v = bias[j];
      for (let k = 0; k < d; k++) v += x[xi + k] * w[k * c + j];
      out[i * c + j] = v;
    }
  }
  return s;
}

/** Σ W², by a loop. */
function sumOfSquares(W: Matrix): number {
  let s = 0;
  for (const w of W.data) s += w * w;
  return s;
}

/** The full training loss: mean softmax cross-entropy + reg·Σ W². */
function referenceLoss(X: Matrix, y: Int32Array, W: Matrix, b: Matrix, reg: number): number {
  return referenceSoftmaxLoss(referenceScores(X, W, b), y) + reg * sumOfSquares(W);
}

/**
 * The reference training: the exercise's convention, step by step, with loops. Each step takes
 * the softmax once, for the loss it records (as {@linkcode referenceSoftmaxLoss} computes it) and
 * for the gradient; the arrays are read through locals, which costs the interpreter less (this
 * loop runs while the grader is still cold).
 */
export function referenceTraining(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): Trained {
  const { learningRate: lr, steps, reg } = options;
  const n = X.rows;
  const d = X.cols;
  const c = classes;
  const W = new Matrix(d, c);
  const b = new Matrix(1, c);
  const x = X.data;
  const w = W.data;
  const bias = b.data;
  const losses: number[] = [];
  const penalties: number[] = [];
  const p = new Float64Array(c);
  const dW = new Float64Array(d * c);
  const db = new Float64Array(c);
  for (let step = 0; step < steps; step++) {
    const s = referenceScores(X, W, b).data;
    dW.fill(0);
    db.fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = i * c;
      const xi = i * d;
      let max = -Infinity;
      for (let j = 0; j < c; j++) max = Math.max(max, s[row + j]);
      let sum = 0;
      for (let j = 0; j < c; j++) sum += p[j] = Math.exp(s[row + j] - max);
      total += Math.log(sum) + max - s[row + y[i]];
      for (let j = 0; j < c; j++) {
        const g = (p[j] / sum - (j === y[i] ? 1 : 0)) / n;
        db[j] += g;
        for (let k = 0; k < d; k++) dW[k * c + j] += x[xi + k] * g;
      }
    }
    penalties.push(reg * sumOfSquares(W));
    losses.push(total / n + penalties[step]);
    for (let k = 0; k < d * c; k++) w[k] -= lr * (dW[k] + 2 * reg * w[k]);
    for (let j = 0; j < c; j++) bias[j] -= lr * db[j];
  }
  return { W, b, losses, penalties };
}

/** The fraction of rows whose largest score is at their label. */
function accuracy(X: Matrix, y: Int32Array, W: Matrix, b: Matrix): number {
  const s = referenceScores(X, W, b);
  let right = 0;
  for (let i = 0; i < X.rows; i++) {
    let best = 0;
    for (let j = 1; j < s.cols; j++) {
      if (s.data[i * s.cols + j] > s.data[i * s.cols + best]) best = j;
    }
    if (best === y[i]) right++;
  }
  return right / X.rows;
}

/** Rows `from`..`to`−1 of X and y. */
function slice(X: Matrix, y: Int32Array, from: number, to: number): { X: Matrix; y: Int32Array } {
  return {
    X: new Matrix(to - from, X.cols, X.data.slice(from * X.cols, to * X.cols)),
    y: y.slice(from, to),
  };
}

/** One problem of `train` + `test` rows, drawn once and split (same centres for both parts). */
function problem(
  rng: Rng,
  sizes: { train: number; test?: number; dim: number; classes: number },
): Problem {
  const { train, test = 0, dim, classes } = sizes;
  const all = classificationData(rng, { n: train + test, dim, classes, spread: 1, separation: 4 });
  const a = slice(all.X, all.y, 0, train);
  const h = slice(all.X, all.y, train, train + test);
  return { X: a.X, y: a.y, testX: h.X, testY: h.y, classes };
}

/** The name of a curve: "yours", "reference", or with a label "yours, 7 steps". */
function curve(who: "yours" | "reference", label: string): string {
  return label ? `${who}, ${label}` : who;
}

/**
 * Calls the learner and checks the result's form: D×C weights, 1×C biases, `steps` losses.
 * With `draw` (a curve's label, "" for none), the learner's losses are drawn as they came,
 * before any check (a run that blows up is drawn too).
 */
async function train(
  t: TestContext,
  p: Problem,
  options: TrainOptions,
  draw?: string,
): Promise<Trained> {
  const out = t.expectObject(
    await t.call("trainLinearClassifier", p.X, p.y, p.classes, options),
    "trainLinearClassifier(...)",
    ["W", "b", "losses"],
  );
  if (draw !== undefined) t.series(curve("yours", draw), out.losses);
  const W = t.expectMatrix(out.W, "W", [p.X.cols, p.classes]);
  const b = t.expectMatrix(out.b, "b", [1, p.classes]);
  const raw = out.losses;
  t.expect(
    Array.isArray(raw),
    `losses: expected a plain array of numbers, got ${
      raw instanceof Float64Array ? "a Float64Array (use a number[])" : typeof raw
    }`,
  );
  t.expect(
    raw.length === options.steps,
    `losses: expected one loss per step (${options.steps}), got ${raw.length}`,
  );
  const losses = raw.map((v, k) => t.expectNumber(v, `losses[${k}]`));
  return { W, b, losses };
}

/**
 * The learner's run and the reference run of the same problem. The reference trains while the
 * learner does: the request is sent first, and the reference runs in the next microtask. With
 * `draw` (a label, "" for none), both runs' losses are drawn, the reference's even when the
 * learner's run fails its checks.
 */
async function trainBoth(
  t: TestContext,
  p: Problem,
  options: TrainOptions,
  draw?: string,
): Promise<[Trained, Trained]> {
  const reference = Promise.resolve().then(() => referenceTraining(p.X, p.y, p.classes, options));
  try {
    return await Promise.all([train(t, p, options, draw), reference]);
  } finally {
    if (draw !== undefined) t.series(curve("reference", draw), (await reference).losses);
  }
}

/**
 * Compares a learner's run with the reference run: the losses step by step (naming the first
 * step that differs, which says which update went wrong), then W, then b.
 */
function expectSameRun(t: TestContext, got: Trained, ref: Trained, label: string): void {
  const history = historyKind(got.losses, ref.losses, REPLAY, ref.penalties);
  for (let k = 0; k < ref.losses.length; k++) {
    const e = relativeError(got.losses[k], ref.losses[k], REPLAY.atol);
    t.expect(
      e <= REPLAY.rtol,
      `losses[${k}] (${label}) is ${got.losses[k].toPrecision(10)}, expected ` +
        `${ref.losses[k].toPrecision(10)} (relative error ` +
        `${e.toExponential(1)} > ${REPLAY.rtol}): ${
          k === 0
            ? "the loss of all-zero W and b (log C, plus no penalty) is recorded first"
            : `the losses agree up to step ${k - 1}, so update ${k - 1} (or the loss it ` +
              `recorded) differs from gradient descent as the exercise describes it`
        }${history ? `; ${history.text}` : ""}`,
      history?.kind,
    );
  }
  t.expectClose(`W (${label})`, got.W, ref.W, REPLAY);
  t.expectClose(`b (${label})`, got.b, ref.b, REPLAY);
}

/**
 * The fraction of held-out rows nearest to the centre of their own class's training rows: a
 * cheap test (no training) that the classes of a drawn problem do not overlap much.
 */
function centroidAccuracy(p: Problem): number {
  const d = p.X.cols;
  const centres = new Float64Array(p.classes * d);
  const counts = new Float64Array(p.classes);
  for (let i = 0; i < p.X.rows; i++) {
    counts[p.y[i]]++;
    for (let k = 0; k < d; k++) centres[p.y[i] * d + k] += p.X.data[i * d + k];
  }
  for (let j = 0; j < p.classes; j++) {
    for (let k = 0; k < d; k++) centres[j * d + k] /= Math.max(1, counts[j]);
  }
  let right = 0;
  for (let i = 0; i < p.testX.rows; i++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let j = 0; j < p.classes; j++) {
      let distance = 0;
      for (let k = 0; k < d; k++) distance += (p.testX.data[i * d + k] - centres[j * d + k]) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [j, distance];
    }
    if (best === p.testY[i]) right++;
  }
  return right / p.testX.rows;
}

/** The accuracy problem: three features, four classes, more held-out rows than training rows. */
const SEPARABLE = { train: 60, test: 100, dim: 3, classes: 4 };

/**
 * The learner's and the reference's runs on a problem where the reference reaches at least
 * `bar` held-out accuracy. Problems whose classes visibly overlap are skipped before anyone
 * trains; the reference trains while the learner does, and when it falls short of `bar` both
 * train again on the next problem (about one problem in six). Problems come from named forks of
 * `rng`, so the choice depends on the seed only.
 */
async function separableRuns(
  t: TestContext,
  options: TrainOptions,
  bar: number,
): Promise<{ p: Problem; got: Trained; refAccuracy: number }> {
  for (let attempt = 0;; attempt++) {
    const last = attempt >= 20;
    const p = problem(t.rng.fork(`data ${attempt}`), SEPARABLE);
    if (!last && centroidAccuracy(p) < 0.95) continue;
    const [got, ref] = await trainBoth(t, p, options);
    const refAccuracy = accuracy(p.testX, p.testY, ref.W, ref.b);
    if (refAccuracy >= bar || last) return { p, got, refAccuracy };
  }
}

/**
 * A learning rate at which gradient descent from zeros on the unregularized softmax loss of `X`
 * lowers the loss at every step, whatever the labels: the loss's gradient is L-Lipschitz with
 * L ≤ ½ · mean ‖(x, 1)‖² over the rows (per row the softmax's curvature is at most ½ along any
 * direction), and a step of 1/L always goes downhill. A fixed rate does not: 0.05 raised the loss
 * at some step on 2 seeds in 20 000.
 */
export function descentRate(X: Matrix): number {
  let sum = 0;
  for (const v of X.data) sum += v * v;
  return 2 / (sum / X.rows + 1);
}

const STEPS = 40;

/** The largest row maximum of the scores X·W + b minus the smallest: how far apart the rows sit. */
function rowLevelSpread(X: Matrix, W: Matrix, b: Matrix): number {
  const s = referenceScores(X, W, b);
  let top = -Infinity, bottom = Infinity;
  for (let i = 0; i < s.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < s.cols; j++) max = Math.max(max, s.data[i * s.cols + j]);
    top = Math.max(top, max);
    bottom = Math.min(bottom, max);
  }
  return top - bottom;
}

/**
 * A problem where one step of gradient descent puts the rows at very different score levels:
 * a few rows are scaled up until, after the first update, the highest row maximum is more than
 * 1500 above the lowest. A softmax shifted by the maximum of the whole batch instead of each
 * row's then takes exp of less than −745 on every score of the lowest rows (0, and log 0) and
 * records an infinite loss at step 1; the per-row shift records the same losses as the reference.
 */
function levelledProblem(rng: Rng, options: TrainOptions): Problem {
  const p = problem(rng, { train: 12, dim: 3, classes: 3 });
  const big = [0, 1, 2].map(() => rng.int(0, p.X.rows));
  for (let k = 0; k < 60; k++) {
    const one = referenceTraining(p.X, p.y, p.classes, { ...options, steps: 1 });
    if (rowLevelSpread(p.X, one.W, one.b) > 1500) break;
    for (const i of big) for (let m = 0; m < p.X.cols; m++) p.X.data[i * p.X.cols + m] *= 1.5;
  }
  return p;
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Each step: scores = X·W + b, your softmaxCrossEntropy gives the data loss and its gradient on the scores; add reg·ΣW² to the loss, take the gradient back to W and b as in exercises 09 and 17, record the loss, then update. Start from zeros, update all N examples at once.",
  "Step 0 on the stub's example: W and b are zero, so every score is 0, both probabilities are 1/2 and losses[0] = log 2. Your softmaxCrossEntropy's dScores, carried back through X·W + b (plus the penalty's part for W, zero at W = 0), gives the first dW and db.",
  "dW = Xᵀ·dScores + 2·reg·W and db = the column sums of dScores (no reg term); then W ← W − learningRate·dW and b ← b − learningRate·db.",
];

/** Exercise `train_linear_classifier`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "train_linear_classifier",
  exports: ["trainLinearClassifier"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: { trainLinearClassifier: ["X", "y", "classes", "options"] },
  }, [
    {
      name: "one loss per step, from log C down to at most 80% of it (N ≠ D ≠ C)",
      async run(t: TestContext) {
        // Checked on 20 000 seeds: the loss ends at 71% of log C at most.
        const p = problem(t.rng, { train: 40, dim: 3, classes: 4 });
        const options = { learningRate: descentRate(p.X), steps: STEPS, reg: 0 };
        const { losses } = await train(t, p, options, "");
        t.expectClose("losses[0] (the loss of all-zero W and b is log C)", losses[0], Math.log(4));
        for (let k = 1; k < losses.length; k++) {
          t.expect(
            losses[k] <= losses[k - 1] * (1 + 1e-9),
            `losses went up at step ${k}: ${losses[k - 1]} → ${losses[k]}; gradient descent ` +
              `with this learning rate lowers the loss at every step (a sign error?)`,
            k === 1 ? "sign" : undefined, // the first step of a descent rate goes up: ascent
          );
        }
        const ratio = losses[losses.length - 1] / losses[0];
        t.expect(
          ratio <= 0.8,
          `after ${STEPS} steps the loss is ${losses[losses.length - 1].toFixed(4)}, ` +
            `${(ratio * 100).toFixed(0)}% of the first (${losses[0].toFixed(4)}); it should be ` +
            `at most 80% of it (is every step applied, with the learning rate?)`,
        );
      },
    },
    {
      name: "the returned W, b have the final training loss (recomputed by the grader)",
      async run(t: TestContext) {
        const p = problem(t.rng, { train: 60, dim: 4, classes: 3 });
        const options = { learningRate: descentRate(p.X), steps: 25, reg: 0 };
        const [got, ref] = await trainBoth(t, p, options, "");
        const mine = referenceLoss(p.X, p.y, got.W, got.b, 0);
        const last = got.losses[got.losses.length - 1];
        t.expect(
          mine < last,
          `the loss of the W, b you return is ${mine}, not below your last recorded loss ` +
            `${last}: was the last update applied (and recorded before it)?`,
        );
        t.expectClose(
          "loss of your returned W, b on the training data",
          mine,
          referenceLoss(p.X, p.y, ref.W, ref.b, 0),
          REPLAY,
        );
        t.expectClose(
          "your last recorded loss",
          last,
          ref.losses[ref.losses.length - 1],
          REPLAY,
        );
      },
    },
    {
      name: "held-out accuracy at least 0.8 on a well-separated problem",
      async run(t: TestContext) {
        // A larger step than the other tests (no test here needs every step to lower the loss):
        // checked on 3000 seeds, the reference reaches 0.9 as often as with 50 steps of 0.05.
        const options = { learningRate: 0.1, steps: 25, reg: 0 };
        const bar = 0.8;
        const { p, got, refAccuracy } = await separableRuns(t, options, 0.9);
        const acc = accuracy(p.testX, p.testY, got.W, got.b);
        t.note(
          `held-out accuracy ${acc.toFixed(3)} on ${p.testX.rows} examples (the reference ` +
            `reaches ${refAccuracy.toFixed(3)})`,
        );
        t.expect(
          acc >= Math.min(bar, refAccuracy - 0.05),
          `held-out accuracy ${acc.toFixed(3)} is below ${bar} on ${p.testX.rows} examples ` +
            `the model never saw (the reference reaches ${refAccuracy.toFixed(3)})`,
        );
      },
    },
    {
      name: "W, b and every loss follow gradient descent from zeros (no regularization)",
      async run(t: TestContext) {
        const p = problem(t.rng, { train: 90, dim: 2, classes: 3 });
        const options = { learningRate: 0.08, steps: 25, reg: 0 };
        expectSameRun(t, ...await trainBoth(t, p, options, ""), "reg = 0");
      },
    },
    {
      name: "W, b and every loss follow gradient descent with L2 regularization (reg = 0.05)",
      async run(t: TestContext) {
        const p = problem(t.rng, { train: 80, dim: 5, classes: 4 });
        const options = { learningRate: 0.05, steps: 25, reg: 0.05 };
        expectSameRun(t, ...await trainBoth(t, p, options, ""), "reg = 0.05");
      },
    },
    {
      name: "rows at very different score levels after the first step (3 steps, reg = 0.01)",
      async run(t: TestContext) {
        const options = { learningRate: 0.05, steps: 3, reg: 0.01 };
        const p = levelledProblem(t.rng, options);
        expectSameRun(t, ...await trainBoth(t, p, options, ""), "rows ≈ 1500 apart");
      },
    },
    {
      name: "another learning rate and a short run (a single step, then 7 steps)",
      async run(t: TestContext) {
        const p = problem(t.rng, { train: 60, dim: 3, classes: 2 });
        for (const steps of [1, 7]) {
          const options = { learningRate: 0.02, steps, reg: 0.01 };
          const label = `${steps} step${steps > 1 ? "s" : ""}, learning rate 0.02`;
          const draw = steps > 1 ? `${steps} steps` : undefined; // one step is one point
          expectSameRun(t, ...await trainBoth(t, p, options, draw), label);
        }
      },
    },
  ]),
};
