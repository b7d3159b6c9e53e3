/**
 * Small helpers shared by the hidden tests of the backprop exercises (02–05): the scalar a
 * backward with upstream gradient `dout` differentiates, a check that a learner's cache can be
 * handed back to the learner's backward, and a shape with different sides (and a sized test
 * drawn at such a shape).
 *
 * @module
 */

import { Matrix, type Rng } from "@gradkit/lib";
import type { CaseInputs, SizedTest, TestCase, TestContext } from "../spec.ts";
import { Opaque } from "../sandbox/wire.ts";
import { sizedTest } from "./_sized.ts";

/**
 * Σ m ⊙ dout: the scalar whose gradient a backward computes when it is handed the upstream
 * gradient `dout` (a forward output `m` of the same shape).
 */
export function weightedSum(m: Matrix, dout: Matrix): number {
  let s = 0;
  for (let i = 0; i < m.data.length; i++) s += m.data[i] * dout.data[i];
  return s;
}

/** A shape r×c with 2 ≤ r < 2 + spread and c = r + 1 or r + 2: never square. */
export function oblongShape(rng: Rng, spread = 4): [number, number] {
  const r = rng.int(2, 2 + spread);
  return [r, r + rng.int(1, 3)];
}

/**
 * A test on inputs of one r×c shape drawn by {@linkcode oblongShape} (first, from the test's
 * generator), as a function of R and C so that a failure can be shrunk. The gates work entry
 * by entry, so any R ≥ 1 will do; R ≠ C at every size, so that a transposed result shows.
 *
 * @example
 * ```ts
 * const test = oblongTest("reluForward values", {
 *   draw: (rng, { R, C }) => ({ x: randomMatrix(rng, R, C) }),
 *   async check(t, { x }) {},
 * });
 * ```
 */
export function oblongTest<I extends CaseInputs>(
  name: string,
  o: Pick<SizedTest<I>, "draw" | "validate" | "check">,
): TestCase {
  return sizedTest(name, {
    sizes(rng) {
      const [R, C] = oblongShape(rng);
      return { R, C };
    },
    min: { R: 1, C: 1 },
    distinct: [["R", "C"]],
    ...o,
  });
}

function unportable(value: unknown, path: string, depth: number): string | undefined {
  if (value instanceof Opaque) return `${path} is ${value.description}`;
  if (depth > 8 || value === null || typeof value !== "object" || value instanceof Matrix) {
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = unportable(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Fails the test when the cache returned by the learner's forward `fn` holds something that
 * cannot cross back to the sandbox (a function, a class instance other than Matrix).
 */
export function expectPortableCache(t: TestContext, cache: unknown, fn: string): void {
  const bad = unportable(cache, "cache", 0);
  t.expect(
    bad === undefined,
    `${fn}: ${bad}; the cache must hold only matrices, numbers and plain objects`,
  );
}
