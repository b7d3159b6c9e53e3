/**
 * Hidden tests written as functions of their sizes (see `SizedTest` in `spec.ts`): the grader
 * can shrink such a test's failure to the smallest sizes that still fail, and replay it.
 *
 * @module
 */

import type { CaseInputs, SizedTest, Sizes, TestCase } from "../spec.ts";

/**
 * A test named `name` that draws its inputs at its sizes and checks them: as a hidden test it
 * runs `check(t, draw(t.rng, sizes), sizes)`.
 *
 * @example
 * ```ts
 * const test = sizedTest("dPred (N ≠ K)", {
 *   sizes: { N: 6, K: 4 },
 *   min: { N: 2, K: 1 },
 *   distinct: [["N", "K"]],
 *   draw: (rng, s) => ({ pred: randomMatrix(rng, s.N, s.K) }),
 *   async check(t, { pred }) {},
 * });
 * ```
 */
export function sizedTest<I extends CaseInputs>(name: string, sized: SizedTest<I>): TestCase {
  return {
    name,
    run(t) {
      const sizes = sizesOf(sized, t.rng);
      return sized.check(t, sized.draw(t.rng, sizes), sizes);
    },
    sized: sized as unknown as SizedTest,
  };
}

/** A sized test's sizes as it runs: given, or drawn from `rng` (which it then advances). */
export function sizesOf(
  sized: Pick<SizedTest, "sizes">,
  rng: Parameters<SizedTest["draw"]>[0],
): Sizes {
  return typeof sized.sizes === "function" ? sized.sizes(rng) : { ...sized.sizes };
}
