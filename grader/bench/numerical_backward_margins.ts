/**
 * The margins of the numerical-backward detector (`grader/numerical_backward.ts`), measured:
 * every solution and correct variant graded on many seeds (none may be flagged; the largest
 * deviation a derived gradient shows is printed), and finite-difference backwards (centered and
 * one-sided, steps 1e-3 to 1e-8) of several exercises, which must all fail (the smallest
 * deviation they show is printed, and how they were caught).
 *
 * ```sh
 * ./deno run -A grader/bench/numerical_backward_margins.ts [SEEDS] [NUMERICAL_SEEDS] [IDS]
 * ```
 *
 * Defaults: 200 seeds for the solutions and variants, 3 for the numerical backwards.
 *
 * @module
 */

import { GradingSession, KIT_DIR } from "../grade.ts";
import { type Exercise, MANIFEST } from "../manifest.ts";
import { type NumericalBackwardEvidence, observeEvidence } from "../numerical_backward.ts";

const seeds = Number(Deno.args[0] ?? 200);
const numericalSeeds = Number(Deno.args[1] ?? 3);
/** Only the exercises whose id starts with one of these (comma-separated; default all). */
const only = Deno.args[2]?.split(",");
const wanted = (id: string) => !only || only.some((o) => id.startsWith(o));

/** The smallest and largest evidence seen per exercise. */
interface Tally {
  checks: number;
  undecided: number;
  flagged: number;
  maxDeviation: number;
  minDeviation: number;
  maxReferenceError: number;
}

const tallies = new Map<string, Tally>();
let current = "";
observeEvidence((e: NumericalBackwardEvidence) => {
  const t = tallies.get(current) ?? {
    checks: 0,
    undecided: 0,
    flagged: 0,
    maxDeviation: 0,
    minDeviation: Infinity,
    maxReferenceError: 0,
  };
  t.checks++;
  if (e.trusted === 0) t.undecided++;
  else {
    t.maxDeviation = Math.max(t.maxDeviation, e.deviation);
    t.minDeviation = Math.min(t.minDeviation, e.deviation);
    t.maxReferenceError = Math.max(t.maxReferenceError, e.referenceError);
  }
  if (e.numerical) t.flagged++;
  tallies.set(current, t);
});

function row(name: string, t: Tally | undefined, extra = ""): string {
  if (!t) return `${name.padEnd(44)} (no gradient checked)`;
  return `${name.padEnd(44)} checks ${String(t.checks).padStart(5)}  undecided ${
    String(t.undecided).padStart(4)
  }  flagged ${String(t.flagged).padStart(4)}  deviation ${t.minDeviation.toExponential(1)}..${
    t.maxDeviation.toExponential(1)
  }  ref.err ≤ ${t.maxReferenceError.toExponential(1)}${extra}`;
}

/** A learner's finite difference of a scalar function of one matrix (appended to each file). */
function helper(h: number, centered: boolean): string {
  return `
function numGrad(f: (m: Matrix) => number, x: Matrix): Matrix {
  const h = ${h};
  const g = new Matrix(x.rows, x.cols);
  const m = x.clone();
  const f0 = ${centered ? "0" : "f(m)"};
  for (let i = 0; i < m.data.length; i++) {
    const old = m.data[i];
    m.data[i] = old + h;
    const fp = f(m);
    m.data[i] = old - h;
    const fm = ${centered ? "f(m)" : "0"};
    m.data[i] = old;
    g.data[i] = ${centered ? "(fp - fm) / (2 * h)" : "(fp - f0) / h"};
  }
  return g;
}
`;
}

/** Renames the export `fn` of `source` to `fn_analytic` (kept, not exported). */
function hide(source: string, fn: string): string {
  return source.replace(`export function ${fn}(`, `function ${fn}_analytic(`)
    .replace(/import type \{ Matrix \}/, "import { Matrix }");
}

/** Learner files whose backward is a finite difference of their own forward. */
const NUMERICAL: Record<string, (solution: string) => string> = {
  mse_loss: (s) =>
    hide(s, "mseLoss") + `
export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const loss = (p: Matrix) => mseLoss_analytic(p, target).loss;
  return { loss: loss(pred), dPred: numGrad(loss, pred) };
}
`,
  softmax_cross_entropy: (s) =>
    hide(s, "softmaxCrossEntropy") + `
export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const loss = (m: Matrix) => softmaxCrossEntropy_analytic(m, y).loss;
  return { loss: loss(scores), dScores: numGrad(loss, scores) };
}
`,
  multiclass_hinge: (s) =>
    hide(hide(s, "multiclassHingeLoss"), "linearSvmLoss") + `
export function multiclassHingeLoss(scores: Matrix, y: Int32Array): MulticlassHingeResult {
  const loss = (m: Matrix) => multiclassHingeLoss_analytic(m, y).loss;
  return { loss: loss(scores), dScores: numGrad(loss, scores) };
}
export function linearSvmLoss(W: Matrix, X: Matrix, y: Int32Array): LinearSvmResult {
  const loss = (w: Matrix) => multiclassHingeLoss_analytic(X.matmul(w), y).loss;
  return { loss: loss(W), dW: numGrad(loss, W) };
}
`,
  relu: (s) =>
    hide(s, "reluBackward") + `
export function reluBackward(dout: Matrix, cache: ReluCache): Matrix {
  const f = (x: Matrix) => reluForward(x).out.mul(dout).sum();
  return numGrad(f, cache.x as Matrix);
}
`,
  two_layer_net: (s) =>
    hide(s, "twoLayerLoss") + `
export function twoLayerLoss(
  X: Matrix,
  y: Int32Array,
  params: TwoLayerParams,
): { loss: number; grads: TwoLayerParams } {
  const at = (key: keyof TwoLayerParams) => (m: Matrix) =>
    twoLayerLoss_analytic(X, y, { ...params, [key]: m }).loss;
  return {
    loss: twoLayerLoss_analytic(X, y, params).loss,
    grads: {
      W1: numGrad(at("W1"), params.W1),
      b1: numGrad(at("b1"), params.b1),
      W2: numGrad(at("W2"), params.W2),
      b2: numGrad(at("b2"), params.b2),
    },
  };
}
`,
};

async function main(): Promise<void> {
  // 1. Solutions and correct variants: zero flags.
  const correct: Exercise[] = [...MANIFEST];
  for (const e of MANIFEST) {
    try {
      for (const f of Deno.readDirSync(`${KIT_DIR}/solutions/variants/${e.id}`)) {
        correct.push({ ...e, id: `${e.id}/${f.name}`, file: `variants/${e.id}/${f.name}` });
      }
    } catch { /* no variants */ }
  }
  // One grading of every correct file per seed (the deviations are tallied over all of them).
  const session = await GradingSession.open({ dir: `${KIT_DIR}/solutions` });
  const chosen = correct.filter((e) => wanted(e.id));
  const notPassed = new Map<string, number>();
  current = "every solution and variant";
  try {
    for (let seed = 1; seed <= seeds; seed++) {
      const report = await session.grade({ seed, exercises: chosen });
      for (const ex of report.exercises) {
        if (ex.status === "passed") continue;
        notPassed.set(ex.id, (notPassed.get(ex.id) ?? 0) + 1);
        const t = ex.tests.find((t) => t.status !== "passed");
        console.log(`  ${ex.id} seed ${seed}: ${t?.name}: ${t?.message ?? ex.message}`);
      }
    }
  } finally {
    await session.close();
  }
  console.log(
    row(
      `${chosen.length} solutions and variants × ${seeds} seeds`,
      tallies.get(current),
      notPassed.size ? `  NOT PASSED: ${[...notPassed].join(", ")}` : "  all passed",
    ),
  );

  // 2. Finite-difference backwards: every one must fail.
  const dir = await Deno.makeTempDir({ prefix: "gradkit-numerical-" });
  const kinds = [
    ...[1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8].map((h) => ({ h, centered: true })),
    ...[1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8].map((h) => ({ h, centered: false })),
  ];
  const missed: string[] = [];
  for (const [id, make] of Object.entries(NUMERICAL).filter(([id]) => wanted(id))) {
    const e = MANIFEST.find((x) => x.id === id)!;
    const solution = Deno.readTextFileSync(`${KIT_DIR}/solutions/${e.file}`);
    for (const k of kinds) {
      const name = `${id} ${k.centered ? "centered" : "one-sided"} h=${k.h}`;
      current = name;
      Deno.writeTextFileSync(`${dir}/${e.file}`, make(solution) + helper(k.h, k.centered));
      let caught = 0, flaggedTests = 0;
      const session = await GradingSession.open({ dir });
      try {
        for (let seed = 1; seed <= numericalSeeds; seed++) {
          const report = await session.grade({ seed, exercises: [e] });
          const ex = report.exercises[0];
          if (ex.status === "failed") caught++;
          flaggedTests += ex.tests.filter((t) => /computed numerically/.test(t.message ?? ""))
            .length;
        }
      } finally {
        await session.close();
      }
      if (caught < numericalSeeds) missed.push(name);
      console.log(
        row(
          name,
          tallies.get(name),
          `  failed ${caught}/${numericalSeeds}, tests flagged ${flaggedTests}`,
        ),
      );
    }
  }
  await Deno.remove(dir, { recursive: true });
  console.log(missed.length ? `MISSED: ${missed.join("; ")}` : "every numerical backward failed");
}

await main();
