/**
 * Hidden tests of exercise 04, the ReLU gate.
 *
 * Inputs have both signs and stay a safe distance from 0 (the kink), except in the test about
 * the pinned derivative at 0, which is judged against the convention (dx = 0 where x = 0)
 * rather than numerically. Upstream gradients are random; the learner's cache is handed back
 * to the learner's backward unchanged, and `t.call` checks that neither call modifies it.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import {
  expectPortableCache,
  oblongShape as shape,
  oblongTest,
  weightedSum as weighted,
} from "./_backprop.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** How far every drawn input stays from the kink at 0 (except where the test puts zeros). */
const GAP = 0.05;

function relu(x: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.data.length; i++) out.data[i] = x.data[i] > 0 ? x.data[i] : 0;
  return out;
}

/** Calls reluForward on x and returns the checked output and the cache. */
async function forward(t: TestContext, x: Matrix): Promise<{ out: Matrix; cache: unknown }> {
  const o = t.expectObject(await t.call("reluForward", x), "reluForward(x)", ["out", "cache"]);
  const out = t.expectMatrix(o.out, "reluForward(x).out", [x.rows, x.cols]);
  expectPortableCache(t, o.cache, "reluForward");
  return { out, cache: o.cache };
}

/** An input x (r×c, entries `GAP` away from the kink) and a random upstream gradient. */
function backwardInputs(rng: Rng, r: number, c: number): { x: Matrix; dout: Matrix } {
  const x = randomMatrix(rng, r, c, { gap: GAP });
  return { x, dout: randomMatrix(rng, r, c, { scale: 1.5, gap: 0.1 }) };
}

/** Why `x` read from a case file is not one the tests draw: an entry near the kink at 0. */
function offKink(x: Matrix): string | undefined {
  return x.data.some((v) => Math.abs(v) < GAP) ? "an entry of x near the kink at 0" : undefined;
}

/** Why an upstream gradient read from a case file is not one the tests draw. */
function upstreamProblem(dout: Matrix): string | undefined {
  return dout.data.some((v) => Math.abs(v) < 0.1) ? "an entry of dout near 0" : undefined;
}

/** Forward then backward with a random upstream gradient, checked against the numerical gradient. */
async function checkBackward(t: TestContext, x: Matrix, dout: Matrix): Promise<void> {
  const [r, c] = [x.rows, x.cols];
  const { out, cache } = await forward(t, x);
  t.expectClose("reluForward(x).out", out, relu(x));
  const dx = t.expectMatrix(await t.call("reluBackward", dout, cache), "reluBackward dx", [r, c]);
  t.expectGradient("reluBackward dx", dx, () => weighted(relu(x), dout), x);
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "ReLU is a max against the constant 0: like the max gate, it lets the upstream gradient through where its input won and blocks it where 0 won. Mind the kit's convention at exactly 0, and keep in the cache what tells the two cases apart.",
  "By hand: x = [[2, −1, 0]] and dout = [[5, 6, 7]]. The slope of max(0, x) is 1 at 2, 0 at −1, and this kit takes 0 at 0, so dx = [[5, 0, 0]].",
  "dx = dout where x > 0, and 0 where x ≤ 0 (x from the cache): for example dout.mul(x.map((v) => (v > 0 ? 1 : 0))).",
];

/** The hidden tests of `relu`. */
export const spec: ExerciseSpec = {
  id: "relu",
  exports: ["reluForward", "reluBackward"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    except: ["cache"],
    parameters: { reluForward: ["x"], reluBackward: ["dout", "cache"] },
  }, [
    oblongTest("reluForward values on an r×c matrix with both signs", {
      draw: (rng, { R, C }) => ({ x: randomMatrix(rng, R, C, { scale: 2, gap: 0.05 }) }),
      validate: ({ x }) => offKink(x),
      async check(t, { x }) {
        const { out } = await forward(t, x);
        t.expectClose("reluForward(x).out", out, relu(x));
      },
    }),
    oblongTest("reluBackward against the numerical gradient, random upstream gradient", {
      draw: (rng, { R, C }) => backwardInputs(rng, R, C),
      validate: ({ x, dout }) => offKink(x) ?? upstreamProblem(dout),
      check: (t, { x, dout }) => checkBackward(t, x, dout),
    }),
    oblongTest("derivative at exactly 0 is 0 (the kit's convention)", {
      draw(rng, { R, C }) {
        const x = randomMatrix(rng, R, C, { gap: 0.05 });
        for (let i = 0; i < x.data.length; i += 3) x.data[i] = 0;
        return { x, dout: randomMatrix(rng, R, C, { scale: 1.5, gap: 0.1 }) };
      },
      validate: ({ x, dout }) =>
        x.data.some((v, i) => i % 3 === 0 ? v !== 0 : Math.abs(v) < GAP)
          ? "an entry of x that is not 0 where the test puts zeros, or near 0 elsewhere"
          : upstreamProblem(dout),
      async check(t, { x, dout }) {
        const [r, c] = [x.rows, x.cols];
        const { out, cache } = await forward(t, x);
        t.expectClose("reluForward(x).out", out, relu(x));
        const dx = t.expectMatrix(
          await t.call("reluBackward", dout, cache),
          "reluBackward dx",
          [r, c],
        );
        const expected = dout.map((g, i, j) => (x.get(i, j) > 0 ? g : 0));
        t.expectClose("reluBackward dx (0 where x ≤ 0, x = 0 included)", dx, expected);
      },
    }),
    oblongTest("reluBackward called twice with the same cache gives the same dx", {
      draw: (rng, { R, C }) => backwardInputs(rng, R, C),
      validate: ({ x, dout }) => offKink(x) ?? upstreamProblem(dout),
      async check(t, { x, dout }) {
        const [r, c] = [x.rows, x.cols];
        const { cache } = await forward(t, x);
        const first = t.expectMatrix(await t.call("reluBackward", dout, cache), "first dx", [r, c]);
        const second = t.expectMatrix(
          await t.call("reluBackward", dout, cache),
          "second dx",
          [r, c],
        );
        t.expectClose("dx of the second call (against the first)", second, first);
        t.expectGradient("reluBackward dx", second, () => weighted(relu(x), dout), x);
      },
    }),
    {
      name: "two layers: two forwards of different shapes, then the backwards in reverse order",
      detects: "state",
      async run(t) {
        // A network calls every forward before the first backward; a backward that reads what
        // the last forward left in a module variable instead of its cache gets layer 1 wrong.
        const [r, c] = shape(t.rng);
        const layers = [[r, c], [r + t.rng.int(1, 3), c + t.rng.int(1, 3)]].map(([rows, cols]) => ({
          x: randomMatrix(t.rng, rows, cols, { gap: 0.05 }),
          dout: randomMatrix(t.rng, rows, cols, { scale: 1.5, gap: 0.1 }),
        }));
        // Layer 2's inputs are all positive and layer 1 has both signs, so whatever entries of
        // layer 2's input such a backward reads, its mask is wrong for layer 1 on every seed.
        layers[1].x = layers[1].x.abs();
        layers[0].x.data[0] = -Math.abs(layers[0].x.data[0]);
        layers[0].x.data[1] = Math.abs(layers[0].x.data[1]);
        const caches: unknown[] = [];
        for (const [k, { x }] of layers.entries()) {
          const { out, cache } = await forward(t, x);
          t.expectClose(`layer ${k + 1}: reluForward(x).out`, out, relu(x));
          caches.push(cache);
        }
        for (const k of [1, 0]) {
          const { x, dout } = layers[k];
          const what = `layer ${k + 1}: reluBackward dx (called with layer ${k + 1}'s own cache)`;
          const dx = t.expectMatrix(
            await t.call("reluBackward", dout, caches[k]),
            what,
            [x.rows, x.cols],
          );
          t.expectGradient(what, dx, () => weighted(relu(x), dout), x);
        }
      },
    },
    sizedTest("a single example (1×H)", {
      sizes: (rng) => ({ H: rng.int(4, 9) }),
      min: { H: 1 },
      draw: (rng, { H }) => backwardInputs(rng, 1, H),
      validate: ({ x, dout }) => offKink(x) ?? upstreamProblem(dout),
      check: (t, { x, dout }) => checkBackward(t, x, dout),
    }),
    {
      name: "a taller input (N×H with N > H)",
      async run(t) {
        const h = t.rng.int(2, 4);
        const n = h + t.rng.int(3, 6);
        const { x, dout } = backwardInputs(t.rng, n, h);
        await checkBackward(t, x, dout);
      },
    },
  ]),
};
