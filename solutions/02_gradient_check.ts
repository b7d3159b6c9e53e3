/**
 * # Check your own gradients (solution)
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** The floor of the relative error's denominator. */
const FLOOR = 1e-8;

/** What {@linkcode gradientCheck} returns. */
export interface GradientCheckResult {
  /** The centered-difference gradient of `f` at `x`, the same shape as `x`. */
  numeric: Matrix;
  /** `relativeError(analytic, numeric)`. */
  relError: number;
}

/** The largest elementwise relative error between `a` and `b` (same shape). */
export function relativeError(a: Matrix, b: Matrix): number {
  let worst = 0;
  for (let i = 0; i < a.size; i++) {
    const ai = a.data[i], bi = b.data[i];
    const err = Math.abs(ai - bi) / Math.max(Math.abs(ai), Math.abs(bi), FLOOR);
    if (err > worst) worst = err;
  }
  return worst;
}

/** The centered difference of `f` along entry `i` of `x`, with `x` restored afterwards. */
function centered(f: (x: Matrix) => number, x: Matrix, i: number, h: number): number {
  const d = x.data;
  const old = d[i];
  d[i] = old + h;
  const plus = f(x);
  d[i] = old - h;
  const minus = f(x);
  d[i] = old;
  return (plus - minus) / (2 * h);
}

/** Compares `analytic` with the centered-difference gradient of `f` at `x`. */
export function gradientCheck(
  f: (x: Matrix) => number,
  x: Matrix,
  analytic: Matrix,
  h = 1e-5,
): GradientCheckResult {
  const numeric = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) numeric.data[i] = centered(f, x, i, h);
  return { numeric, relError: relativeError(analytic, numeric) };
}

/** The centered difference along entry `i` of `x` at every step of `steps`. */
export function stepSweep(
  f: (x: Matrix) => number,
  x: Matrix,
  i: number,
  steps: Float64Array,
): Float64Array {
  const out = new Float64Array(steps.length);
  for (let k = 0; k < steps.length; k++) out[k] = centered(f, x, i, steps[k]);
  return out;
}
