/**
 * # Exercise 05: gradients add up at a fork
 *
 * In a real circuit one value often feeds several gates. Here is a small one in which x is
 * used twice (everything element-wise, on matrices of one shape r×c):
 *
 *     a   = x + y          (add gate)
 *     m   = x ⊙ z          (multiply gate)
 *     out = a ⊙ m          (multiply gate)
 *
 *     x ──┬──► [+] ── a ──┐
 *     y ──┼──►            ├──► [⊙] ── out
 *         └──► [⊙] ── m ──┘
 *     z ──────►
 *
 * Nudging x moves out along two paths at once: through a and through m. This exercise is
 * about what that means for the gradient of x: work out how the effects that come back along
 * the two paths combine (try it on the worked example below: nudge x alone from 2 to 2.001,
 * recompute a, m and out, and compare with what each path alone would give).
 *
 * ## Use your own gates
 *
 * This file imports `addBackward` and `multiplyBackward` from your `03_gates.ts` and exports
 * them again (keep those two lines): backpropagating through a circuit is nothing more than
 * calling the gates' backwards in reverse order, from `out` back to the inputs, each fed the
 * gradient of its own output. Then deal with x, which two gates handed a gradient.
 *
 * The grader walks the circuit backwards with your own gate functions and checks each gate's
 * result before checking `forkBackward`, so exercise 03 must be done first.
 *
 * Conventions: the forward caches what the backward needs (a plain object of matrices, handed
 * back to your backward unchanged; `{ x, z, a, m }` is enough); no function modifies its
 * arguments or the cache; calling the backward twice gives the same gradients (nothing
 * accumulates between calls: whatever adding up the fork needs happens inside one backward).
 *
 * @example Scalars as 1×1 matrices: x = 2, y = 1, z = 3
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { forkBackward, forkForward } from "./05_fork.ts";
 * const one = (v: number) => Matrix.from([[v]]);
 * const { out, cache } = forkForward(one(2), one(1), one(3)); // a = 3, m = 6, out = 18
 * const { dx, dy, dz } = forkBackward(one(1), cache); // three 1×1 matrices
 * ```
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-10 relative (an array relative to its largest entry), which a float32
 * computation (`Float32Array`, `Math.fround`) misses by a factor of 100 or more.
 *
 * Return new matrices: nothing you return may share memory with an argument, with another
 * returned matrix or with what an earlier call returned, except inside a forward's `cache`
 * (which may hold the forward's own inputs; the grader checks).
 *
 * @module
 */

// deno-lint-ignore-file no-unused-vars
import { Matrix, todo } from "@gradkit/lib";
import { addBackward, multiplyBackward } from "./03_gates.ts";

export { addBackward, multiplyBackward };

/** What {@linkcode forkForward} keeps for {@linkcode forkBackward}: your choice of fields. */
export type ForkCache = Record<string, unknown>;

/**
 * Forward pass of the circuit: a = x + y, m = x ⊙ z, out = a ⊙ m (all element-wise).
 *
 * @param x input used twice, r×c.
 * @param y input of the add gate, r×c.
 * @param z second input of the first multiply gate, r×c.
 * @returns `{ out, cache }`: out is r×c; cache a plain object for the backward.
 */
export function forkForward(x: Matrix, y: Matrix, z: Matrix): { out: Matrix; cache: ForkCache } {
  return todo("forkForward");
}

/**
 * Backward pass of the circuit, walking your gates in reverse order, from `out` back to x, y
 * and z; x is reached along two paths.
 *
 * @param dout upstream gradient with respect to out, r×c.
 * @param cache what {@linkcode forkForward} returned with the output.
 * @returns `{ dx, dy, dz }`, each r×c.
 */
export function forkBackward(
  dout: Matrix,
  cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  return todo("forkBackward");
}
