/**
 * Hidden tests of margin_l2: the mean binary hinge loss of X·W + b (labels ±1, margin 1) plus
 * λ·Σ W² (no ½, λ not divided by N, bias not penalized), its gradients with respect to W and b;
 * the data loss of (k·W, k·b) over a list of scales, which reaches exactly 0 on separable data
 * and grows on data the direction does not separate; the geometric margin; and the reason for
 * the penalty, graded on two separating directions: at the smallest scale that meets every
 * margin, the wider margin costs less. Every example is kept at least `GAP` from the hinge's
 * corner where a gradient is compared.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, Sizes, TestCase, TestContext } from "../spec.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** Smallest distance of a hinge term 1 − yᵢ·sᵢ from 0 where a gradient is compared. */
const GAP = 0.05;

/** A binary linear classifier's parameters and a labelled batch. */
export interface MarginBatch {
  W: Matrix;
  b: Matrix;
  X: Matrix;
  y: Float64Array;
}

/** The scores X·W + b, by loops; reads every `data` at call time. */
function scores(W: Matrix, b: Matrix, X: Matrix): Float64Array {
  const n = X.rows, d = X.cols;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = b.data[0];
    for (let k = 0; k < d; k++) v += X.data[i * d + k] * W.data[k];
    s[i] = v;
  }
  return s;
}

/** The reference mean hinge loss of (k·W, k·b), no penalty. */
export function referenceDataLoss(batch: MarginBatch, k = 1): number {
  const s = scores(batch.W, batch.b, batch.X);
  let total = 0;
  for (let i = 0; i < s.length; i++) total += Math.max(0, 1 - batch.y[i] * k * s[i]);
  return total / s.length;
}

/** The reference total loss: mean hinge plus λ·Σ W². Reads W and b at call time. */
export function referenceMarginLoss(batch: MarginBatch, lambda: number): number {
  let penalty = 0;
  for (const w of batch.W.data) penalty += w * w;
  return referenceDataLoss(batch) + lambda * penalty;
}

/** The smallest yᵢ·sᵢ of the batch (positive when (W, b) separates it). */
export function functionalMargin(batch: MarginBatch): number {
  const s = scores(batch.W, batch.b, batch.X);
  let m = Infinity;
  for (let i = 0; i < s.length; i++) m = Math.min(m, batch.y[i] * s[i]);
  return m;
}

/** The reference geometric margin minᵢ yᵢ·sᵢ / ‖W‖. */
export function referenceGeometricMargin(batch: MarginBatch): number {
  let norm = 0;
  for (const w of batch.W.data) norm += w * w;
  return functionalMargin(batch) / Math.sqrt(norm);
}

/** The batch with (W, b) scaled by k (new matrices; X and y shared). */
function scaled(batch: MarginBatch, k: number): MarginBatch {
  return { ...batch, W: batch.W.mul(k), b: batch.b.mul(k) };
}

/** Whether every hinge term of the batch is at least GAP from its corner. */
function offCorners(batch: MarginBatch): boolean {
  const s = scores(batch.W, batch.b, batch.X);
  return s.every((v, i) => Math.abs(1 - batch.y[i] * v) >= GAP);
}

/** How many examples meet their margin (yᵢ·sᵢ > 1). */
function metCount(batch: MarginBatch): number {
  return scores(batch.W, batch.b, batch.X).filter((v, i) => batch.y[i] * v > 1).length;
}

/**
 * A random classifier (non-zero bias) and a batch of N examples with labels of both signs,
 * every hinge term off its corner, some margins met and some violated (N ≥ 2).
 */
export function mixedBatch(rng: Rng, n: number, d: number): MarginBatch {
  for (let attempt = 0;; attempt++) {
    const W = randomMatrix(rng, d, 1, { scale: 1, gap: 0.05 });
    const b = randomMatrix(rng, 1, 1, { scale: 0.8, gap: 0.2 });
    const X = new Matrix(n, d);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i === 0 ? 1 : i === 1 ? -1 : rng.sign();
      for (let tries = 0;; tries++) {
        const x = randomMatrix(rng, 1, d, { scale: 1.2 });
        const s = x.matmul(W).data[0] + b.data[0];
        if (Math.abs(1 - y[i] * s) >= GAP || tries > 10_000) {
          X.data.set(x.data, i * d);
          break;
        }
      }
    }
    const batch = { W, b, X, y };
    const met = metCount(batch);
    if ((met > 0 && met < n && offCorners(batch)) || attempt > 1000) return batch;
  }
}

/**
 * Linearly separable data: N examples whose distance to the boundary of a random (W, b) is at
 * least 0.25 (in units of ‖W‖), labelled by the side they are on, both labels present (N ≥ 2).
 * The returned (W, b) separates them with functional margin minᵢ yᵢ·sᵢ > 0.
 */
export function separableBatch(rng: Rng, n: number, d: number): MarginBatch {
  const W = randomMatrix(rng, d, 1, { scale: 1, gap: 0.1 });
  const b = randomMatrix(rng, 1, 1, { scale: 0.5, gap: 0.1 });
  const norm = Math.sqrt(W.square().sum());
  const X = new Matrix(n, d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const want = i === 0 ? 1 : i === 1 ? -1 : 0;
    for (let tries = 0;; tries++) {
      const x = randomMatrix(rng, 1, d, { scale: 1.5 });
      const s = x.matmul(W).data[0] + b.data[0];
      const far = Math.abs(s) >= 0.25 * norm && (want === 0 || Math.sign(s) === want);
      if (far || tries > 10_000) {
        X.data.set(x.data, i * d);
        y[i] = s > 0 ? 1 : -1;
        break;
      }
    }
  }
  return { W, b, X, y };
}

/**
 * The separator of a separable batch scaled so that some margins are met and some violated,
 * every hinge term off its corner.
 */
function separablePartlyMet(rng: Rng, n: number, d: number): MarginBatch {
  for (let attempt = 0;; attempt++) {
    const batch = separableBatch(rng, n, d);
    const s = scores(batch.W, batch.b, batch.X).map((v, i) => batch.y[i] * v).sort();
    const k = 1 / rng.uniform(s[1], s[n - 2]);
    const out = scaled(batch, k);
    const met = metCount(out);
    if ((met > 0 && met < n && offCorners(out)) || attempt > 1000) return out;
  }
}

/** Calls the learner's marginLoss; checks the shapes, the value and (or) both gradients. */
async function checkLoss(
  t: TestContext,
  batch: MarginBatch,
  lambda: number,
  label: string,
  parts: { value?: boolean; gradient?: boolean } = {},
): Promise<number> {
  const { value = true, gradient = true } = parts;
  const { W, b, X, y } = batch;
  const out = t.expectObject(
    await t.call("marginLoss", W, b, X, y, lambda),
    "marginLoss(...)",
    ["loss", "dW", "db"],
  );
  const loss = t.expectNumber(out.loss, `marginLoss loss (${label})`, out.dW);
  const dW = t.expectMatrix(out.dW, `dW (${label})`, [W.rows, 1]);
  const db = t.expectMatrix(out.db, `db (${label})`, [1, 1]);
  const f = () => referenceMarginLoss(batch, lambda);
  if (value) t.expectClose(`marginLoss loss (${label})`, loss, f());
  if (gradient) {
    t.expectGradients([
      { what: `dW (${label})`, got: dW, f, x: W },
      { what: `db (${label})`, got: db, f, x: b },
    ]);
  }
  return loss;
}

/** Why a batch read from a case file is not one the marginLoss tests draw, or undefined. */
function batchProblem(batch: MarginBatch): string | undefined {
  if (!batch.y.every((v) => v === 1 || v === -1)) return "a label that is not −1 or +1";
  const s = scores(batch.W, batch.b, batch.X);
  // Half the gap: the scores computed here may differ from the draw's in the last bits.
  return s.some((v, i) => Math.abs(1 - batch.y[i] * v) < GAP / 2)
    ? "an example on the hinge's corner"
    : undefined;
}

/**
 * A marginLoss test on one batch of N examples in D dimensions, as a function of N and D
 * (different, so that a transposed dW shows; N ≥ 2, both labels and a visible mean) so that a
 * failure can be shrunk. `label` is added to the sizes and λ in messages.
 */
function lossTest(
  name: string,
  o: {
    sizes: Sizes;
    minN?: number;
    lambda: number;
    draw: (rng: Rng, n: number, d: number) => MarginBatch;
    validate?: (batch: MarginBatch) => string | undefined;
    label?: string;
    parts?: { value?: boolean; gradient?: boolean };
  },
): TestCase {
  return sizedTest(name, {
    sizes: o.sizes,
    min: { N: o.minN ?? 2, D: 1 },
    distinct: [["N", "D"]],
    draw: (rng, { N, D }) => ({ ...o.draw(rng, N, D) }),
    validate: (batch) => batchProblem(batch) ?? o.validate?.(batch),
    async check(t, batch, { N, D }) {
      const label = `N = ${N}, D = ${D}, λ = ${o.lambda}${o.label ? `, ${o.label}` : ""}`;
      await checkLoss(t, batch, o.lambda, label, o.parts);
    },
  });
}

/** Calls the learner's scaledDataLoss and compares every entry with the reference. */
async function checkScaled(t: TestContext, batch: MarginBatch, scales: number[], label: string) {
  const { W, b, X, y } = batch;
  const got = await t.call("scaledDataLoss", W, b, X, y, Float64Array.from(scales));
  t.expect(
    got instanceof Float64Array && got.length === scales.length,
    `scaledDataLoss (${label}): expected a Float64Array of ${scales.length} data losses, one ` +
      `per scale, got ${got instanceof Float64Array ? `length ${got.length}` : typeof got}`,
  );
  const expected = scales.map((k) => referenceDataLoss(batch, k));
  t.expectClose(
    `scaledDataLoss (${label}, scales ${scales.map((k) => +k.toPrecision(3)).join(", ")})`,
    Matrix.rowVector(got),
    Matrix.rowVector(expected),
  );
}

/** Calls the learner's geometricMargin and compares it with the reference. */
async function checkGeometric(t: TestContext, batch: MarginBatch, label: string) {
  const { W, b, X, y } = batch;
  const what = `geometricMargin (${label})`;
  const got = t.expectNumber(await t.call("geometricMargin", W, b, X, y), what);
  t.expectClose(what, got, referenceGeometricMargin(batch));
  return got;
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Two parts, each differentiated on its own and added: the hinge's mean (only examples with y·s < 1 pull, through s = X·W + b as in the affine layer) and the penalty λ·Σ W², which touches W alone. Scaling (W, b) by k multiplies every score by k.",
  "One weight w = 2 and λ = 0.25: the penalty is 0.25·4 = 1, and at w = 2.001 it is 1.001000…: a slope of 1 from the penalty alone. One example with y = +1, x = 3 and s = 0.5: raising w by ε raises s by 3ε and lowers that example's hinge by 3ε, before the 1/N.",
  "dS = −y/N where y·s < 1 (0 elsewhere); dW = Xᵀ·dS + 2λ·W; db = Σ dS. scaledDataLoss: mean of max(0, 1 − k·y·s). geometricMargin: min(y·s) / √(Σ W²).",
];

/** Exercise `margin_l2`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "margin_l2",
  exports: ["marginLoss", "scaledDataLoss", "geometricMargin"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      marginLoss: ["W", "b", "X", "y", "lambda"],
      scaledDataLoss: ["W", "b", "X", "y", "scales"],
      geometricMargin: ["W", "b", "X", "y"],
    },
  }, [
    lossTest("marginLoss value: margins violated and met (N = 9, D = 4, λ = 0.3)", {
      sizes: { N: 9, D: 4 },
      lambda: 0.3,
      draw: mixedBatch,
      parts: { gradient: false },
    }),
    lossTest("marginLoss dW and db: margins violated and met (N = 8, D = 3, λ = 0.2)", {
      sizes: { N: 8, D: 3 },
      lambda: 0.2,
      draw: mixedBatch,
      parts: { value: false },
    }),
    lossTest("λ = 0: the hinge alone (N = 7, D = 5), value, dW and db", {
      sizes: { N: 7, D: 5 },
      lambda: 0,
      draw: mixedBatch,
    }),
    lossTest("a penalty that dominates (λ = 4, N = 6, D = 3): value, dW and db", {
      sizes: { N: 6, D: 3 },
      lambda: 4,
      draw: mixedBatch,
    }),
    lossTest("separable data, every margin met: only the penalty is left (N = 8, D = 2)", {
      sizes: { N: 8, D: 2 },
      lambda: 0.4,
      draw(rng, n, d) {
        const batch = separableBatch(rng, n, d);
        return scaled(batch, 1.5 / functionalMargin(batch));
      },
      validate: (batch) => metCount(batch) < batch.X.rows ? "a margin that is not met" : undefined,
      label: "every margin met",
    }),
    lossTest("separable data, some margins still violated (N = 10, D = 3): value, dW and db", {
      sizes: { N: 10, D: 3 },
      // Four examples at least: the scale is drawn strictly between the second smallest and the
      // second largest margin (with three they are one, and an example lands on the corner).
      minN: 4,
      lambda: 0.15,
      draw: separablePartlyMet,
      label: "separable",
    }),
    sizedTest("a batch of one (N = 1, D = 5, λ = 0.5): value, dW and db", {
      sizes: { D: 5 },
      min: { D: 1 },
      draw(rng, { D }) {
        // The first example of mixed batches of two, until one violates its margin.
        for (;;) {
          const batch = mixedBatch(rng, 2, D);
          const one = { ...batch, X: batch.X.row(0), y: batch.y.slice(0, 1) };
          if (metCount(one) === 0) return one;
        }
      },
      validate: (batch) => batchProblem(batch),
      async check(t, batch, { D }) {
        await checkLoss(t, batch, 0.5, `N = 1, D = ${D}`);
      },
    }),
    {
      name:
        "scaledDataLoss: a separator scaled up drives the data loss to exactly 0 (N = 12, D = 3)",
      async run(t: TestContext) {
        const batch = separableBatch(t.rng, 12, 3);
        const m = functionalMargin(batch);
        const scales = [0.05, 0.2, 0.5, 0.9, 1.1, 2, 10, 100].map((k) => k / m);
        await checkScaled(t, batch, scales, "separable, N = 12, D = 3");
      },
    },
    {
      name:
        "scaledDataLoss: a direction that does not separate the data only loses more (N = 9, D = 4)",
      async run(t: TestContext) {
        await checkScaled(t, mixedBatch(t.rng, 9, 4), [0.5, 1, 2, 4, 8, 16], "N = 9, D = 4");
      },
    },
    {
      name: "geometricMargin of a separator, the same separator scaled by 7, and a non-separator",
      async run(t: TestContext) {
        const batch = separableBatch(t.rng, 10, 3);
        await checkGeometric(t, batch, "separable, N = 10, D = 3");
        await checkGeometric(t, scaled(batch, 7), "the same, (W, b) scaled by 7");
        await checkGeometric(t, mixedBatch(t.rng, 9, 4), "not separating, N = 9, D = 4");
      },
    },
    {
      name:
        "the penalty picks the wider margin: two separators, each scaled until every margin is met",
      async run(t: TestContext) {
        const lambda = 0.5;
        const batch = separableBatch(t.rng, 14, 2);
        let other: MarginBatch;
        do {
          const tilt = randomMatrix(t.rng, 2, 1, { scale: 0.3 }).mul(
            Math.sqrt(batch.W.square().sum()),
          );
          other = { ...batch, W: batch.W.add(tilt) };
        } while (
          functionalMargin(other) <= 0 ||
          Math.abs(referenceGeometricMargin(other) / referenceGeometricMargin(batch) - 1) < 0.05
        );
        const results = [];
        for (const [name, direction] of [["first", batch], ["second", other]] as const) {
          const gamma = await checkGeometric(t, direction, `${name} separator, N = 14, D = 2`);
          // the smallest scale that meets every margin, and a little more (off the corner)
          const met = scaled(direction, 1.01 / functionalMargin(direction));
          const loss = await checkLoss(t, met, lambda, `${name} separator scaled until met`, {
            gradient: false,
          });
          results.push({ gamma, loss });
        }
        const [a, b] = results;
        t.expect(
          (a.gamma > b.gamma) === (a.loss < b.loss),
          `the separator with the wider margin must cost less once every margin is met: ` +
            `margins ${a.gamma} and ${b.gamma}, losses ${a.loss} and ${b.loss}`,
        );
        t.note(
          `margins γ = ${a.gamma.toPrecision(4)} and ${b.gamma.toPrecision(4)}: total losses ` +
            `${a.loss.toPrecision(4)} and ${b.loss.toPrecision(4)}`,
        );
      },
    },
  ]),
};
