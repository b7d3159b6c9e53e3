/**
 * Hidden tests of exercise 05, gradients adding up at a fork.
 *
 * The circuit is out = (x + y) ⊙ (x ⊙ z): x feeds an add gate and a multiply gate. Besides
 * checking forkForward's value and forkBackward's gradients against the numerical gradient of
 * Σ out ⊙ dout, one test chains the learner's own gate backwards (from 03_gates.ts, re-exported
 * by 05_fork.ts) step by step in the circuit's reverse order, checks every intermediate, and
 * then compares the learner's dx with the sum of the two branches, naming the mistake when dx
 * equals one branch only (overwritten instead of accumulated) or half their sum.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import { CheckFailure, type ExerciseSpec, type TestContext } from "../spec.ts";
import { LearnerThrew } from "../test_context.ts";
import type { LocalFactor } from "../diagnosis/diagnose.ts";
import { expectPortableCache, oblongShape, weightedSum as weighted } from "./_backprop.ts";
import { newValues } from "./_new_values.ts";

const GATES = new Set(["addBackward", "multiplyBackward"]);

/** Reference forward: (x + y) ⊙ (x ⊙ z). */
function circuit(x: Matrix, y: Matrix, z: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols);
  for (let i = 0; i < out.data.length; i++) {
    out.data[i] = (x.data[i] + y.data[i]) * (x.data[i] * z.data[i]);
  }
  return out;
}

/** Whether every entry of `a` is within a relative 1e-6 of `b`. */
function near(a: Matrix, b: Matrix): boolean {
  for (let i = 0; i < a.data.length; i++) {
    const scale = Math.max(Math.abs(b.data[i]), 1e-6);
    if (!(Math.abs(a.data[i] - b.data[i]) <= 1e-6 * scale)) return false;
  }
  return true;
}

/**
 * Calls a learner function; when one of the gates of 03_gates.ts is still a stub (the call
 * throws "… is not implemented yet" for a function other than `name`, or `name` is a gate),
 * fails with a message that sends the learner to exercise 03.
 */
async function call(t: TestContext, name: string, ...args: unknown[]): Promise<unknown> {
  try {
    return await t.call(name, ...args);
  } catch (e) {
    if (e instanceof LearnerThrew && e.thrown.notImplemented) {
      const missing = /^(\w+) is not implemented/.exec(e.thrown.message)?.[1] ?? "";
      if (GATES.has(name) || (missing !== name && GATES.has(missing))) {
        throw new CheckFailure(
          `${GATES.has(name) ? name : missing} (imported from your 03_gates.ts) is not ` +
            `implemented yet: this exercise backpropagates with your own gates, so finish ` +
            `exercise 03 (gates) first`,
        );
      }
    }
    throw e;
  }
}

interface Inputs {
  x: Matrix;
  y: Matrix;
  z: Matrix;
  dout: Matrix;
}

function inputs(rng: Rng, r: number, c: number): Inputs {
  return {
    x: randomMatrix(rng, r, c, { gap: 0.1 }),
    y: randomMatrix(rng, r, c, { scale: 1.5, gap: 0.1 }),
    z: randomMatrix(rng, r, c, { scale: 0.8, gap: 0.1 }),
    dout: randomMatrix(rng, r, c, { scale: 1.5, gap: 0.1 }),
  };
}

async function forward(t: TestContext, v: Inputs): Promise<{ out: Matrix; cache: unknown }> {
  const o = t.expectObject(
    await call(t, "forkForward", v.x, v.y, v.z),
    "forkForward(x, y, z)",
    ["out", "cache"],
  );
  const out = t.expectMatrix(o.out, "forkForward(x, y, z).out", [v.x.rows, v.x.cols]);
  expectPortableCache(t, o.cache, "forkForward");
  return { out, cache: o.cache };
}

async function backward(
  t: TestContext,
  v: Inputs,
  cache: unknown,
  what = "forkBackward",
): Promise<{ dx: Matrix; dy: Matrix; dz: Matrix }> {
  const [r, c] = [v.x.rows, v.x.cols];
  const o = t.expectObject(await call(t, "forkBackward", v.dout, cache), what, ["dx", "dy", "dz"]);
  return {
    dx: t.expectMatrix(o.dx, `${what}: dx`, [r, c]),
    dy: t.expectMatrix(o.dy, `${what}: dy`, [r, c]),
    dz: t.expectMatrix(o.dz, `${what}: dz`, [r, c]),
  };
}

/** dx, dy, dz against the numerical gradient of Σ circuit(x, y, z) ⊙ dout. */
function checkNumerically(
  t: TestContext,
  v: Inputs,
  g: { dx: Matrix; dy: Matrix; dz: Matrix },
  what = "forkBackward",
): void {
  const f = () => weighted(circuit(v.x, v.y, v.z), v.dout);
  // z reaches out only through m = x ⊙ z and then out = a ⊙ m: the outer gate's local
  // derivative for m is a = x + y, left out when dout is fed to the inner gate directly.
  const outer: LocalFactor = {
    kind: "skipped-stage",
    factor: v.x.add(v.y).data,
    text: `times the outer gate's local derivative for m is exactly the expected value: the ` +
      `inner multiply gate was fed dout instead of the gradient of its own output m, skipping ` +
      `the outer gate`,
  };
  t.expectGradients([
    { what: `${what}: dy`, got: g.dy, f, x: v.y },
    { what: `${what}: dz`, got: g.dz, f, x: v.z, options: { factors: [outer] } },
    { what: `${what}: dx`, got: g.dx, f, x: v.x },
  ]);
}

function gateGrads(t: TestContext, value: unknown, what: string, r: number, c: number) {
  const o = t.expectObject(value, what, ["dx", "dy"]);
  return {
    dx: t.expectMatrix(o.dx, `${what}: dx`, [r, c]),
    dy: t.expectMatrix(o.dy, `${what}: dy`, [r, c]),
  };
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "x reaches out along two paths, through the add gate and through the first multiply gate. Walk the gates backwards from out, each fed the gradient of its own output, then combine what comes back to x along each path: at a fork the gradients add.",
  "With x = 2, y = 1, z = 3 (a = 3, m = 6, out = 18) and dout = 1: the last gate gives da = 6 and dm = 3. Back through the add gate x gets 6; back through the first multiply gate x gets z times dm, 9. What does x get in total, and how does that compare with nudging x by hand?",
  "da, dm from multiplyBackward(a, m, dout); dxAdd, dy from addBackward(da); dxMul, dz from multiplyBackward(x, z, dm); dx = dxAdd + dxMul. In formulas: dx = (m + a ⊙ z) ⊙ dout, dy = m ⊙ dout, dz = a ⊙ x ⊙ dout.",
];

/** The hidden tests of `fork`. */
export const spec: ExerciseSpec = {
  id: "fork",
  exports: ["forkForward", "forkBackward", "addBackward", "multiplyBackward"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    except: ["cache"],
    parameters: {
      forkForward: ["x", "y", "z"],
      forkBackward: ["dout", "cache"],
      addBackward: ["dout"],
      multiplyBackward: ["x", "y", "dout"],
    },
  }, [
    {
      name: "forkForward value of (x + y) ⊙ (x ⊙ z) on an r×c matrix",
      async run(t) {
        const [r, c] = oblongShape(t.rng, 3);
        const v = inputs(t.rng, r, c);
        const { out } = await forward(t, v);
        t.expectClose("forkForward(x, y, z).out", out, circuit(v.x, v.y, v.z));
      },
    },
    {
      name: "your gates chained step by step, then the sum at the fork",
      async run(t: TestContext) {
        const [r, c] = oblongShape(t.rng, 3);
        const v = inputs(t.rng, r, c);
        const { x, y, z, dout } = v;
        const { cache } = await forward(t, v);
        const a = x.add(y), m = x.mul(z);

        // Step 1: out = a ⊙ m.
        const s1 = "step 1, multiplyBackward(a, m, dout)";
        const g1 = gateGrads(t, await call(t, "multiplyBackward", a, m, dout), s1, r, c);
        t.expectGradient(`${s1}: da`, g1.dx, () => weighted(a.mul(m), dout), a);
        t.expectGradient(`${s1}: dm`, g1.dy, () => weighted(a.mul(m), dout), m);
        const da = g1.dx, dm = g1.dy;

        // Step 2: a = x + y.
        const s2 = "step 2, addBackward(da)";
        const g2 = gateGrads(t, await call(t, "addBackward", da), s2, r, c);
        t.expectGradient(
          `${s2}: dx (the add gate's share)`,
          g2.dx,
          () => weighted(x.add(y), da),
          x,
        );
        t.expectGradient(`${s2}: dy`, g2.dy, () => weighted(x.add(y), da), y);

        // Step 3: m = x ⊙ z.
        const s3 = "step 3, multiplyBackward(x, z, dm)";
        const g3 = gateGrads(t, await call(t, "multiplyBackward", x, z, dm), s3, r, c);
        t.expectGradient(
          `${s3}: dx (the multiply gate's share)`,
          g3.dx,
          () => weighted(x.mul(z), dm),
          x,
        );
        t.expectGradient(`${s3}: dz`, g3.dy, () => weighted(x.mul(z), dm), z);

        // Step 4: the fork.
        const chained = g2.dx.add(g3.dx);
        const got = await backward(t, v, cache);
        if (!near(got.dx, chained)) {
          t.expect(
            !near(got.dx, g2.dx),
            "forkBackward: dx equals the add gate's share only: x is used twice, and the " +
              "multiply gate's share was overwritten or dropped; add the two",
            "routing",
          );
          t.expect(
            !near(got.dx, g3.dx),
            "forkBackward: dx equals the multiply gate's share only: x is used twice, and the " +
              "add gate's share was overwritten or dropped; add the two",
            "routing",
          );
          t.expect(
            !near(got.dx, chained.mul(0.5)),
            "forkBackward: dx is half the sum of the two shares: at a fork the gradients add, " +
              "they are not averaged",
            "routing",
          );
        }
        t.expectClose("forkBackward: dx (against the sum of steps 2 and 3)", got.dx, chained);
        t.expectClose("forkBackward: dy (against step 2)", got.dy, g2.dy);
        t.expectClose("forkBackward: dz (against step 3)", got.dz, g3.dy);
      },
    },
    {
      name: "forkBackward dx, dy, dz against the numerical gradient, random upstream gradient",
      async run(t) {
        const [r, c] = oblongShape(t.rng, 3);
        const v = inputs(t.rng, r, c);
        const { cache } = await forward(t, v);
        checkNumerically(t, v, await backward(t, v, cache));
      },
    },
    {
      name: "forkBackward called twice with the same cache gives the same gradients",
      async run(t) {
        const [r, c] = oblongShape(t.rng, 3);
        const v = inputs(t.rng, r, c);
        const { cache } = await forward(t, v);
        const first = await backward(t, v, cache, "first forkBackward");
        const second = await backward(t, v, cache, "second forkBackward");
        t.expectClose("second forkBackward: dx (against the first)", second.dx, first.dx);
        t.expectClose("second forkBackward: dy (against the first)", second.dy, first.dy);
        t.expectClose("second forkBackward: dz (against the first)", second.dz, first.dz);
        checkNumerically(t, v, second, "second forkBackward");
      },
    },
    {
      name: "two circuits: two forwards of different shapes, then the backwards in reverse order",
      detects: "state",
      async run(t) {
        // Every forward before the first backward, as in a network; a backward that reads what
        // the last forward left in module variables instead of its cache gets circuit 1 wrong.
        const [r, c] = oblongShape(t.rng, 3);
        const first = inputs(t.rng, r, c);
        const second = inputs(t.rng, r + t.rng.int(1, 3), c + t.rng.int(1, 3));
        const caches = [(await forward(t, first)).cache, (await forward(t, second)).cache];
        checkNumerically(
          t,
          second,
          await backward(t, second, caches[1], "circuit 2: forkBackward"),
        );
        checkNumerically(t, first, await backward(t, first, caches[0], "circuit 1: forkBackward"));
      },
    },
    {
      name: "a single 1×c row",
      async run(t) {
        const v = inputs(t.rng, 1, t.rng.int(3, 7));
        const { out, cache } = await forward(t, v);
        t.expectClose("forkForward(x, y, z).out", out, circuit(v.x, v.y, v.z));
        checkNumerically(t, v, await backward(t, v, cache));
      },
    },
  ]),
};
