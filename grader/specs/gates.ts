/**
 * Hidden tests of exercise 03, backward through the add, multiply, max and sigmoid gates.
 *
 * Every backward is called with a random upstream gradient (never ones) on a matrix with
 * different numbers of rows and columns, and its result is compared with the numerical
 * gradient of Σ gate(x, y) ⊙ dout, the reference gate written here. Max-gate inputs are kept
 * apart (no ties), sigmoid inputs go up to ±1000 where stability is promised.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import type { LocalFactor } from "../diagnosis/diagnose.ts";
import { oblongTest, weightedSum as weighted } from "./_backprop.ts";
import { newValues } from "./_new_values.ts";

/** Reference sigmoid, stable at any input. */
function sigmoid(x: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.data.length; i++) {
    const v = x.data[i];
    if (v >= 0) out.data[i] = 1 / (1 + Math.exp(-v));
    else {
      const e = Math.exp(v);
      out.data[i] = e / (1 + e);
    }
  }
  return out;
}

function maxOf(x: Matrix, y: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.data.length; i++) out.data[i] = Math.max(x.data[i], y.data[i]);
  return out;
}

/** Upstream gradient: random, with entries away from 0 so that no entry hides a mistake. */
function upstream(rng: Rng, r: number, c: number): Matrix {
  return randomMatrix(rng, r, c, { scale: 1.5, gap: 0.1 });
}

/** A two-input gate's inputs and its upstream gradient, all of one shape. */
type GateInputs = { x: Matrix; y: Matrix; dout: Matrix };

/** A sigmoid gate's input, its output and its upstream gradient, all of one shape. */
type SigmoidInputs = { x: Matrix; out: Matrix; dout: Matrix };

/** Why an upstream gradient read from a case file is not one {@linkcode upstream} draws. */
function upstreamProblem({ dout }: { dout: Matrix }): string | undefined {
  return dout.data.some((v) => Math.abs(v) < 0.1) ? "an entry of dout near 0" : undefined;
}

/** Reads `{ dx, dy }` of shape r×c from a two-input gate's backward. */
function gateGrads(t: TestContext, value: unknown, fn: string, r: number, c: number) {
  const o = t.expectObject(value, fn, ["dx", "dy"]);
  return {
    dx: t.expectMatrix(o.dx, `${fn}: dx`, [r, c]),
    dy: t.expectMatrix(o.dy, `${fn}: dy`, [r, c]),
  };
}

/** Inputs of the add gate (r×c each) and an upstream gradient. */
function addInputs(rng: Rng, r: number, c: number): GateInputs {
  const x = randomMatrix(rng, r, c), y = randomMatrix(rng, r, c);
  return { x, y, dout: upstream(rng, r, c) };
}

async function checkAdd(t: TestContext, r: number, c: number): Promise<void> {
  await judgeAdd(t, addInputs(t.rng, r, c));
}

/** Calls addBackward(dout) and checks dx and dy against the numerical gradients. */
async function judgeAdd(t: TestContext, { x, y, dout }: GateInputs): Promise<void> {
  const [r, c] = [x.rows, x.cols];
  const { dx, dy } = gateGrads(t, await t.call("addBackward", dout), "addBackward", r, c);
  const f = () => weighted(x.add(y), dout);
  t.expectGradients([
    { what: "addBackward: dx", got: dx, f, x },
    { what: "addBackward: dy", got: dy, f, x: y },
  ]);
}

/** Inputs of the multiply gate (r×c each, of different scales) and an upstream gradient. */
function multiplyInputs(rng: Rng, r: number, c: number): GateInputs {
  const x = randomMatrix(rng, r, c, { scale: 2 }), y = randomMatrix(rng, r, c, { scale: 0.7 });
  return { x, y, dout: upstream(rng, r, c) };
}

async function checkMultiply(t: TestContext, r: number, c: number): Promise<void> {
  await judgeMultiply(t, multiplyInputs(t.rng, r, c));
}

/** Calls multiplyBackward(x, y, dout) and checks dx and dy against the numerical gradients. */
async function judgeMultiply(t: TestContext, { x, y, dout }: GateInputs): Promise<void> {
  const [r, c] = [x.rows, x.cols];
  const { dx, dy } = gateGrads(
    t,
    await t.call("multiplyBackward", x, y, dout),
    "multiplyBackward",
    r,
    c,
  );
  const f = () => weighted(x.mul(y), dout);
  // Each input's gradient scaled by that input instead of the other one: got ⊙ (other / own).
  const ownInput = (own: Matrix, other: Matrix): LocalFactor[] => [{
    kind: "wrong-operand",
    factor: other.data.map((o, i) => o / own.data[i]),
    text: `is the expected value with each input's own value where the multiply gate's ` +
      `local derivative uses the other input's: the derivative at the wrong operand`,
  }];
  t.expectGradients([
    { what: "multiplyBackward: dx", got: dx, f, x, options: { factors: ownInput(x, y) } },
    { what: "multiplyBackward: dy", got: dy, f, x: y, options: { factors: ownInput(y, x) } },
  ]);
}

/** Inputs of the max gate (r×c each, no ties) and an upstream gradient. */
function maxInputs(rng: Rng, r: number, c: number): GateInputs {
  const x = randomMatrix(rng, r, c);
  // y differs from x by at least 0.2 at every entry, in either direction: no ties, both winners.
  const y = x.add(randomMatrix(rng, r, c, { gap: 0.2 }));
  return { x, y, dout: upstream(rng, r, c) };
}

/** Why max-gate inputs read from a case file are not ones {@linkcode maxInputs} draws. */
function tieProblem({ x, y }: GateInputs): string | undefined {
  // A little under 0.2: y − x as computed here may differ from the drawn gap in the last bits.
  return x.data.some((v, i) => Math.abs(y.data[i] - v) < 0.19)
    ? "x and y closer than 0.2 at an entry (the max gate's kink)"
    : undefined;
}

async function checkMax(t: TestContext, r: number, c: number): Promise<void> {
  await judgeMax(t, maxInputs(t.rng, r, c));
}

/** Calls maxBackward(x, y, dout) and checks dx and dy against the numerical gradients. */
async function judgeMax(t: TestContext, { x, y, dout }: GateInputs): Promise<void> {
  const [r, c] = [x.rows, x.cols];
  const { dx, dy } = gateGrads(t, await t.call("maxBackward", x, y, dout), "maxBackward", r, c);
  const f = () => weighted(maxOf(x, y), dout);
  t.expectGradients([
    { what: "maxBackward: dx", got: dx, f, x },
    { what: "maxBackward: dy", got: dy, f, x: y },
  ]);
}

/**
 * The sigmoid gate's derivative taken with its output as if it were the input, σ(out)·(1 −
 * σ(out)) in place of out·(1 − out): the factor that turns the one into the other.
 */
function sigmoidFactors(out: Matrix): LocalFactor[] {
  const again = sigmoid(out);
  return [{
    kind: "wrong-operand",
    factor: out.data.map((s, i) => (s * (1 - s)) / (again.data[i] * (1 - again.data[i]))),
    text: `is the expected value with the derivative evaluated at σ(out): sigmoidBackward ` +
      `receives the sigmoid's output, not its input, so σ must not be applied to it again`,
  }];
}

/** A sigmoid gate's input x (r×c), its output σ(x) and an upstream gradient. */
function sigmoidInputs(rng: Rng, r: number, c: number): SigmoidInputs {
  const x = randomMatrix(rng, r, c, { scale: 2 });
  return { x, out: sigmoid(x), dout: upstream(rng, r, c) };
}

/** Why sigmoid-gate inputs read from a case file are not ones {@linkcode sigmoidInputs} draws. */
function sigmoidProblem({ x, out }: SigmoidInputs): string | undefined {
  const expected = sigmoid(x);
  return out.data.some((v, i) => Math.abs(v - expected.data[i]) > 1e-12)
    ? "an out that is not σ(x)"
    : undefined;
}

async function checkSigmoidBackward(t: TestContext, r: number, c: number): Promise<Matrix> {
  return await judgeSigmoidBackward(t, sigmoidInputs(t.rng, r, c));
}

/** Calls sigmoidBackward(out, dout) and checks dx against the numerical gradient. */
async function judgeSigmoidBackward(
  t: TestContext,
  { x, out, dout }: SigmoidInputs,
): Promise<Matrix> {
  const [r, c] = [x.rows, x.cols];
  const dx = t.expectMatrix(
    await t.call("sigmoidBackward", out, dout),
    "sigmoidBackward(out, dout)",
    [r, c],
  );
  t.expectGradient("sigmoidBackward: dx", dx, () => weighted(sigmoid(x), dout), x, {
    factors: sigmoidFactors(out),
  });
  return dx;
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Each input's gradient is the gate's local derivative with respect to that input, times the upstream gradient, entry by entry. Find each local derivative by asking how far the output moves when that one input moves a little.",
  "With numbers: x = 2, y = 3. Multiply: out = 6; nudge x to 2.001 and out becomes 6.003, so the local derivative in x is 3, the value of y. Add: nudging either input moves out one-for-one. Max: only the input that won moves out. Sigmoid: differentiate 1 / (1 + e⁻ˣ) and look for σ(x) itself in the result.",
  "add: dx = dout and dy = dout (two copies); multiply: dx = y ⊙ dout and dy = x ⊙ dout; max: dx = dout where x > y (0 elsewhere) and dy = dout where y > x (0 elsewhere); sigmoid: dx = out ⊙ (1 − out) ⊙ dout.",
];

/** The hidden tests of `gates`. */
export const spec: ExerciseSpec = {
  id: "gates",
  exports: ["addBackward", "multiplyBackward", "maxBackward", "sigmoidForward", "sigmoidBackward"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      addBackward: ["dout"],
      multiplyBackward: ["x", "y", "dout"],
      maxBackward: ["x", "y", "dout"],
      sigmoidForward: ["x"],
      sigmoidBackward: ["out", "dout"],
    },
  }, [
    oblongTest("addBackward on an r×c matrix, random upstream gradient", {
      draw: (rng, { R, C }) => addInputs(rng, R, C),
      validate: upstreamProblem,
      check: judgeAdd,
    }),
    oblongTest("multiplyBackward on an r×c matrix, random upstream gradient", {
      draw: (rng, { R, C }) => multiplyInputs(rng, R, C),
      validate: upstreamProblem,
      check: judgeMultiply,
    }),
    {
      ...oblongTest("maxBackward routes dout to the larger input, winners on both sides", {
        draw: (rng, { R, C }) => maxInputs(rng, R, C),
        validate: (inputs) => tieProblem(inputs) ?? upstreamProblem(inputs),
        check: judgeMax,
      }),
      detects: "routing",
    },
    oblongTest("sigmoidForward values on an r×c matrix", {
      draw: (rng, { R, C }) => ({ x: randomMatrix(rng, R, C, { scale: 3 }) }),
      async check(t, { x }) {
        const [r, c] = [x.rows, x.cols];
        const out = t.expectMatrix(await t.call("sigmoidForward", x), "sigmoidForward(x)", [r, c]);
        t.expectClose("sigmoidForward(x)", out, sigmoid(x));
      },
    }),
    oblongTest("sigmoidForward stays finite at inputs around ±1000", {
      draw(rng, { R, C }) {
        const x = randomMatrix(rng, R, C, { scale: 1000, gap: 50 });
        x.data[0] = 1000; // both extremes are always present
        x.data[1] = -1000;
        return { x };
      },
      validate: ({ x }) =>
        x.data[0] !== 1000 || x.data[1] !== -1000
          ? "x[0] and x[1] are not 1000 and −1000"
          : x.data.some((v) => Math.abs(v) < 50)
          ? "an entry of x within 50 of 0"
          : undefined,
      async check(t, { x }) {
        const [r, c] = [x.rows, x.cols];
        const out = t.expectMatrix(await t.call("sigmoidForward", x), "sigmoidForward(x)", [r, c]);
        t.expectClose("sigmoidForward(x) at large |x|", out, sigmoid(x));
      },
    }),
    oblongTest("sigmoidBackward from the forward's output, random upstream gradient", {
      draw: (rng, { R, C }) => sigmoidInputs(rng, R, C),
      validate: (inputs) => sigmoidProblem(inputs) ?? upstreamProblem(inputs),
      async check(t, inputs) {
        await judgeSigmoidBackward(t, inputs);
      },
    }),
    oblongTest("sigmoidBackward called twice gives the same dx", {
      draw: (rng, { R, C }) => sigmoidInputs(rng, R, C),
      validate: (inputs) => sigmoidProblem(inputs) ?? upstreamProblem(inputs),
      async check(t, { x, out, dout }) {
        const [r, c] = [x.rows, x.cols];
        const first = t.expectMatrix(await t.call("sigmoidBackward", out, dout), "first dx", [
          r,
          c,
        ]);
        const second = t.expectMatrix(
          await t.call("sigmoidBackward", out, dout),
          "second dx",
          [r, c],
        );
        t.expectClose("dx of the second call (against the first)", second, first);
        t.expectGradient("sigmoidBackward: dx", second, () => weighted(sigmoid(x), dout), x);
      },
    }),
    {
      name: "every backward on a single 1×c row",
      async run(t) {
        const c = t.rng.int(3, 7);
        await checkAdd(t, 1, c);
        await checkMultiply(t, 1, c);
        await checkMax(t, 1, c);
        await checkSigmoidBackward(t, 1, c);
      },
    },
  ]),
};
