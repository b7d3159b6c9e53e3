/**
 * Hidden tests of exercise 06, a sigmoid neuron σ(x·w + b) on a batch.
 *
 * Batches have N ≠ D and N > 1 (plus one batch of one), the bias is never 0, the upstream
 * gradient is random, and one test pushes |x·w + b| to about 1000 where the forward promises
 * to stay finite. Gradients are compared with the numerical gradient of Σ out ⊙ dout.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import { expectPortableCache, weightedSum as weighted } from "./_backprop.ts";
import { newValues } from "./_new_values.ts";

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** Reference forward: σ(x·w + b), N×1, with plain loops. */
function neuron(x: Matrix, w: Matrix, b: Matrix): Matrix {
  const n = x.rows, d = x.cols;
  const out = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    let z = b.data[0];
    for (let k = 0; k < d; k++) z += x.data[i * d + k] * w.data[k];
    out.data[i] = sigmoid(z);
  }
  return out;
}

/** A neuron problem: x (N×D), w (D×1), the bias as a 1×1 matrix (so it can be perturbed), dout. */
interface Problem {
  x: Matrix;
  w: Matrix;
  b: Matrix;
  dout: Matrix;
}

function problem(rng: Rng, n: number, d: number, scale = 1): Problem {
  return {
    x: randomMatrix(rng, n, d, { scale }),
    w: randomMatrix(rng, d, 1, { scale: 1 / Math.sqrt(d) }),
    b: new Matrix(1, 1, [rng.sign() * rng.uniform(0.3, 1)]),
    dout: randomMatrix(rng, n, 1, { scale: 1.5, gap: 0.1 }),
  };
}

/** N and D different, N > 1. */
function dims(rng: Rng): [number, number] {
  const d = rng.int(2, 6);
  return [d + rng.int(1, 5), d];
}

async function forward(t: TestContext, p: Problem): Promise<{ out: Matrix; cache: unknown }> {
  const o = t.expectObject(
    await t.call("neuronForward", p.x, p.w, p.b.data[0]),
    "neuronForward(x, w, b)",
    ["out", "cache"],
  );
  const out = t.expectMatrix(o.out, "neuronForward(x, w, b).out", [p.x.rows, 1]);
  expectPortableCache(t, o.cache, "neuronForward");
  return { out, cache: o.cache };
}

async function backward(t: TestContext, p: Problem, cache: unknown, what = "neuronBackward") {
  const o = t.expectObject(await t.call("neuronBackward", p.dout, cache), what, ["dx", "dw", "db"]);
  return {
    dx: t.expectMatrix(o.dx, `${what}: dx`, [p.x.rows, p.x.cols]),
    dw: t.expectMatrix(o.dw, `${what}: dw`, [p.w.rows, 1]),
    db: t.expectNumber(o.db, `${what}: db`),
  };
}

function checkGradients(
  t: TestContext,
  p: Problem,
  g: { dx: Matrix; dw: Matrix; db: number },
  what = "neuronBackward",
): void {
  const f = () => weighted(neuron(p.x, p.w, p.b), p.dout);
  t.expectGradients([
    { what: `${what}: db`, got: new Matrix(1, 1, [g.db]), f, x: p.b },
    { what: `${what}: dw`, got: g.dw, f, x: p.w },
    { what: `${what}: dx`, got: g.dx, f, x: p.x },
  ]);
}

async function fullCheck(t: TestContext, p: Problem): Promise<void> {
  const { out, cache } = await forward(t, p);
  t.expectClose("neuronForward(x, w, b).out", out, neuron(p.x, p.w, p.b));
  checkGradients(t, p, await backward(t, p, cache));
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "This file's doc comment is the course's model derivation: stage the forward (z, then out), cache what the backward needs, and take the stages back in reverse order, the sigmoid first, then the weighted sum.",
  "In the worked example (x = [[-1, -2]], w = [[2], [-3]], b = -3): z = 1 and out ≈ 0.7311, so the sigmoid's local derivative is about 0.7311 × 0.2689 ≈ 0.1966. Every other gradient is that number times the matching input or weight, added up over the examples a value is shared by.",
  "dz = out ⊙ (1 − out) ⊙ dout (N×1); dw = xᵀ · dz (D×1); db = the sum of dz over the batch (a number, no 1/N); dx = dz · wᵀ (N×D).",
];

/** The hidden tests of `sigmoid_neuron`. */
export const spec: ExerciseSpec = {
  id: "sigmoid_neuron",
  exports: ["neuronForward", "neuronBackward"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    except: ["cache"],
    parameters: { neuronForward: ["x", "w", "b"], neuronBackward: ["dout", "cache"] },
  }, [
    {
      name: "forward values on a batch with N ≠ D and a non-zero bias",
      async run(t) {
        const [n, d] = dims(t.rng);
        const p = problem(t.rng, n, d, 2);
        const { out } = await forward(t, p);
        t.expectClose("neuronForward(x, w, b).out", out, neuron(p.x, p.w, p.b));
      },
    },
    {
      name: "dx, dw and db (summed over the batch) on a batch with N ≠ D, random upstream",
      async run(t) {
        const [n, d] = dims(t.rng);
        await fullCheck(t, problem(t.rng, n, d, 1.5));
      },
    },
    {
      name: "a single example (N = 1)",
      async run(t) {
        await fullCheck(t, problem(t.rng, 1, t.rng.int(3, 7), 1.5));
      },
    },
    {
      name: "a long batch of few features (N much larger than D)",
      async run(t) {
        await fullCheck(t, problem(t.rng, t.rng.int(12, 20), 2, 1.5));
      },
    },
    {
      name: "stays finite when |x·w + b| reaches 1000",
      async run(t) {
        const [n, d] = dims(t.rng);
        const p = problem(t.rng, n, d, 1.5);
        // Scale rows so that their pre-activations reach ±1000 (both signs: n ≥ 3), one row
        // moderate. Every large one is past ±745, where e^z overflows (above 709.78) and e^−z
        // too, so a naive form fails on every seed, not only when a draw lands high enough.
        const z = p.x.matmul(p.w).add(p.b.data[0]);
        for (let i = 1; i < n; i++) {
          const target = (i % 2 === 0 ? 1 : -1) * t.rng.uniform(750, 1200);
          const k = (target - p.b.data[0]) / (z.data[i] - p.b.data[0]);
          for (let j = 0; j < d; j++) p.x.data[i * d + j] *= k;
        }
        await fullCheck(t, p);
      },
    },
    {
      name: "two neurons: two forwards of different shapes, then the backwards in reverse order",
      async run(t) {
        // A network calls every forward before the first backward; a backward that reads what
        // the last forward left in module variables instead of its cache gets neuron 1 wrong.
        const [n, d] = dims(t.rng);
        const problems = [problem(t.rng, n, d, 1.5), problem(t.rng, n + 2, d + 1, 1.5)];
        const caches: unknown[] = [];
        for (const [k, p] of problems.entries()) {
          const { out, cache } = await forward(t, p);
          t.expectClose(`neuron ${k + 1}: neuronForward(x, w, b).out`, out, neuron(p.x, p.w, p.b));
          caches.push(cache);
        }
        for (const k of [1, 0]) {
          const what = `neuron ${k + 1}: neuronBackward (with neuron ${k + 1}'s own cache)`;
          checkGradients(t, problems[k], await backward(t, problems[k], caches[k], what), what);
        }
      },
    },
    {
      name: "neuronBackward called twice with the same cache gives the same gradients",
      async run(t) {
        const [n, d] = dims(t.rng);
        const p = problem(t.rng, n, d, 1.5);
        const { cache } = await forward(t, p);
        const first = await backward(t, p, cache, "first neuronBackward");
        const second = await backward(t, p, cache, "second neuronBackward");
        t.expectClose("second neuronBackward: dx (against the first)", second.dx, first.dx);
        t.expectClose("second neuronBackward: dw (against the first)", second.dw, first.dw);
        t.expectClose("second neuronBackward: db (against the first)", second.db, first.db);
        checkGradients(t, p, second, "second neuronBackward");
      },
    },
  ]),
};
