/**
 * Hidden tests of exercise 06, a sigmoid neuron σ(x·w + b) on one example.
 *
 * x and w are 1×D rows with D ≠ 1 in most tests (plus one feature alone), the bias is never 0,
 * the upstream gradient is a random number (never 1), and one test pushes |x·w + b| to about
 * 1000 on both sides, where the forward promises to stay finite. Gradients are compared with
 * the numerical gradient of out · dout.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import type { LocalFactor } from "../diagnosis/diagnose.ts";
import { expectPortableCache } from "./_backprop.ts";
import { newValues } from "./_new_values.ts";

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** Reference forward: σ(x·w + b), a number, with a plain loop. */
function neuron(x: Matrix, w: Matrix, b: Matrix): number {
  let z = b.data[0];
  for (let k = 0; k < x.cols; k++) z += x.data[k] * w.data[k];
  return sigmoid(z);
}

/** A neuron problem: x and w (1×D), the bias as a 1×1 matrix (so it can be perturbed), dout. */
interface Problem {
  x: Matrix;
  w: Matrix;
  b: Matrix;
  dout: number;
}

function problem(rng: Rng, d: number, scale = 1): Problem {
  return {
    x: randomMatrix(rng, 1, d, { scale }),
    w: randomMatrix(rng, 1, d, { scale: 1 / Math.sqrt(d) }),
    b: new Matrix(1, 1, [rng.sign() * rng.uniform(0.3, 1)]),
    dout: rng.sign() * rng.uniform(0.2, 2.5),
  };
}

async function forward(t: TestContext, p: Problem): Promise<{ out: number; cache: unknown }> {
  const o = t.expectObject(
    await t.call("neuronForward", p.x, p.w, p.b.data[0]),
    "neuronForward(x, w, b)",
    ["out", "cache"],
  );
  const out = t.expectNumber(o.out, "neuronForward(x, w, b).out");
  expectPortableCache(t, o.cache, "neuronForward");
  return { out, cache: o.cache };
}

async function backward(t: TestContext, p: Problem, cache: unknown, what = "neuronBackward") {
  const o = t.expectObject(await t.call("neuronBackward", p.dout, cache), what, ["dx", "dw", "db"]);
  return {
    dx: t.expectMatrix(o.dx, `${what}: dx`, [1, p.x.cols]),
    dw: t.expectMatrix(o.dw, `${what}: dw`, [1, p.w.cols]),
    db: t.expectNumber(o.db, `${what}: db`),
  };
}

/**
 * The factors of the neuron's chain, for naming a wrong gradient: dout (never multiplied in),
 * the sigmoid's local derivative out·(1 − out) (that stage skipped), and the derivative taken
 * at z instead of the output, z·(1 − z) in place of out·(1 − out).
 */
function chainFactors(p: Problem): LocalFactor[] {
  let z = p.b.data[0];
  for (let k = 0; k < p.x.cols; k++) z += p.x.data[k] * p.w.data[k];
  const out = sigmoid(z);
  const local = out * (1 - out);
  return [
    {
      kind: "upstream-ignored",
      factor: p.dout,
      text: `times the upstream gradient dout is exactly the expected value: dout was never ` +
        `multiplied in`,
    },
    {
      kind: "skipped-stage",
      factor: local,
      text: `times the sigmoid's local derivative is exactly the expected value: the sigmoid ` +
        `stage was skipped in the backward`,
    },
    {
      kind: "wrong-operand",
      factor: local / (z * (1 - z)),
      text: `is the expected value with the sigmoid's derivative evaluated at z, where the ` +
        `form in the cache is the one for the sigmoid's output`,
    },
  ];
}

function checkGradients(
  t: TestContext,
  p: Problem,
  g: { dx: Matrix; dw: Matrix; db: number },
  what = "neuronBackward",
): void {
  const f = () => neuron(p.x, p.w, p.b) * p.dout;
  const options = { factors: chainFactors(p) };
  t.expectGradients([
    { what: `${what}: db`, got: new Matrix(1, 1, [g.db]), f, x: p.b, options },
    { what: `${what}: dw`, got: g.dw, f, x: p.w, options },
    { what: `${what}: dx`, got: g.dx, f, x: p.x, options },
  ]);
}

async function fullCheck(t: TestContext, p: Problem): Promise<void> {
  const { out, cache } = await forward(t, p);
  t.expectClose("neuronForward(x, w, b).out", out, neuron(p.x, p.w, p.b));
  checkGradients(t, p, await backward(t, p, cache));
}

/** A problem whose x is scaled so that x·w + b lands at `z`. */
function reaching(rng: Rng, d: number, z: number): Problem {
  const p = problem(rng, d, 1.5);
  const b = p.b.data[0];
  let dot = 0;
  for (let k = 0; k < d; k++) dot += p.x.data[k] * p.w.data[k];
  if (Math.abs(dot) < 0.05) p.x.data[0] += (0.1 - dot) / p.w.data[0];
  dot = 0;
  for (let k = 0; k < d; k++) dot += p.x.data[k] * p.w.data[k];
  const scale = (z - b) / dot;
  for (let k = 0; k < d; k++) p.x.data[k] *= scale;
  return p;
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "This file's doc comment is the course's model derivation: stage the forward (z, then out), cache what the backward needs, and take the stages back in reverse order, the sigmoid first, then the weighted sum.",
  "In the worked example (x = [[-1, -2]], w = [[2, -3]], b = -3): z = 1 and out ≈ 0.7311, so the sigmoid's local derivative is about 0.7311 × 0.2689 ≈ 0.1966. Every other gradient is that number times dout times the factor the value is multiplied by in z.",
  "dz = out · (1 − out) · dout (a number); dw[d] = x[d]·dz and dx[d] = w[d]·dz (both 1×D, like w and x); db = dz.",
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
      name: "forward value with D features and a non-zero bias",
      async run(t) {
        const p = problem(t.rng, t.rng.int(3, 7), 2);
        const { out } = await forward(t, p);
        t.expectClose("neuronForward(x, w, b).out", out, neuron(p.x, p.w, p.b));
      },
    },
    {
      name: "dx, dw and db with a random upstream gradient (D features)",
      async run(t) {
        await fullCheck(t, problem(t.rng, t.rng.int(3, 7), 1.5));
      },
    },
    {
      name: "a single feature (D = 1)",
      async run(t) {
        await fullCheck(t, problem(t.rng, 1, 1.5));
      },
    },
    {
      name: "many features (D from 12 to 19)",
      async run(t) {
        await fullCheck(t, problem(t.rng, t.rng.int(12, 20), 1.5));
      },
    },
    {
      name: "stays finite when x·w + b reaches +1000 or −1000",
      async run(t) {
        // Every z is past ±745, where e^z overflows (above 709.78) and e^−z too, so a naive
        // form fails on every seed, not only when a draw lands high enough.
        for (const side of [1, -1]) {
          await fullCheck(t, reaching(t.rng, t.rng.int(2, 6), side * t.rng.uniform(750, 1200)));
        }
      },
    },
    {
      name: "two neurons: two forwards of different sizes, then the backwards in reverse order",
      detects: "state",
      async run(t) {
        // A network calls every forward before the first backward; a backward that reads what
        // the last forward left in module variables instead of its cache gets neuron 1 wrong.
        const d = t.rng.int(2, 6);
        const problems = [problem(t.rng, d, 1.5), problem(t.rng, d + 2, 1.5)];
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
        const p = problem(t.rng, t.rng.int(3, 7), 1.5);
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
