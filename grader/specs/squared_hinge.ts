/**
 * Hidden tests of exercise 16, the squared hinge losses: binary (labels ±1) and multiclass
 * (sum over the wrong classes), margin 1, each shortfall squared before summing, no ½, the
 * mean over N. Margin terms are drawn away from 0, and the multiclass batches have rows with
 * several violated margins (so squaring the row's sum differs from summing the squares).
 *
 * @module
 */

import {
  binaryHingeScores,
  classLabels,
  hingeScores,
  Matrix,
  type Rng,
  signLabels,
} from "@gradkit/lib";
import type { ExerciseSpec, TestCase, TestContext } from "../spec.ts";
import { checkScoreLoss, multiclassMarginTests } from "./_loss.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** The reference mean binary squared hinge loss; reads `scores.data` at call time. */
function referenceBinary(scores: Matrix, y: Float64Array): number {
  const s = scores.data;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const u = Math.max(0, 1 - y[i] * s[i]);
    total += u * u;
  }
  return total / s.length;
}

/** The reference mean multiclass squared hinge loss; reads `scores.data` at call time. */
function referenceMulticlass(scores: Matrix, y: Int32Array): number {
  const { rows: n, cols: c } = scores;
  const s = scores.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const correct = s[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const u = Math.max(0, s[i * c + j] - correct + 1);
      total += u * u;
    }
  }
  return total / n;
}

/** The mean over rows of (Σ_{j≠y} shortfall)²: the square taken of the row's sum. */
function squaredRowSums(scores: Matrix, y: Int32Array): number {
  const { rows: n, cols: c } = scores;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const correct = scores.data[i * c + y[i]];
    let row = 0;
    for (let j = 0; j < c; j++) {
      if (j !== y[i]) row += Math.max(0, scores.data[i * c + j] - correct + 1);
    }
    total += row * row;
  }
  return total / n;
}

/** The plain multiclass hinge's gradient on the same scores (with its 1/N). */
function plainHingeGradient(scores: Matrix, y: Int32Array): Float64Array {
  const { rows: n, cols: c } = scores;
  const d = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    const correct = scores.data[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      if (j === y[i] || scores.data[i * c + j] - correct + 1 <= 0) continue;
      d[i * c + j] += 1 / n;
      d[i * c + y[i]] -= 1 / n;
    }
  }
  return d;
}

/** How many binary margins are met. */
function metCount(scores: Matrix, y: Float64Array): number {
  let met = 0;
  for (let i = 0; i < scores.rows; i++) if (y[i] * scores.data[i] > 1) met++;
  return met;
}

/** Per row, how many multiclass margin terms are violated. */
function rowViolations(scores: Matrix, y: Int32Array): number[] {
  const c = scores.cols;
  const counts: number[] = [];
  for (let i = 0; i < scores.rows; i++) {
    let v = 0;
    for (let j = 0; j < c; j++) {
      if (j !== y[i] && scores.data[i * c + j] - scores.data[i * c + y[i]] + 1 > 0) v++;
    }
    counts.push(v);
  }
  return counts;
}

/** A binary batch (n ≥ 2) with both labels and with margins both violated and met. */
function binaryBatch(rng: Rng, n: number, scale: number): { scores: Matrix; y: Float64Array } {
  const y = signLabels(rng, n);
  for (let attempt = 0;; attempt++) {
    const scores = binaryHingeScores(rng, y, { scale });
    const met = metCount(scores, y);
    if ((met > 0 && met < n) || attempt > 1000) return { scores, y };
  }
}

/**
 * A multiclass batch with every class present when n ≥ c, some margin terms met, and (for
 * c ≥ 3) at least one row with two or more violated terms.
 */
function multiclassBatch(
  rng: Rng,
  n: number,
  c: number,
  scale = 1,
): { scores: Matrix; y: Int32Array } {
  const y = n >= c ? classLabels(rng, n, c) : Int32Array.from({ length: n }, () => rng.int(0, c));
  const terms = n * (c - 1);
  for (let attempt = 0;; attempt++) {
    const scores = hingeScores(rng, y, c, { scale });
    const counts = rowViolations(scores, y);
    const total = counts.reduce((a, b) => a + b, 0);
    const crowded = c < 3 || counts.some((v) => v >= 2);
    if ((total > 0 && (total < terms || n === 1) && crowded) || attempt > 1000) {
      return { scores, y };
    }
  }
}

type Parts = { value?: boolean; gradient?: boolean };

/**
 * A binary test on one {@linkcode binaryBatch} of N examples (scale 2), as a function of N so
 * that a failure can be shrunk (N ≥ 2: both labels, margins violated and met, a visible mean).
 */
function binaryTest(name: string, n: number, parts: Parts): TestCase {
  return sizedTest(name, {
    sizes: { N: n },
    min: { N: 2 },
    draw: (rng, { N }) => binaryBatch(rng, N, 2),
    // The kink: a margin term 1 − y·s within the generator's gap (0.05 of the scale 2) of 0.
    validate: ({ scores, y }) =>
      !y.every((v) => v === 1 || v === -1)
        ? "a label that is not −1 or +1"
        : scores.data.some((s, i) => Math.abs(1 - y[i] * s) < 0.1 * (1 - 1e-9))
        ? "a score on the hinge's kink"
        : undefined,
    check: (t, { scores, y }, { N }) => checkBinary(t, scores, y, `N = ${N}`, parts),
  });
}

/** Calls binarySquaredHingeLoss; checks the shapes, the loss value and dScores. */
async function checkBinary(
  t: TestContext,
  scores: Matrix,
  y: Float64Array,
  shape: string,
  parts: Parts = {},
): Promise<void> {
  const reference = () => referenceBinary(scores, y);
  const fn = "binarySquaredHingeLoss";
  const prefix = "binary ";
  await checkScoreLoss(t, {
    fn,
    args: [scores, y],
    scores,
    reference,
    label: shape,
    prefix,
    parts,
  });
}

/** Calls multiclassSquaredHingeLoss; checks the shapes, the loss value and dScores. */
async function checkMulticlass(
  t: TestContext,
  scores: Matrix,
  y: Int32Array,
  shape: string,
  parts: Parts = {},
): Promise<void> {
  const reference = () => referenceMulticlass(scores, y);
  const fn = "multiclassSquaredHingeLoss";
  const prefix = "multiclass ";
  await checkScoreLoss(t, {
    fn,
    args: [scores, y],
    scores,
    reference,
    label: shape,
    prefix,
    parts,
    alternatives: [{
      what: "with each row's shortfalls summed first and the sum squared, where each " +
        "shortfall is squared on its own",
      kind: "other",
      loss: () => squaredRowSums(scores, y),
    }],
    gradientOptions: {
      mistaken: [{
        kind: "missing-factor",
        value: plainHingeGradient(scores, y),
        text: `equals the plain hinge's gradient on these scores: the factor that squaring ` +
          `each shortfall brings into its derivative was left out`,
      }],
    },
  });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Square each shortfall max(0, margin term) on its own, then sum and divide by N (no ½). For the gradient, the chain rule: the derivative of the square, times that of the max inside, times the margin term's derivative in each score (as in exercises 14 and 15).",
  "Binary, y = +1, s = 0.5: the shortfall is u = 0.5 and the loss u² = 0.25. Nudge s to 0.501: u = 0.499 and u² ≈ 0.249, a slope of about −1, twice the shortfall with the label's sign flipped. A met margin has slope 0, and the slope shrinks smoothly to 0 as the shortfall does.",
  "Binary: dScores[i] = −2·yᵢ·uᵢ / N with uᵢ = max(0, 1 − yᵢ·sᵢ). Multiclass: dScores[i][j] = 2·u[i][j] / N for j ≠ yᵢ, and dScores[i][yᵢ] = −Σ_{j≠yᵢ} 2·u[i][j] / N.",
];

/** Exercise `squared_hinge`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "squared_hinge",
  exports: ["binarySquaredHingeLoss", "multiclassSquaredHingeLoss"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      binarySquaredHingeLoss: ["scores", "y"],
      multiclassSquaredHingeLoss: ["scores", "y"],
    },
  }, [
    binaryTest("binary: loss value with margins violated and met (N = 9)", 9, {
      gradient: false,
    }),
    binaryTest("binary: dScores with margins violated and met (N = 8)", 8, { value: false }),
    {
      name: "binary: every margin met: loss 0 and dScores 0",
      async run(t) {
        const y = signLabels(t.rng, 6);
        const scores = binaryHingeScores(t.rng, y, { scale: 1.5, met: true });
        await checkBinary(t, scores, y, "N = 6, all margins met");
      },
    },
    {
      name: "binary: a batch of one, label +1 and label −1, margin violated: value and dScores",
      async run(t) {
        for (const label of [1, -1]) {
          const y = Float64Array.of(label);
          let scores = binaryHingeScores(t.rng, y, { scale: 1.5 });
          while (metCount(scores, y) > 0) scores = binaryHingeScores(t.rng, y, { scale: 1.5 });
          await checkBinary(t, scores, y, `N = 1, y = ${label}`);
        }
      },
    },
    ...multiclassMarginTests({
      namePrefix: "multiclass: ",
      mixed: "several violated margins in a row",
      batch: multiclassBatch,
      check: (t, { scores, y }, label, parts) => checkMulticlass(t, scores, y, label, parts),
    }),
    {
      name: "several random shapes, small and large shortfalls: values and dScores of both",
      async run(t) {
        for (let trial = 0; trial < 3; trial++) {
          const scale = [0.5, 2, 10][trial];
          const n = t.rng.int(2, 14);
          const b = binaryBatch(t.rng, n, scale);
          await checkBinary(t, b.scores, b.y, `N = ${n}, spread ${scale}`);
          const c = t.rng.int(3, 7);
          const m = c + t.rng.int(1, 6);
          const mc = multiclassBatch(t.rng, m, c, scale);
          await checkMulticlass(t, mc.scores, mc.y, `N = ${m}, C = ${c}, spread ${scale}`);
        }
      },
    },
  ]),
};
