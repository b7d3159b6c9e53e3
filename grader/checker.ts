/**
 * The kit's reference numerical gradient checker: centered differences in float64, with a
 * guard that reports coordinates where the function has a kink.
 *
 * Both checks take the function as a closure `f: () => number` that reads its input `x` (a
 * `Float64Array`) in place. The checker writes perturbed values into `x`, calls `f`, and puts
 * the original values back: every `x[i]` is saved before it is touched and assigned back
 * afterwards, so `x` is bitwise unchanged when a check returns, even when `f` throws and even
 * for values where `x + h − h ≠ x` in floating point.
 *
 * **Step.** Coordinate `i` is perturbed by `h_i = cbrt(eps) · max(1, |x_i|)` (`eps` is
 * `Number.EPSILON`, `cbrt(eps) ≈ 6.06e-6`), the step that balances rounding (`≈ eps |f| / h`)
 * against truncation (`≈ |f'''| h² / 6`) when the function bends over a length of about
 * `max(1, |x|)`. The perturbed points `x_i + h_i` and `x_i − h_i` are rounded to float64, and
 * the slope is divided by their actual distance (`xp − xm`), not by `2h`, so the rounding of
 * the points costs nothing.
 *
 * **Kink guard.** The value at `x` itself (evaluated once) gives two one-sided slopes per
 * coordinate, `sR = (f(xp) − f(x)) / (xp − x)` and `sL = (f(x) − f(xm)) / (x − xm)`. For a
 * smooth function they differ by `|f''| h` (plus `O(h³)`); across a kink with a slope jump `Δ`
 * they differ by about `Δ`, however small `h` is. Three points cannot tell a jump from strong
 * curvature, so the guard bounds what a smooth function of the course can do. A coordinate is
 * reported as a kink when
 *
 * ```text
 * |sR − sL| > KINK_RELATIVE_JUMP · max(|sR|, |sL|) + KINK_CURVATURE · h + 4 · noise / h
 * ```
 *
 * with `KINK_RELATIVE_JUMP = 0.01`, `KINK_CURVATURE = 10` and `noise = NOISE_ULPS · eps · |f|`
 * (the rounding of the three values). So a smooth function is reported only where both
 * `|f''| > 0.01 |f'| / h` (it bends over less than 100 steps) and `|f''| > 10`. The course's
 * functions stay far inside: the softmax, log-sum-exp, the sigmoid and `exp` have
 * `|f''| ≤ |f'|` (ratio `h ≤ 6e-3` even at scores of 1000), `sin` and the regularizers have
 * `|f''| ≤ 2`, and the extremum of a smooth function (`f' = 0`) is covered by the second term.
 * A kink is reported when its jump exceeds 1% of the slope plus `10 h`: at unit scale
 * (`h = 6e-6`) every jump above `0.01 · slope + 6e-5`; at scale 1000 (`h = 6e-3`) every jump
 * above `0.01 · slope + 0.06`. ReLU and `|x|` at 0, a hinge whose margin is exactly met and
 * `max` at a tie are all reported; a kink smaller than that can go unnoticed, which is why the
 * kit's generators keep inputs away from kinks.
 *
 * **Refined guard** (option `refineKinks`, off by default: see there). Three points miss a kink
 * that sits just inside the ends of the step: at
 * `x + δ` with `δ` near `h`, the slopes differ by only `Δ (1 − δ / h)` (0.5% of the jump for a
 * kink 0.5% of the step inside `x + h`), while the centered difference is off by half of that,
 * far beyond the gradient tolerance. So when `|sR − sL|` exceeds what a smooth function's
 * fourth-order term allows (`REFINED_RELATIVE = 1e-6` of the slope, plus `KINK_CURVATURE · h³`
 * and `32 · noise / h`), `f` is evaluated at `x ± h/2` too: a smooth function's slope difference
 * is proportional to the step (`f'' h`, its `h²` terms cancel), so the full step's difference is
 * twice the half step's up to `f'''' h³ / 16`, and a coordinate where that proportion fails by
 * more than the same allowance is reported as a kink. It catches what the first test misses:
 * kinks within 1% of the step of `x ± h`, and jumps below 1% of the slope, down to about 1e-6 of
 * the slope (where the centered difference is off by less than the gradient tolerance). It costs
 * two more evaluations for the coordinates whose slopes differ that much (most coordinates of a
 * curved loss, none of a linear one). The centered value is still returned for a
 * kink; the grader skips it. A smooth function whose slopes differ by more than 1% bends so
 * fast at this step that its own truncation error, about `(jump / slope)² / 6 ≈ 1.7e-5`, is
 * over the gradient tolerance anyway: skipping it loses no comparison that could be trusted.
 *
 * **Accuracy**, measured over 50 seeds: the worst relative error on entries at least 1e-3 of
 * the largest, then the worst relative error as the grader computes it (absolute floor
 * `GRADIENT_TOLERANCE.atol = 1e-2`).
 *
 * | function                                          | relative      | graded        |
 * | ------------------------------------------------- | ------------- | ------------- |
 * | quadratic form, x up to 1 / up to 1000            | 5e-9 / 2e-8   | 3e-9 / 2e-8   |
 * | sum of exp, x in [−5, 5]                          | 1e-8          | 6e-8          |
 * | sum of exp, x in [690, 700]                       | 3e-6          | 3e-6          |
 * | log-sum-exp, scores ±1 / ±1000                    | 1e-9 / 5e-6   | 1e-9 / 5e-6   |
 * | product of sines                                  | 7e-10         | 1e-10         |
 * | x³ at x ≈ ±1e3                                    | 8e-11         | 8e-11         |
 * | x³ at x ≈ ±1e-6 (absolute error h² ≈ 4e-11)       | —             | 4e-9          |
 * | softmax cross-entropy, scores ±1 / ±1000          | 6e-9 / 6e-6   | 5e-9 / 5e-6   |
 * | two-layer network (`bench/`), small / medium      | 2e-7 / 2e-6   | 4e-9 / 2e-8   |
 *
 * The errors at scale 1000 are truncation: the step there is 6e-3 while `exp` and the softmax
 * bend over a length of 1, so the error is `h² / 6 ≈ 6e-6` (it grows like the square of the
 * scale: about 1e-5 at scores of 1300). On the course's own hidden tests (30 grading runs of
 * every solution) the largest error was 6.5e-6, at scores ≈ ±1000. These numbers set the
 * grader's `GRADIENT_TOLERANCE` (see `./compare.ts`).
 *
 * **Directional mode**: see {@linkcode directionalCheck}. Its raw error grows with `n` (all
 * coordinates move, so the loss's rounding no longer cancels): up to 2e-4 relative on the
 * 307 200 weights of the large benchmark, all of it within the rounding allowance; absolute
 * errors below 2e-9 on the small and medium sizes (relative up to 4e-5 only along a direction
 * nearly orthogonal to the gradient, where the atol floor applies).
 *
 * @example
 * ```ts
 * import { numericalGradient } from "./checker.ts";
 * const x = new Float64Array([1, 2]);
 * const { gradient } = numericalGradient(() => x[0] * x[0] + 3 * x[1], x);
 * // gradient ≈ [2, 3]
 * ```
 *
 * @module
 */

import { GRADIENT_TOLERANCE, relativeError } from "./compare.ts";

/** `cbrt(Number.EPSILON)`: the default relative step of the centered difference, about 6.06e-6. */
export const RELATIVE_STEP: number = Math.cbrt(Number.EPSILON);

/** Kink guard: the relative jump of the one-sided slopes that a smooth function stays below (see the module doc). */
export const KINK_RELATIVE_JUMP = 0.01;

/** Kink guard: the largest second derivative expected of a smooth function of the course (see the module doc). */
export const KINK_CURVATURE = 10;

/** Rounding allowance: a loss is taken to be evaluated within this many ulps of its size (times √n along a direction). */
export const NOISE_ULPS = 4;

/**
 * Whether the one-sided slopes at `x` disagree by more than `allowance` lets a smooth function's:
 * `fp`, `f0`, `fm` are the values at `x + dp`, `x`, `x − dm` (distances along one coordinate or one
 * direction), `noise` bounds the rounding error of each value.
 */
function slopesDisagree(
  fp: number,
  f0: number,
  fm: number,
  dp: number,
  dm: number,
  noise: number,
  allowance: (slope: number, h: number, noise: number) => number,
): boolean {
  const sR = (fp - f0) / dp;
  const sL = (f0 - fm) / dm;
  return Math.abs(sR - sL) > allowance(Math.max(Math.abs(sR), Math.abs(sL)), (dp + dm) / 2, noise);
}

/** What the kink test allows: a jump of 1% of the slope, a curvature, rounding. */
function kinkAllowance(slope: number, h: number, noise: number): number {
  return KINK_RELATIVE_JUMP * slope + KINK_CURVATURE * h + 4 * noise / h;
}

/** The kink test (see the module doc). */
function isKink(
  fp: number,
  f0: number,
  fm: number,
  dp: number,
  dm: number,
  noise: number,
): boolean {
  return slopesDisagree(fp, f0, fm, dp, dm, noise, kinkAllowance);
}

/** Refined kink guard: the part of the slope a smooth function's slope proportion may miss by (see the module doc). */
export const REFINED_RELATIVE = 1e-6;

/** What the refined test allows: rounding, a fourth derivative up to KINK_CURVATURE, 1e-6 of the slope. */
function refinedAllowance(slope: number, h: number, noise: number): number {
  return REFINED_RELATIVE * slope + KINK_CURVATURE * h * h * h + 32 * noise / h;
}

/**
 * Whether the one-sided slopes differ by more than the refined test allows, so that a kink near
 * the ends of the step could hide in the difference: the slopes at half the step are needed.
 */
function suspicious(
  fp: number,
  f0: number,
  fm: number,
  dp: number,
  dm: number,
  noise: number,
): boolean {
  return slopesDisagree(fp, f0, fm, dp, dm, noise, refinedAllowance);
}

/**
 * The refined kink test, with the values at half the step as well (`fph` at `x + dph`, `fmh` at
 * `x − dmh`). A smooth function's slope difference is proportional to the step (`f'' h`; its
 * `h²` terms cancel), so the difference at the full step is twice the one at half the step, up
 * to `f'''' h³ / 16`. A kink inside the step breaks the proportion: one between half the step and
 * the step by `Δ (1 − δ / h)` (the whole difference at the full step, none at half of it).
 */
function isKinkAtHalfStep(
  f0: number,
  full: { fp: number; fm: number; dp: number; dm: number },
  half: { fp: number; fm: number; dp: number; dm: number },
  noise: number,
): boolean {
  const sR = (full.fp - f0) / full.dp, sL = (f0 - full.fm) / full.dm;
  const sRh = (half.fp - f0) / half.dp, sLh = (f0 - half.fm) / half.dm;
  const h = (full.dp + full.dm) / 2, hh = (half.dp + half.dm) / 2;
  const residual = (sR - sL) - (sRh - sLh) * (h / hh);
  const slope = Math.max(Math.abs(sR), Math.abs(sL), Math.abs(sRh), Math.abs(sLh));
  return Math.abs(residual) > refinedAllowance(slope, h, noise);
}

/**
 * `f` with coordinate `i` of `x` set to `a`, then to `b`, into `out[0]` and `out[1]`; `x[i]` is
 * restored whatever `f` does (it may throw).
 */
function evaluateAt(
  f: () => number,
  x: Float64Array,
  i: number,
  a: number,
  b: number,
  out: Float64Array,
): void {
  const x0 = x[i];
  try {
    x[i] = a;
    out[0] = f();
    x[i] = b;
    out[1] = f();
  } finally {
    x[i] = x0;
  }
}

/** The largest magnitude of three values. */
function magnitude(a: number, b: number, c: number): number {
  return Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
}

/**
 * `relativeError(numerical, analytic, atol)` with `noise` taken off the difference first (never
 * below 0); NaN and infinities as in `relativeError`.
 */
function errorBeyondNoise(
  numerical: number,
  analytic: number,
  noise: number,
  atol: number,
): number {
  const e = relativeError(numerical, analytic, atol);
  const diff = Math.abs(numerical - analytic);
  if (e === 0 || !Number.isFinite(e) || !(diff < Infinity)) return e;
  return e * (Math.max(0, diff - noise) / diff);
}

/** Options of {@linkcode numericalGradient}. */
export interface NumericalGradientOptions {
  /** Relative step: coordinate `i` moves by `relativeStep · max(1, |x_i|)` (default {@linkcode RELATIVE_STEP}). */
  relativeStep?: number;
  /**
   * Also run the refined kink guard (see the module doc): two more evaluations for most
   * coordinates of a curved function, which sees kinks within 1% of the step from `x ± h`.
   * Off by default: the grader's inputs keep every kink far further away than the step (the
   * generators' margins), so there it would double the cost of a full check for nothing.
   */
  refineKinks?: boolean;
}

/** What {@linkcode numericalGradient} computed. */
export interface NumericalGradient {
  /** The centered-difference gradient, same length as `x`. */
  gradient: Float64Array;
  /** Coordinates where the one-sided slopes disagree as no smooth function's would: kinks. */
  kinks: number[];
  /** How many times `f` was called: `2n + 1` for `n` coordinates, and 2 more per coordinate refined. */
  evaluations: number;
  /** `f` at the unperturbed `x`. */
  value: number;
}

/**
 * The numerical gradient of `f` at `x` by centered differences, one coordinate at a time
 * (`2n + 1` calls of `f`), with kinks reported. `f` must read `x` in place; `x` is perturbed
 * during the call and is bitwise unchanged afterwards (also when `f` throws).
 *
 * @param f The function; it reads `x` (length n).
 * @param x The point (length n), changed during the call and restored.
 * @param options `relativeStep` (default {@linkcode RELATIVE_STEP}).
 *
 * @example
 * ```ts
 * const x = new Float64Array([0, 0.5]);
 * const r = numericalGradient(() => Math.max(0, x[0]) + Math.exp(x[1]), x);
 * // r.gradient ≈ [0.5, 1.6487], r.kinks = [0] (ReLU at 0), r.evaluations = 5
 * ```
 */
export function numericalGradient(
  f: () => number,
  x: Float64Array,
  options: NumericalGradientOptions = {},
): NumericalGradient {
  const n = x.length;
  const step = options.relativeStep ?? RELATIVE_STEP;
  const gradient = new Float64Array(n);
  const kinks: number[] = [];
  const value = f();
  let evaluations = 1;
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    const x0 = x[i];
    const h = step * Math.max(1, Math.abs(x0));
    const xp = x0 + h;
    const xm = x0 - h;
    evaluateAt(f, x, i, xp, xm, pair);
    evaluations += 2;
    const fp = pair[0], fm = pair[1];
    gradient[i] = (fp - fm) / (xp - xm);
    const noise = NOISE_ULPS * Number.EPSILON * magnitude(fp, value, fm);
    if (isKink(fp, value, fm, xp - x0, x0 - xm, noise)) kinks.push(i);
    else if (options.refineKinks && suspicious(fp, value, fm, xp - x0, x0 - xm, noise)) {
      const xph = x0 + h / 2;
      const xmh = x0 - h / 2;
      evaluateAt(f, x, i, xph, xmh, pair);
      evaluations += 2;
      const fph = pair[0], fmh = pair[1];
      const full = { fp, fm, dp: xp - x0, dm: x0 - xm };
      const half = { fp: fph, fm: fmh, dp: xph - x0, dm: x0 - xmh };
      const halfNoise = Math.max(noise, NOISE_ULPS * Number.EPSILON * magnitude(fph, value, fmh));
      if (isKinkAtHalfStep(value, full, half, halfNoise)) kinks.push(i);
    }
  }
  return { gradient, kinks, evaluations, value };
}

/** Entries of {@linkcode Gaussians}' table of standard normal numbers (a power of two). */
const TABLE_SIZE = 4096;

/**
 * Standard normal numbers for the random directions, on a private mulberry32 stream (32-bit
 * integer arithmetic, the same on every machine). A direction needs as many numbers as the input
 * has entries, so they are drawn from a fixed table of 4096 normal numbers (made once by
 * Marsaglia's polar method) with a random sign: one 32-bit draw gives two entries, where the polar
 * method needs two draws, a logarithm and a square root. The directions stay continuous enough:
 * two entries are equal with probability 1/8192, so a gradient error that cancels between two
 * coordinates goes unseen by all 8 directions with probability below 1e-31.
 */
class Gaussians {
  static #table: Float64Array | undefined;
  #state: number;

  constructor(seed: number) {
    // Scramble the seed so that neighbouring seeds start far apart.
    let z = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.#state = z ^ (z >>> 16);
  }

  /** 32 random bits, as an unsigned integer. */
  #next(): number {
    const s = (this.#state = (this.#state + 0x6d2b79f5) | 0);
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** The table, drawn by the polar method from a fixed seed the first time it is needed. */
  static #normals(): Float64Array {
    if (Gaussians.#table) return Gaussians.#table;
    const source = new Gaussians(0x5eed);
    const table = new Float64Array(TABLE_SIZE);
    for (let i = 0; i < TABLE_SIZE;) {
      const a = source.#next() / 2147483648 - 1;
      const b = source.#next() / 2147483648 - 1;
      const q = a * a + b * b;
      if (q >= 1 || q === 0) continue;
      const scale = Math.sqrt(-2 * Math.log(q) / q);
      table[i++] = a * scale;
      table[i++] = b * scale;
    }
    return Gaussians.#table = table;
  }

  /** Fills `u` with independent standard normal numbers and returns the sum of their squares. */
  fill(u: Float64Array): number {
    const table = Gaussians.#normals();
    const n = u.length;
    const mask = TABLE_SIZE - 1;
    let sumOfSquares = 0;
    let i = 0;
    // Bits 0–11 and 12–23 pick two entries, bits 24 and 25 their signs. The sign is a product
    // (1 − 2·bit), not a branch: a branch on a random bit is mispredicted half the time, which
    // made filling 4 times slower.
    for (; i + 1 < n; i += 2) {
      const r = this.#next();
      const a = table[r & mask] * (1 - ((r >>> 23) & 2));
      const b = table[(r >>> 12) & mask] * (1 - ((r >>> 24) & 2));
      u[i] = a;
      u[i + 1] = b;
      sumOfSquares += a * a + b * b;
    }
    if (i < n) {
      const r = this.#next();
      const a = table[r & mask] * (1 - ((r >>> 23) & 2));
      u[i] = a;
      sumOfSquares += a * a;
    }
    return sumOfSquares;
  }
}

/** Options of {@linkcode directionalCheck}. */
export interface DirectionalCheckOptions {
  /** How many random directions (a positive integer). */
  directions: number;
  /** Seed of the random directions: the same seed gives the same directions. */
  seed: number;
  /** Floor of the relative error's denominator (default `GRADIENT_TOLERANCE.atol`). */
  atol?: number;
  /** Relative step (default {@linkcode RELATIVE_STEP}); the step is `relativeStep · max(1, max_i |x_i|)`. */
  relativeStep?: number;
}

/** What {@linkcode directionalCheck} computed. */
export interface DirectionalCheck {
  /** Per direction: the centered-difference directional derivative of `f`. */
  numerical: Float64Array;
  /** Per direction: the analytic gradient's prediction, `u · analytic`. */
  analytic: Float64Array;
  /** Per direction: the rounding allowance on `numerical` (see {@linkcode directionalCheck}). */
  noise: Float64Array;
  /** The direction with the largest relative error (see {@linkcode directionalCheck}), and that error. */
  worst: { direction: number; relError: number };
  /** How many times `f` was called: `2k + 1` for `k` directions. */
  evaluations: number;
  /** Directions along which `f` has a kink at `x` (left out of `worst`). */
  kinks: number[];
}

/**
 * Checks an analytic gradient along `k` random directions: for each unit direction `u`
 * (Gaussian entries, normalized; drawn from `seed`) it compares the
 * centered difference `(f(x + h u) − f(x − h u)) / 2h` with `u · analytic`. Costs `2k + 1`
 * calls of `f` and `O(n)` work per direction, so it suits inputs too large for
 * {@linkcode numericalGradient}. `x` is saved once and copied back after each direction, so it
 * is bitwise unchanged afterwards (also when `f` throws).
 *
 * `x` may be several arrays (the parameters of a network, say) with one gradient each: they
 * are moved together, as one vector of all their entries, so the gradient with respect to all
 * of them is checked for the same `2k + 1` calls (one array is the same as a list of one).
 *
 * The step is `h = cbrt(eps) · max(1, max_i |x_i|)`. Moving every coordinate at once re-rounds
 * every term of the loss, so the loss's rounding error no longer cancels between `f(x + h u)`
 * and `f(x − h u)` as it does when one coordinate moves: it grows like `√n ulps`. Each
 * direction therefore gets a rounding allowance `noise = NOISE_ULPS · eps · √n · |f| / h`
 * (measured: errors below a sixth of it over 44 000 directions of the two-layer network at the
 * small and medium sizes, below a tenth at the large size), and its relative error is
 * the error beyond that allowance:
 *
 * ```text
 * relError = max(0, |numerical − analytic| − noise) / max(|numerical|, |analytic|, atol)
 * ```
 *
 * A direction along which the one-sided slopes show a kink (the test of
 * {@linkcode numericalGradient}) is listed in `kinks` and left out of `worst`; when every
 * direction is a kink, `worst` is `{ direction: 0, relError: 0 }`.
 *
 * @param f The function; it reads `x`.
 * @param x The point: one array, or several moved together; changed during the call and restored.
 * @param analytic The gradient to check: an array of the same length as each array of `x`.
 * @param options `directions` (k ≥ 1), `seed`, optionally `atol` and `relativeStep`.
 * @throws {RangeError} when `analytic` and `x` differ in arrays or lengths, or `directions` is
 * not a positive integer.
 *
 * @example
 * ```ts
 * const x = new Float64Array([1, 2, 3]);
 * const r = directionalCheck(() => x[0] * x[1] * x[2], x, new Float64Array([6, 3, 2]), {
 *   directions: 4,
 *   seed: 1,
 * });
 * // r.worst.relError ≈ 0, r.evaluations === 9
 * ```
 */
export function directionalCheck(
  f: () => number,
  x: Float64Array | readonly Float64Array[],
  analytic: Float64Array | readonly Float64Array[],
  options: DirectionalCheckOptions,
): DirectionalCheck {
  const xs = x instanceof Float64Array ? [x] : x;
  const gs = analytic instanceof Float64Array ? [analytic] : analytic;
  const k = options.directions;
  if (gs.length !== xs.length) {
    throw new RangeError(
      `directionalCheck: expected ${xs.length} gradient arrays (one per array of x), got ${gs.length}`,
    );
  }
  xs.forEach((xb, b) => {
    if (gs[b].length !== xb.length) {
      throw new RangeError(
        `directionalCheck: expected an analytic gradient of length ${xb.length} (the length of x` +
          `${xs.length > 1 ? `[${b}]` : ""}), got ${gs[b].length}`,
      );
    }
  });
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`directionalCheck: expected a positive integer of directions, got ${k}`);
  }
  const atol = options.atol ?? GRADIENT_TOLERANCE.atol;
  const gaussians = new Gaussians(options.seed);
  const saved = xs.map((xb) => Float64Array.from(xb));
  const us = xs.map((xb) => new Float64Array(xb.length));
  const numerical = new Float64Array(k);
  const predicted = new Float64Array(k);
  const noise = new Float64Array(k);
  const kinks: number[] = [];
  let n = 0;
  let largest = 0;
  for (const sb of saved) {
    n += sb.length;
    for (let i = 0; i < sb.length; i++) largest = Math.max(largest, Math.abs(sb[i]));
  }
  const h = (options.relativeStep ?? RELATIVE_STEP) * Math.max(1, largest);
  const roundingScale = NOISE_ULPS * Number.EPSILON * Math.sqrt(n);
  const worst = { direction: -1, relError: 0 };
  /** Sets every array of x to saved + step · u (from saved, so no restore is needed between). */
  const move = (step: number) => {
    for (let b = 0; b < xs.length; b++) {
      const xb = xs[b], sb = saved[b], u = us[b];
      for (let i = 0; i < xb.length; i++) xb[i] = sb[i] + step * u[i];
    }
  };
  const restore = () => {
    for (let b = 0; b < xs.length; b++) xs[b].set(saved[b]);
  };
  const value = f();
  let evaluations = 1;
  try {
    for (let d = 0; d < k; d++) {
      // u is left unnormalized: the unit direction is u · scale, folded into the step.
      let sumOfSquares = 0;
      for (const u of us) sumOfSquares += gaussians.fill(u);
      const scale = 1 / Math.sqrt(sumOfSquares);
      let dot = 0;
      for (let b = 0; b < us.length; b++) {
        const u = us[b], g = gs[b];
        for (let i = 0; i < u.length; i++) dot += u[i] * g[i];
      }
      predicted[d] = dot * scale;
      move(h * scale);
      const fp = f();
      evaluations++;
      move(-h * scale);
      const fm = f();
      evaluations++;
      const fNoise = roundingScale * magnitude(fp, value, fm);
      numerical[d] = (fp - fm) / (2 * h);
      noise[d] = fNoise / h;
      if (isKink(fp, value, fm, h, h, fNoise)) {
        kinks.push(d);
        continue;
      }
      const e = errorBeyondNoise(numerical[d], predicted[d], noise[d], atol);
      if (worst.direction < 0 || e > worst.relError) {
        worst.direction = d;
        worst.relError = e;
      }
    }
  } finally {
    restore();
  }
  if (worst.direction < 0) worst.direction = 0;
  return { numerical, analytic: predicted, noise, worst, evaluations, kinks };
}
