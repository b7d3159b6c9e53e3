/**
 * Hidden tests of exercise 08, mean squared error: L = (1/N) · Σᵢ Σₖ (p − t)², no ½ factor,
 * averaged over the N examples only, gradient with respect to the predictions.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** The reference loss, read from `pred.data` at call time (the checker perturbs it in place). */
function referenceMse(pred: Matrix, target: Matrix): number {
  const p = pred.data;
  const y = target.data;
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - y[i];
    total += d * d;
  }
  return total / pred.rows;
}

/** Predictions and targets that differ by a clear amount in every entry. */
function batch(rng: Rng, n: number, k: number): { pred: Matrix; target: Matrix } {
  const target = randomMatrix(rng, n, k, { scale: 2, mean: 0.5 });
  const pred = target.add(randomMatrix(rng, n, k, { scale: 1, gap: 0.1 }));
  return { pred, target };
}

/** Calls the learner and checks the result's shape, its value and its gradient. */
async function checkBatch(t: TestContext, pred: Matrix, target: Matrix, shape: string) {
  const n = pred.rows;
  const k = pred.cols;
  const out = t.expectObject(await t.call("mseLoss", pred, target), "mseLoss(...)", [
    "loss",
    "dPred",
  ]);
  const loss = t.expectNumber(out.loss, `loss (${shape})`);
  const dPred = t.expectMatrix(out.dPred, `dPred (${shape})`, [n, k]);
  t.expectClose(`loss (${shape})`, loss, referenceMse(pred, target));
  t.expectGradient(`dPred (${shape})`, dPred, () => referenceMse(pred, target), pred);
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Write the loss for one entry first: only (pred[i,k] − target[i,k])² depends on pred[i,k]. The 1/N multiplies every term, and the K outputs are summed, not averaged.",
  "By hand: N = 2, K = 1, pred = [3, 1], target = [1, 1], so L = ((3 − 1)² + 0²) / 2 = 2. Nudge pred[0] from 3 to 3.001: L becomes 2.001² / 2 ≈ 2.002, a slope of about 2. Which expression in pred[0], target[0] and N gives that 2?",
  "dPred[i,k] = 2·(pred[i,k] − target[i,k]) / N, with N the number of rows (not N·K): pred.sub(target).mul(2 / N).",
];

/** Exercise `mse_loss`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "mse_loss",
  exports: ["mseLoss"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({ parameters: { mseLoss: ["pred", "target"] } }, [
    sizedTest("loss value on a batch with N ≠ K (several outputs per example)", {
      sizes: { N: 7, K: 3 },
      min: { N: 2, K: 2 },
      distinct: [["N", "K"]],
      draw: (rng, s) => batch(rng, s.N, s.K),
      async check(t, { pred, target }, s) {
        const out = t.expectObject(await t.call("mseLoss", pred, target), "mseLoss(...)", [
          "loss",
          "dPred",
        ]);
        const loss = t.expectNumber(out.loss, "loss");
        t.expectClose(`loss (N = ${s.N}, K = ${s.K})`, loss, referenceMse(pred, target));
      },
    }),
    sizedTest("dPred on a batch with N ≠ K (several outputs per example)", {
      sizes: { N: 6, K: 4 },
      min: { N: 2, K: 2 },
      distinct: [["N", "K"]],
      draw: (rng, s) => batch(rng, s.N, s.K),
      async check(t, { pred, target }, s) {
        const out = t.expectObject(await t.call("mseLoss", pred, target), "mseLoss(...)", [
          "loss",
          "dPred",
        ]);
        const dPred = t.expectMatrix(out.dPred, "dPred", [s.N, s.K]);
        const shape = `N = ${s.N}, K = ${s.K}`;
        t.expectGradient(`dPred (${shape})`, dPred, () => referenceMse(pred, target), pred);
      },
    }),
    sizedTest("a single output per example (K = 1): value and dPred", {
      sizes: { N: 9 },
      min: { N: 2 },
      draw: (rng, s) => batch(rng, s.N, 1),
      check: (t, { pred, target }, s) => checkBatch(t, pred, target, `N = ${s.N}, K = 1`),
    }),
    sizedTest("a batch of one (N = 1, K = 5): value and dPred", {
      sizes: { K: 5 },
      min: { K: 2 },
      draw: (rng, s) => batch(rng, 1, s.K),
      check: (t, { pred, target }, s) => checkBatch(t, pred, target, `N = 1, K = ${s.K}`),
    }),
    {
      name: "an exact prediction gives zero loss and a zero gradient",
      async run(t) {
        const target = randomMatrix(t.rng, 5, 2, { scale: 3 });
        const pred = target.clone();
        const out = t.expectObject(await t.call("mseLoss", pred, target), "mseLoss(...)", [
          "loss",
          "dPred",
        ]);
        const loss = t.expectNumber(out.loss, "loss (pred = target)");
        const dPred = t.expectMatrix(out.dPred, "dPred (pred = target)", [5, 2]);
        t.expectClose("loss (pred = target)", loss, 0);
        t.expectClose("dPred (pred = target)", dPred, Matrix.zeros(5, 2));
      },
    },
    {
      name: "several random shapes, large and small errors: value and dPred",
      async run(t) {
        for (let trial = 0; trial < 4; trial++) {
          const n = t.rng.int(2, 12);
          let k = t.rng.int(1, 6);
          if (k === n) k++;
          const { pred, target } = batch(t.rng, n, k);
          const scaled = pred.sub(target).mul(t.rng.uniform(0.01, 50)).add(target);
          await checkBatch(t, scaled, target, `N = ${n}, K = ${k}`);
        }
      },
    },
  ]),
};
