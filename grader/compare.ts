/**
 * Numerical comparison for the grader: a relative error with an absolute floor, an
 * element-by-element comparison of two arrays, and the kit's two default tolerances.
 *
 * The relative error of `got` against `expected` is
 *
 * ```text
 * |got − expected| / max(|got|, |expected|, atol)
 * ```
 *
 * and an element passes when it is at most `rtol`. For entries of magnitude `atol` and above
 * this is an ordinary relative error (symmetric in its two arguments, at most 2 for finite
 * values of either sign). Below `atol` the denominator is the floor, so entries near zero
 * compare absolutely: they pass when `|got − expected| ≤ rtol · atol`. The floor is what keeps
 * an entry that is mathematically zero, computed as `1e-17` by one formula and `0` by another,
 * from failing with a relative error of 1.
 *
 * @example
 * ```ts
 * import { compareArrays, relativeError, VALUE_TOLERANCE } from "./compare.ts";
 * relativeError(1.000001, 1, 1e-8); // ≈ 1e-6
 * relativeError(3e-12, 0, 1e-5); // 3e-7: near zero, |difference| / atol
 * const c = compareArrays([1, 2, 3], [1, 2, 3.5], VALUE_TOLERANCE);
 * c.ok; // false
 * c.worstIndex; // 2
 * ```
 *
 * @module
 */

/** Tolerances of {@linkcode compareArrays}: an element passes when its relative error is at most `rtol`. */
export interface Tolerances {
  /** Largest relative error accepted. */
  rtol: number;
  /** Floor of the relative error's denominator: entries below it compare absolutely, to `rtol · atol`. */
  atol: number;
}

/**
 * Default tolerance for values (losses, layer outputs, and analytic gradients compared with the
 * reference's analytic gradients): `rtol` 1e-10, `atol` 0.1, compared by
 * {@linkcode compareValues} (an array's entries relative to its largest entry).
 *
 * The kit requires float64. Two correct float64 computations of the same value differ by
 * rounding only: a few ulps relative for a well-conditioned result, and `eps` times the size of
 * the intermediates for a result that comes out of a cancellation (a loss of 1e-5 computed as
 * log(1 + 1e-5), a score difference at scores of 1000). A float32 computation is off by about
 * `2⁻²⁴ ≈ 6e-8` relative at its last rounding alone, and usually more.
 *
 * Measured over the course's hidden tests (100 seeds, every solution and eleven correct variants
 * written differently: loops or matrix operations, log-sum-exp or a max shift, sums in other
 * orders, 1/N on the scores' or the weights' gradient, a one-pass variance): the worst float64
 * error, as {@linkcode compareValues} measures it, is 3e-13 (most are below 1e-14); the float32
 * versions of five losses (`solutions/mistakes/<id>/float32.ts`) are off by 1e-8 to 1e-6. `rtol`
 * = 1e-10 sits about 300 times above the one and 100 times below the other; a float32 result
 * lands within it by chance about once in 500 comparisons, and an exercise makes several (each
 * float32 mistake failed on every one of 300 seeds).
 *
 * Entries below `atol = 0.1` compare absolutely, to `rtol · atol = 1e-11`: that covers a loss
 * near 0 computed through intermediates of size 1000 (float64 error about 1e-13) and still fails
 * a float32 loss of any size (its absolute error near 0 is about 6e-8 times its intermediates).
 * Measured: a single-example softmax loss of about 1e-5 differed between the reference and the
 * solution by 4e-11 relative (1e-16 absolute), which a floor of 1e-5 would have failed at this
 * `rtol`. The mistakes learners make are errors of 1e-3 and far more.
 */
export const VALUE_TOLERANCE: Readonly<Tolerances> = Object.freeze({ rtol: 1e-10, atol: 0.1 });

/**
 * Default tolerance of an analytic gradient against the reference numerical gradient of
 * `./checker.ts`: `rtol` 1e-5, `atol` 1e-2.
 *
 * The checker's centered difference with step `h = cbrt(eps) · max(1, |x|)` has two errors.
 *
 * Truncation, `|f'''| h² / 6`: relative to the slope, `(h / ℓ)² / 6` for a function that bends
 * over a length `ℓ`, which is `eps^(2/3) / 6 ≈ 6e-12` when `ℓ ≈ max(1, |x|)`. The course's worst
 * case is the softmax (and `exp`, the sigmoid): it bends over a length of 1 wherever its inputs
 * are, so at scores `s` the step is `6e-6 · |s|` and the error is at most `6.1e-12 · s²`
 * relative, deterministically: 6.1e-6 at |s| = 1000. Measured: at most 6.5e-6 on the course's
 * softmax tests at scores ≈ ±1000 (the largest gradient errors of a grading run, about 0.65 of
 * `rtol`), below 1e-7 elsewhere (see `checker.ts`). `rtol = 1e-5` accepts inputs up to about
 * ±1280 in scale; beyond that, pass a larger `rtol` or keep scores nearer 0. The mistakes
 * learners make are errors of 0.3 and more (a factor 2, a missing 1/N with N ≥ 2, a transposed
 * gradient, a forgotten term), tens of thousands of times `rtol`.
 *
 * Rounding, `≈ eps · |f| / h` absolute in every entry, whatever its size: the loss's last bits
 * differ between `f(x + h)` and `f(x − h)`. Measured: up to `0.4 · eps · |f| / h`, that is
 * 1.5e-8 on a loss of about 1100 (softmax with the correct class 1000 below the best score).
 * Entries below `atol = 1e-2` compare absolutely to `rtol · atol = 1e-7`, which leaves a factor
 * of 6 on that loss and covers losses up to a few thousand. (With `atol = 1e-3`, correct
 * learners failed that test on 2 seeds of 40; with 1e-2, on none of 100.) A small entry still
 * fails when it is wrong by more than 1e-7; `x³` at `x = 1e-6`, where the step exceeds `x`, is
 * off by `h² ≈ 4e-11` and passes.
 */
export const GRADIENT_TOLERANCE: Readonly<Tolerances> = Object.freeze({ rtol: 1e-5, atol: 1e-2 });

/**
 * The relative error of `got` against `expected` with an absolute floor:
 * `|got − expected| / max(|got|, |expected|, atol)`.
 *
 * Equal values (0 against 0 included) give 0. NaN on either side gives `Infinity`, and so does
 * an infinity on either side, unless both are the same infinity (then 0). The result is never
 * NaN, so `relativeError(...) <= rtol` is a safe test.
 *
 * @example
 * ```ts
 * relativeError(2, 1, 1e-8); // 0.5: a factor 2
 * relativeError(0, 0, 0); // 0
 * relativeError(NaN, 1, 1e-8); // Infinity
 * ```
 */
export function relativeError(got: number, expected: number, atol: number): number {
  if (got === expected) return 0; // also 0 vs −0 and the same infinity
  const diff = Math.abs(got - expected);
  if (!(diff < Infinity)) {
    // NaN or an infinity on either side, or two finite values whose difference overflows.
    if (!Number.isFinite(got) || !Number.isFinite(expected)) return Infinity;
    return Math.abs(got / 2 - expected / 2) / Math.max(Math.abs(got), Math.abs(expected)) * 2;
  }
  const denominator = Math.max(Math.abs(got), Math.abs(expected), atol);
  return diff / denominator;
}

/** What {@linkcode compareArrays} found. */
export interface Comparison {
  /** Whether every compared element has a relative error of at most `rtol`. */
  ok: boolean;
  /** Index of the element with the largest relative error (the first one on a tie); −1 when nothing was compared. */
  worstIndex: number;
  /** The largest relative error (0 when nothing was compared). */
  worstRelError: number;
  /** `expected[worstIndex]` (NaN when nothing was compared). */
  expected: number;
  /** `got[worstIndex]` (NaN when nothing was compared). */
  got: number;
  /** How many elements have a relative error above `rtol`. */
  failing: number;
}

/**
 * Compares `got` with `expected` element by element with {@linkcode relativeError} and reports
 * the worst element. Indices in `skip` (points where the reference has no derivative, say) are
 * not compared. Allocates nothing per element.
 *
 * @param got The values under test (length n).
 * @param expected The reference values (length n).
 * @param tol `rtol` and `atol`, see {@linkcode Tolerances}.
 * @param skip Indices in [0, n) that are not compared.
 * @throws {RangeError} when the lengths differ.
 *
 * @example
 * ```ts
 * const c = compareArrays([1, 2.5], [1, 2], { rtol: 1e-7, atol: 1e-5 });
 * // c.ok === false, c.worstIndex === 1, c.worstRelError === 0.2, c.failing === 1
 * ```
 */
export function compareArrays(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerances,
  skip?: Set<number>,
): Comparison {
  if (got.length !== expected.length) {
    throw new RangeError(
      `compareArrays: expected ${expected.length} values to compare, got ${got.length}`,
    );
  }
  const { rtol, atol } = tol;
  const skipping = skip !== undefined && skip.size > 0;
  let worstIndex = -1;
  let worstRelError = -1;
  let failing = 0;
  for (let i = 0; i < expected.length; i++) {
    if (skipping && skip.has(i)) continue;
    const e = relativeError(got[i], expected[i], atol);
    if (e > rtol) failing++;
    if (e > worstRelError) {
      worstRelError = e;
      worstIndex = i;
    }
  }
  if (worstIndex < 0) {
    return { ok: true, worstIndex: -1, worstRelError: 0, expected: NaN, got: NaN, failing: 0 };
  }
  return {
    ok: failing === 0,
    worstIndex,
    worstRelError,
    expected: expected[worstIndex],
    got: got[worstIndex],
    failing,
  };
}

/**
 * Compares values with a reference the way the grader judges values: like
 * {@linkcode compareArrays}, with the floor of every entry's denominator raised to the largest
 * magnitude among the expected values. An array is thus compared relative to its own scale: an
 * entry near 0 computed by cancellation among entries of size 1000 (rounding error about
 * `1e3 · eps`) is not held to `rtol` of its own tiny size, while a single value (a loss) is
 * compared relative to itself, down to `atol`.
 *
 * @example
 * ```ts
 * compareValues([1000, 1e-10], [1000, 0], { rtol: 1e-10, atol: 0.1 }).ok; // true: 1e-13 of 1000
 * compareArrays([1000, 1e-10], [1000, 0], { rtol: 1e-10, atol: 0.1 }).ok; // false: 1e-9 of 0.1
 * ```
 */
export function compareValues(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerances,
): Comparison {
  let largest = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.abs(expected[i]);
    if (e > largest) largest = e; // NaN is never larger
  }
  return compareArrays(got, expected, {
    rtol: tol.rtol,
    atol: Math.max(tol.atol, largest === Infinity ? 0 : largest),
  });
}

/** How closely `got / expected` must agree across elements to count as one constant factor. */
const FACTOR_AGREEMENT = 1e-4;

/**
 * The factor `r ≠ 1` with `got ≈ r · expected` on every compared element, when there is one:
 * the signature of a scale applied twice or not at all (a batch size, the 2 of a square, a
 * sign). Elements whose expected value is within `atol` of zero must be near zero too; at least
 * one expected value must be above `atol`. Returns `undefined` when there is no such factor.
 *
 * @example
 * ```ts
 * constantFactor([2, 4, 0], [1, 2, 0], 1e-5); // 2
 * constantFactor([2, 5], [1, 2], 1e-5); // undefined
 * ```
 */
export function constantFactor(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  atol: number,
  skip?: Set<number>,
): number | undefined {
  let r = NaN;
  for (let i = 0; i < expected.length; i++) {
    if (skip?.has(i) || !(Math.abs(expected[i]) > atol)) continue;
    r = got[i] / expected[i];
    break;
  }
  if (!Number.isFinite(r) || r === 0 || Math.abs(r - 1) < 1e-3) return undefined;
  for (let i = 0; i < expected.length; i++) {
    if (skip?.has(i)) continue;
    if (relativeError(got[i], r * expected[i], atol * Math.abs(r)) > FACTOR_AGREEMENT) {
      return undefined;
    }
  }
  return r;
}
