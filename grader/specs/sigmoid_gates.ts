/**
 * Hidden tests of sigmoid_gates: the four atomic gates (−x, eˣ, 1 + x, 1/x), each forward
 * against its reference and each backward, given the gate's input and a random upstream
 * gradient, against the numerical gradient of Σ gate(x) ⊙ dout; the staged sigmoid (forward,
 * backward, two forwards before the backwards); the fused gate, also at |x| up to 1000; and the
 * point of the exercise graded on numbers: the staged and the fused backward give the same
 * gradient on the same input and upstream gradient. Shapes are never square; reciprocal inputs
 * stay at least 0.4 from 0.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestCase, TestContext } from "../spec.ts";
import type { LocalFactor } from "../diagnosis/diagnose.ts";
import { expectPortableCache, oblongTest, weightedSum } from "./_backprop.ts";
import { newValues } from "./_new_values.ts";

/** Reference sigmoid, stable at any input. */
function sigmoid(x: Matrix): Matrix {
  return x.map((v) => {
    if (v >= 0) return 1 / (1 + Math.exp(-v));
    const e = Math.exp(v);
    return e / (1 + e);
  });
}

/** One atomic gate: the learner's export names, the reference forward and its inputs. */
interface AtomicGate {
  /** Names the gate in test names. */
  title: string;
  forward: string;
  backward: string;
  reference(x: Matrix): Matrix;
  inputs(rng: Rng, r: number, c: number): Matrix;
  /** Why an input read from a case file is not one `inputs` draws (default: none). */
  inputProblem?(x: Matrix): string | undefined;
}

/** Entries uniform in ±[0.4, 3]: both signs, never near the reciprocal's pole. */
function offZero(rng: Rng, r: number, c: number): Matrix {
  const m = new Matrix(r, c);
  for (let i = 0; i < m.size; i++) m.data[i] = rng.sign() * rng.uniform(0.4, 3);
  return m;
}

const GATES: AtomicGate[] = [
  {
    title: "multiply-by-−1",
    forward: "negateForward",
    backward: "negateBackward",
    reference: (x) => x.map((v) => -v),
    inputs: (rng, r, c) => randomMatrix(rng, r, c, { scale: 2 }),
  },
  {
    title: "exp",
    forward: "expForward",
    backward: "expBackward",
    reference: (x) => x.map(Math.exp),
    inputs: (rng, r, c) => randomMatrix(rng, r, c, { scale: 1.5 }),
  },
  {
    title: "add-one",
    forward: "addOneForward",
    backward: "addOneBackward",
    reference: (x) => x.map((v) => 1 + v),
    inputs: (rng, r, c) => randomMatrix(rng, r, c, { scale: 2 }),
  },
  {
    title: "reciprocal",
    forward: "reciprocalForward",
    backward: "reciprocalBackward",
    reference: (x) => x.map((v) => 1 / v),
    inputs: offZero,
    inputProblem: (x) =>
      x.data.some((v) => Math.abs(v) < 0.4 || Math.abs(v) > 3)
        ? "an entry of x outside ±[0.4, 3]"
        : undefined,
  },
];

/** Upstream gradient: random, entries away from 0 (never all ones). */
function upstream(rng: Rng, r: number, c: number): Matrix {
  return randomMatrix(rng, r, c, { scale: 1.5, gap: 0.1 });
}

/** Why an upstream gradient read from a case file is not one {@linkcode upstream} draws. */
function upstreamProblem(dout: Matrix): string | undefined {
  return dout.data.some((v) => Math.abs(v) < 0.1) ? "an entry of dout near 0" : undefined;
}

/** Why staged-sigmoid inputs read from a case file are not ones {@linkcode stagedInputs} draws. */
function stagedProblem(x: Matrix): string | undefined {
  return x.data.some((v) => Math.abs(v) > 30) ? "an entry of x beyond ±30" : undefined;
}

/** One atomic gate's forward and backward on an r×c input, as a test that can be shrunk. */
function gateTest(gate: AtomicGate): TestCase {
  return oblongTest(
    `the ${gate.title} gate: forward, and backward with a random upstream gradient`,
    {
      draw(rng, { R, C }) {
        const x = gate.inputs(rng, R, C);
        return { x, dout: upstream(rng, R, C) };
      },
      validate: ({ x, dout }) => gate.inputProblem?.(x) ?? upstreamProblem(dout),
      check: (t, { x, dout }) => checkGate(t, gate, x, dout),
    },
  );
}

/** One atomic gate's forward and backward on the input `x` and the upstream gradient `dout`. */
async function checkGate(t: TestContext, gate: AtomicGate, x: Matrix, dout: Matrix): Promise<void> {
  const [r, c] = [x.rows, x.cols];
  const shape = `${r}×${c}`;
  const out = t.expectMatrix(await t.call(gate.forward, x), `${gate.forward} (${shape})`, [r, c]);
  t.expectClose(`${gate.forward} (${shape})`, out, gate.reference(x));
  const what = `${gate.backward}: dx (${shape})`;
  const dx = t.expectMatrix(await t.call(gate.backward, x, dout), what, [r, c]);
  t.expectGradient(what, dx, () => weightedSum(gate.reference(x), dout), x);
}

/** Inputs of the staged sigmoid: Gaussian, clipped to |x| ≤ 30. */
function stagedInputs(rng: Rng, r: number, c: number, scale = 3): Matrix {
  return randomMatrix(rng, r, c, { scale }).map((v) => Math.max(-30, Math.min(30, v)));
}

/** Calls the staged forward; checks out against σ and returns the cache. */
async function stagedForward(t: TestContext, x: Matrix, shape: string): Promise<unknown> {
  const o = t.expectObject(
    await t.call("sigmoidStagedForward", x),
    `sigmoidStagedForward (${shape})`,
    ["out", "cache"],
  );
  const out = t.expectMatrix(o.out, `sigmoidStagedForward: out (${shape})`, [x.rows, x.cols]);
  t.expectClose(`sigmoidStagedForward: out (${shape})`, out, sigmoid(x));
  expectPortableCache(t, o.cache, "sigmoidStagedForward");
  return o.cache;
}

/** Calls the staged backward with `cache`; checks dx against the numerical gradient. */
async function stagedBackward(
  t: TestContext,
  x: Matrix,
  dout: Matrix,
  cache: unknown,
  shape: string,
): Promise<Matrix> {
  const what = `sigmoidStagedBackward: dx (${shape})`;
  const dx = t.expectMatrix(await t.call("sigmoidStagedBackward", dout, cache), what, [
    x.rows,
    x.cols,
  ]);
  t.expectGradient(what, dx, () => weightedSum(sigmoid(x), dout), x, {
    factors: stagedFactors(x),
  });
  return dx;
}

/**
 * The local derivatives of the staged chain at `x` (a = −x, b = eᵃ, c = 1 + b, out = 1/c), for
 * naming a wrong staged backward: one stage's derivative left out (the learner's dx times it is
 * the expected dx; not the negation's −1, which a sign flipped anywhere shows as well), or the exp gate's derivative taken at x instead of at a = −x (eˣ where e⁻ˣ
 * is due: the learner's dx times e⁻²ˣ is the expected one).
 */
function stagedFactors(x: Matrix): LocalFactor[] {
  const stage = (name: string, local: (v: number) => number): LocalFactor => ({
    kind: "skipped-stage",
    factor: x.data.map(local),
    text: `times the ${name} gate's local derivative is exactly the expected value: that stage ` +
      `was skipped on the way back (each stage multiplies in its own derivative)`,
  });
  return [
    stage("exp", (v) => Math.exp(-v)),
    stage("reciprocal", (v) => -1 / (1 + Math.exp(-v)) ** 2),
    {
      kind: "wrong-operand",
      factor: x.data.map((v) => Math.exp(-2 * v)),
      text: `is the expected value with the exp gate's derivative evaluated at x, the sigmoid's ` +
        `input, instead of at what entered that gate: a gate's derivative is evaluated at its ` +
        `own input`,
    },
  ];
}

/** Calls the fused forward and backward; checks both. */
async function fused(t: TestContext, x: Matrix, dout: Matrix, shape: string): Promise<Matrix> {
  const [r, c] = [x.rows, x.cols];
  const out = t.expectMatrix(
    await t.call("sigmoidFusedForward", x),
    `sigmoidFusedForward (${shape})`,
    [r, c],
  );
  t.expectClose(`sigmoidFusedForward (${shape})`, out, sigmoid(x));
  const what = `sigmoidFusedBackward: dx (${shape})`;
  const dx = t.expectMatrix(await t.call("sigmoidFusedBackward", sigmoid(x), dout), what, [r, c]);
  t.expectGradient(what, dx, () => weightedSum(sigmoid(x), dout), x);
  return dx;
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Each gate needs only its own local derivative, evaluated at the value that entered it in the forward pass, times the gradient arriving from above. Walk the gates back from the reciprocal to the negation, feeding each backward what the one after it returned.",
  "Local derivatives by nudging: 1/x at x = 2 is 0.5 and at 2.001 about 0.49975, a slope of about −0.25 = −1/4; eˣ at x = 1 grows by about 2.718·ε; 1 + x and −x have slopes 1 and −1. At x = 0 the staged chain gives 1 · (−1/4) · 1 · 1 · (−1) = 0.25, the fused gate's 0.5 · 0.5.",
  "negate: dx = −dout. exp: dx = exp(x) ⊙ dout. add one: a copy of dout. reciprocal: dx = −dout / x². Staged: dc = −dout / c², db = dc, da = exp(a) ⊙ db, dx = −da. Fused: dx = out ⊙ (1 − out) ⊙ dout.",
];

/** Exercise `sigmoid_gates`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "sigmoid_gates",
  exports: [
    "negateForward",
    "negateBackward",
    "expForward",
    "expBackward",
    "addOneForward",
    "addOneBackward",
    "reciprocalForward",
    "reciprocalBackward",
    "sigmoidStagedForward",
    "sigmoidStagedBackward",
    "sigmoidFusedForward",
    "sigmoidFusedBackward",
  ],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    except: ["cache"],
    parameters: {
      negateBackward: ["x", "dout"],
      expBackward: ["x", "dout"],
      addOneBackward: ["x", "dout"],
      reciprocalBackward: ["x", "dout"],
      sigmoidStagedBackward: ["dout", "cache"],
      sigmoidFusedBackward: ["out", "dout"],
    },
  }, [
    ...GATES.map(gateTest),
    oblongTest("the staged sigmoid's forward (r ≠ c)", {
      draw: (rng, { R, C }) => ({ x: stagedInputs(rng, R, C) }),
      validate: ({ x }) => stagedProblem(x),
      async check(t, { x }) {
        await stagedForward(t, x, `${x.rows}×${x.cols}`);
      },
    }),
    oblongTest("the staged sigmoid's backward with a random upstream gradient (r ≠ c)", {
      // dout is drawn after x, as before the forward's call: the same numbers.
      draw: (rng, { R, C }) => ({ x: stagedInputs(rng, R, C), dout: upstream(rng, R, C) }),
      validate: ({ x, dout }) => stagedProblem(x) ?? upstreamProblem(dout),
      async check(t, { x, dout }) {
        const shape = `${x.rows}×${x.cols}`;
        const cache = await stagedForward(t, x, shape);
        await stagedBackward(t, x, dout, cache, shape);
      },
    }),
    oblongTest("the fused gate: forward, and backward from its output", {
      draw: (rng, { R, C }) => ({ x: stagedInputs(rng, R, C), dout: upstream(rng, R, C) }),
      validate: ({ x, dout }) => stagedProblem(x) ?? upstreamProblem(dout),
      async check(t, { x, dout }) {
        await fused(t, x, dout, `${x.rows}×${x.cols}`);
      },
    }),
    oblongTest("the same gradient both ways: staged and fused backward on one input and one dout", {
      draw: (rng, { R, C }) => ({ x: stagedInputs(rng, R, C, 4), dout: upstream(rng, R, C) }),
      validate: ({ x, dout }) => stagedProblem(x) ?? upstreamProblem(dout),
      async check(t, { x, dout }) {
        const shape = `${x.rows}×${x.cols}`;
        const staged = await stagedBackward(t, x, dout, await stagedForward(t, x, shape), shape);
        const fusedDx = await fused(t, x, dout, shape);
        t.expectClose(
          `your staged dx against your fused dx (${shape}): one gradient, two ways of cutting σ`,
          staged,
          fusedDx,
        );
      },
    }),
    {
      name: "two staged forwards before the first backward, the backwards in reverse order",
      detects: "state",
      async run(t: TestContext) {
        const x1 = stagedInputs(t.rng, 3, 5), x2 = stagedInputs(t.rng, 4, 2);
        const cache1 = await stagedForward(t, x1, "first, 3×5");
        const cache2 = await stagedForward(t, x2, "second, 4×2");
        await stagedBackward(t, x2, upstream(t.rng, 4, 2), cache2, "second, 4×2");
        await stagedBackward(t, x1, upstream(t.rng, 3, 5), cache1, "first, 3×5");
      },
    },
    {
      name: "the fused gate at inputs up to ±1000: finite and right",
      async run(t: TestContext) {
        const x = new Matrix(3, 4);
        const levels = [1000, 700, 40, 5, -5, -40, -700, -1000];
        for (let i = 0; i < x.size; i++) {
          x.data[i] = levels[i % levels.length] * t.rng.uniform(0.9, 1);
        }
        await fused(t, x, upstream(t.rng, 3, 4), "3×4, |x| up to 1000");
      },
    },
    {
      name: "a single input (1×1): staged and fused, forward and backward",
      async run(t: TestContext) {
        const x = stagedInputs(t.rng, 1, 1), dout = upstream(t.rng, 1, 1);
        await stagedBackward(t, x, dout, await stagedForward(t, x, "1×1"), "1×1");
        await fused(t, x, dout, "1×1");
      },
    },
  ]),
};
