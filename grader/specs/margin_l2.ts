/**
 * Hidden tests of margin_l2. TODO: say what the tests choose and why (see docs/INSTRUCTORS.md, "What
 * the hidden tests do"): shapes pairwise different, random upstream gradients, no kinks, values
 * and gradients in tests of their own.
 *
 * @module
 */

import { type Matrix, randomMatrix } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";

/** The reference loss. It reads `x.data` when called: the checker moves x in place. */
function reference(x: Matrix): number {
  let total = 0;
  for (const v of x.data) total += v * v;
  return total;
}

/** Calls the learner and returns the checked loss and gradient. */
async function call(t: TestContext, x: Matrix): Promise<{ loss: number; dX: Matrix }> {
  const out = t.expectObject(await t.call("marginL2", x), "marginL2(x)", ["loss", "dX"]);
  const loss = t.expectNumber(out.loss, "loss");
  const dX = t.expectMatrix(out.dX, "dX", [x.rows, x.cols]);
  return { loss, dX };
}

// TODO: three hint tiers, each more telling: the idea or rule to apply (no formula), the local
// gradient or a worked tiny case, the formula. Add the formula's fragments to FORMULAS in
// grader/hints_test.ts: the test keeps them out of the stub and out of tiers 1 and 2.
const HINTS: [string, string, string] = [
  "Write the loss for one entry first, then ask which terms of the sum contain x[i,j].",
  "Only x[i,j]² contains x[i,j]: nudge it from 3 to 3.001 and the loss grows by about 0.006.",
  "dX = 2x, entry by entry: x.mul(2).",
];

export const spec: ExerciseSpec = {
  id: "margin_l2",
  exports: ["marginL2"],
  hint: HINTS[0],
  hints: HINTS,
  tests: [
    {
      name: "loss value on a batch with N ≠ D",
      async run(t) {
        const x = randomMatrix(t.rng, 5, 3);
        const { loss } = await call(t, x);
        t.expectClose("loss (N = 5, D = 3)", loss, reference(x));
      },
    },
    {
      name: "dX on a batch with N ≠ D",
      async run(t) {
        const x = randomMatrix(t.rng, 4, 6);
        const { dX } = await call(t, x);
        t.expectGradient("dX (N = 4, D = 6)", dX, () => reference(x), x);
      },
    },
    {
      name: "a batch of one: value and dX",
      async run(t) {
        const x = randomMatrix(t.rng, 1, 5);
        const { loss, dX } = await call(t, x);
        t.expectClose("loss (N = 1, D = 5)", loss, reference(x));
        t.expectGradient("dX (N = 1, D = 5)", dX, () => reference(x), x);
      },
    },
    {
      name: "several random shapes: value and dX",
      async run(t) {
        for (let k = 0; k < 3; k++) {
          const x = randomMatrix(t.rng, t.rng.int(2, 9), t.rng.int(1, 7), { scale: 3 });
          const { loss, dX } = await call(t, x);
          const shape = `N = ${x.rows}, D = ${x.cols}`;
          t.expectClose(`loss (${shape})`, loss, reference(x));
          t.expectGradient(`dX (${shape})`, dX, () => reference(x), x);
        }
      },
    },
  ],
};
