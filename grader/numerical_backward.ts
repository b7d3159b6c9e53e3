/**
 * Tells a derived gradient from one computed by numerical differentiation.
 *
 * A learner's gradient that passed the grader's check can still be a finite difference of the
 * learner's own forward (`(f(x + h) − f(x − h)) / 2h`, or one-sided): it lands within the
 * gradient tolerance (1e-5) and skips the derivation the exercise asks for. The two are told
 * apart by accuracy. A derived gradient is exact up to float64 rounding, a few ulps of its
 * intermediates; a finite difference carries its truncation error (`h² f'''`, or `h f''`
 * one-sided) and its rounding error (`eps |f| / h`), whose sum is at least about `eps^(2/3)`
 * relative (`eps^(1/2)` one-sided) for a curved function, and at least the rounding of the
 * perturbed points (`ulp(x) / h`) for a linear one, 1e-13 and more for `h ≤ 1e-3`.
 *
 * So a few coordinates (those where the learner's gradient is largest) are differentiated again,
 * more accurately than any finite difference a learner writes: Ridders' method (centered
 * differences at steps shrinking from a tenth of the coordinate's scale, extrapolated to step 0
 * in a Richardson tableau, which also estimates its own error). Large steps leave the rounding
 * small, and the extrapolation removes the truncation. A coordinate counts only when that
 * estimate is trusted: its error estimate is small against the gradient's scale, and a second
 * tableau started ten times smaller agrees (a kink crossed by the large steps makes them
 * disagree, and the coordinate is left out). The gradient is flagged when, on two trusted
 * coordinates (or one, by a thousand times), the learner's deviation from the accurate value is
 * above both the estimate's error and the rounding a derived gradient shows (a floor, and the
 * loss's own rounding noise measured along the coordinate). The thresholds and the margins measured with them are in `docs/DESIGN.md`
 * ("A backward computed numerically").
 *
 * @example
 * ```ts
 * import { numericalBackwardEvidence } from "./numerical_backward.ts";
 * const x = new Float64Array([0.3, -1.2, 2.5]);
 * const f = () => x[0] * x[0] + Math.sin(x[1]) * x[2];
 * const derived = new Float64Array([0.6, Math.cos(-1.2) * 2.5, Math.sin(-1.2)]);
 * numericalBackwardEvidence(f, [x], [derived]).numerical; // false
 * ```
 *
 * @module
 */

import { GRADIENT_TOLERANCE } from "./compare.ts";

/** How many coordinates are differentiated again, at most (those with the largest gradient). */
export const EVIDENCE_COORDINATES = 6;

/**
 * The first step of the tableau, relative to the coordinate's scale (`max(|x_i|, mean |x|)`):
 * large, so that the rounding of `f` weighs little; the tableau shrinks it while it disagrees.
 */
export const FIRST_RELATIVE_STEP = 0.1;

/** The second tableau starts at the first step divided by this (see {@linkcode numericalBackwardEvidence}). */
export const SECOND_START = 10;

/** The factor the step shrinks by from one level of the tableau to the next. */
export const STEP_RATIO = 1.6;

/** Levels of the tableau (steps from the first down to `1 / STEP_RATIO^(LEVELS − 1)` of it). */
export const LEVELS = 9;

/**
 * A coordinate's accurate value is trusted when its error estimate is at most this, relative to
 * the gradient's scale (its largest entry).
 */
export const TRUSTED_ERROR = 5e-13;

/**
 * The deviation a derived gradient may show, relative to the gradient's scale: float64 rounding
 * of its intermediates. A learner's deviation above it (and above
 * {@linkcode ERROR_MULTIPLE} times the estimate's error) is finite-difference level.
 */
export const DERIVED_DEVIATION = 3e-13;

/**
 * One coordinate alone flags a gradient when its deviation exceeds the allowance this many times
 * (two coordinates over the allowance flag it in any case): a derived gradient's rounding can
 * make one coordinate stand out (a sum of terms that cancel), by far less than this.
 */
export const SINGLE_MULTIPLE = 1000;

/**
 * Entries below this fraction of the scale are not used: a gradient entry that is zero up to
 * rounding (a weight whose every path is cut) says nothing of how the rest was computed.
 */
export const SMALLEST_ENTRY = 1e-3;

/** A deviation above this (relative to the scale) is not a passed finite difference: ignored. */
export const BEYOND_CHECK = 1e-3;

/** The learner's deviation must exceed this many times the accurate value's own error estimate. */
export const ERROR_MULTIPLE = 10;

/**
 * The deviation allowed for the rounding of the loss itself: `NOISE_MULTIPLE · noise / reach`,
 * where `noise` is the scatter of `f` measured at a few points ulps apart along the coordinate
 * and `reach` the coordinate's scale. A derived gradient is built from the same intermediates as
 * the loss, so a loss rounded coarsely (scores near 1000: intermediates of size 1000) makes it
 * coarse too; a finite difference with step `h` carries `noise / h`, far more for `h ≪ reach`.
 */
export const NOISE_MULTIPLE = 300;

/** The spacing of the points the rounding scatter is measured at, relative to the coordinate's scale. */
export const NOISE_STEP = 1e-9;

/** What {@linkcode numericalBackwardEvidence} found. */
export interface NumericalBackwardEvidence {
  /** Whether the gradient looks computed by numerical differentiation. */
  numerical: boolean;
  /**
   * The gradient's scale: its largest entry in absolute value, at least the gradient check's
   * absolute floor (`GRADIENT_TOLERANCE.atol`, 0.01): a gradient far smaller than that (a loss
   * of 1e-10) is compared absolutely, as the check compares it.
   */
  scale: number;
  /** How many coordinates were differentiated again. */
  coordinates: number;
  /** How many of them had a trusted accurate value. */
  trusted: number;
  /** The largest deviation of the learner's gradient from a trusted accurate value, over `scale`. */
  deviation: number;
  /** The accurate values' largest error estimate (trusted coordinates), over `scale`. */
  referenceError: number;
  /** The loss at `x`. */
  value: number;
}

/** Options of {@linkcode numericalBackwardEvidence}. */
export interface EvidenceOptions {
  /** How many coordinates to differentiate again (default {@linkcode EVIDENCE_COORDINATES}). */
  coordinates?: number;
  /** Coordinates never to use, per array (the kinks the gradient check left out). */
  skip?: readonly (ReadonlySet<number> | undefined)[];
  /**
   * A floor of the gradient's scale: the largest entry of the gradients returned with it (a
   * derived bias gradient summed over rows that cancel is rounded on the scale of its terms).
   */
  scale?: number;
}

/** A listener that sees every piece of evidence gathered (for measurements; see `docs/DESIGN.md`). */
export type EvidenceListener = (evidence: NumericalBackwardEvidence, what: string) => void;

let listener: EvidenceListener | undefined;

/**
 * Sets (or, with `undefined`, removes) the listener that sees every piece of evidence the
 * grader gathers: a measurement of the margins uses it. Grading does not need it.
 */
export function observeEvidence(l: EvidenceListener | undefined): void {
  listener = l;
}

/** Passes `evidence` of the gradient `what` to the listener, if one is set. */
export function reportEvidence(evidence: NumericalBackwardEvidence, what: string): void {
  listener?.(evidence, what);
}

/** Ridders' estimate of `df/dx[j]` and its error estimate; `x` is restored bitwise. */
export function accurateSlope(
  f: () => number,
  x: Float64Array,
  j: number,
  firstStep: number,
): { slope: number; error: number } {
  const x0 = x[j];
  const centered = (h: number): number => {
    x[j] = x0 + h;
    const xp = x[j];
    const fp = f();
    x[j] = x0 - h;
    const xm = x[j];
    const fm = f();
    return (fp - fm) / (xp - xm);
  };
  const r2 = STEP_RATIO * STEP_RATIO;
  let best = { slope: NaN, error: Infinity };
  try {
    let previous: number[] = [centered(firstStep)];
    let h = firstStep;
    for (let level = 1; level < LEVELS; level++) {
      h /= STEP_RATIO;
      const row: number[] = [centered(h)];
      let factor = r2;
      for (let k = 1; k <= level; k++) {
        row[k] = (row[k - 1] * factor - previous[k - 1]) / (factor - 1);
        factor *= r2;
        const e = Math.max(Math.abs(row[k] - row[k - 1]), Math.abs(row[k] - previous[k - 1]));
        if (e <= best.error) best = { slope: row[k], error: e };
      }
      // A higher order that got worse than the best so far: rounding has taken over.
      if (Math.abs(row[level] - previous[level - 1]) >= 2 * best.error) break;
      previous = row;
    }
  } finally {
    x[j] = x0;
  }
  return Number.isFinite(best.slope) ? best : { slope: NaN, error: Infinity };
}

/**
 * Whether the learner's gradients `got` (one per array of `x`) look computed by numerical
 * differentiation of a forward: see the module doc. `f` reads the arrays of `x` in place; they
 * are perturbed during the call and restored bitwise. Costs about `2 · LEVELS` calls of `f` per
 * coordinate, for at most {@linkcode EVIDENCE_COORDINATES} coordinates.
 *
 * @throws {RangeError} when `got` and `x` differ in arrays or lengths.
 */
export function numericalBackwardEvidence(
  f: () => number,
  x: readonly Float64Array[],
  got: readonly Float64Array[],
  options: EvidenceOptions = {},
): NumericalBackwardEvidence {
  if (got.length !== x.length || got.some((g, b) => g.length !== x[b].length)) {
    throw new RangeError(
      `numericalBackwardEvidence: expected one gradient per array of x, of its length; got ` +
        `${got.map((g) => g.length).join(", ")} for ${x.map((a) => a.length).join(", ")}`,
    );
  }
  let scale = Math.max(GRADIENT_TOLERANCE.atol, options.scale ?? 0);
  for (const g of got) for (let i = 0; i < g.length; i++) scale = Math.max(scale, Math.abs(g[i]));
  const chosen = largestEntries(
    got,
    options.coordinates ?? EVIDENCE_COORDINATES,
    SMALLEST_ENTRY * scale,
    options.skip,
  );
  let trusted = 0;
  let deviation = 0;
  let referenceError = 0;
  let over = 0;
  let glaring = false;
  const value = f();
  for (const [b, j] of chosen) {
    const xb = x[b];
    let meanAbs = 0;
    for (let i = 0; i < xb.length; i++) meanAbs += Math.abs(xb[i]);
    meanAbs /= xb.length;
    const reach = Math.max(Math.abs(xb[j]), meanAbs, 1e-3);
    const firstStep = FIRST_RELATIVE_STEP * reach;
    const a = accurateSlope(f, xb, j, firstStep);
    if (!(a.error <= TRUSTED_ERROR * scale)) continue;
    // A second tableau from a smaller first step must agree: a kink crossed by the large steps
    // alone can leave the first one consistent with itself and wrong.
    const b2 = accurateSlope(f, xb, j, firstStep / SECOND_START);
    const error = Math.max(a.error, b2.error, Math.abs(a.slope - b2.slope));
    if (!(error <= TRUSTED_ERROR * scale)) continue;
    const slope = a.error <= b2.error ? a.slope : b2.slope;
    const noise = roundingNoise(f, xb, j, value, reach);
    const allowance = Math.max(
      DERIVED_DEVIATION * scale,
      ERROR_MULTIPLE * error,
      NOISE_MULTIPLE * noise / reach,
    );
    trusted++;
    const d = Math.abs(got[b][j] - slope);
    // Far off: not a finite difference that passed the check, but a coordinate it did not judge
    // (a kink the directional check cannot name, a looser tolerance): no evidence either way.
    if (d > BEYOND_CHECK * scale) continue;
    deviation = Math.max(deviation, d / scale);
    referenceError = Math.max(referenceError, error / scale);
    if (d > allowance) over++;
    if (d > SINGLE_MULTIPLE * allowance) glaring = true;
  }
  // Every coordinate of a finite difference is off; a derived gradient's rounding can make one
  // coordinate stand out (a sum that cancels), rarely two.
  const numerical = over >= 2 || glaring;
  return {
    numerical,
    scale,
    coordinates: chosen.length,
    trusted,
    deviation,
    referenceError,
    value,
  };
}

/**
 * The rounding scatter of `f` along coordinate `j`: `f` at `x_j + k·u` for `k = −2 … 2`, with `u`
 * a few ulps of `x_j`, less the straight line through the two outer values (the function's own
 * change over so short a distance is linear to far below rounding). `x` is restored bitwise.
 */
export function roundingNoise(
  f: () => number,
  x: Float64Array,
  j: number,
  value: number,
  reach: number,
): number {
  const x0 = x[j];
  const u = NOISE_STEP * reach;
  const at: number[] = [];
  try {
    for (const k of [-2, -1, 1, 2]) {
      x[j] = x0 + k * u;
      at.push(f());
    }
  } finally {
    x[j] = x0;
  }
  const [m2, m1, p1, p2] = at;
  const slope = (p2 - m2) / 4;
  return Math.max(
    Math.abs(m1 - (value - slope)),
    Math.abs(value - (m2 + p2) / 2),
    Math.abs(p1 - (value + slope)),
    Number.EPSILON * Math.abs(value),
  );
}

/**
 * The entries of largest magnitude, as `[array, index]`: at least two of each array (when it has
 * them), and the largest of all arrays up to `k` in all; none below `smallest`.
 */
function largestEntries(
  arrays: readonly Float64Array[],
  k: number,
  smallest: number,
  skip: readonly (ReadonlySet<number> | undefined)[] = [],
): [number, number][] {
  const ranked = arrays.map((a, b) => {
    const all: [number, number, number][] = [];
    for (let i = 0; i < a.length; i++) {
      if (Math.abs(a[i]) >= smallest && !skip[b]?.has(i)) all.push([b, i, Math.abs(a[i])]);
    }
    return all.sort((p, q) => q[2] - p[2] || p[1] - q[1]);
  });
  const chosen = ranked.flatMap((r) => r.slice(0, 2));
  const rest = ranked.flatMap((r) => r.slice(2)).sort((p, q) => q[2] - p[2] || p[0] - q[0]);
  chosen.push(...rest.slice(0, Math.max(0, k - chosen.length)));
  return chosen.map(([b, i]) => [b, i]);
}
