/**
 * # Exercise 03: backward through single gates (solution)
 *
 * Element-wise add, multiply, max and sigmoid gates on r×c matrices: local derivative times
 * upstream gradient. Inputs are never modified; every result is a new matrix.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** Gradients of a two-input gate: same shape as the inputs. */
export interface GateGradients {
  /** Gradient with respect to the first input x. */
  dx: Matrix;
  /** Gradient with respect to the second input y. */
  dy: Matrix;
}

/** Add gate: both inputs receive the upstream gradient (as copies). */
export function addBackward(dout: Matrix): GateGradients {
  return { dx: dout.clone(), dy: dout.clone() };
}

/** Multiply gate: each input receives the upstream gradient times the other input. */
export function multiplyBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  return { dx: y.mul(dout), dy: x.mul(dout) };
}

/** Max gate: the upstream gradient goes to the larger input, entry by entry. */
export function maxBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  const dx = dout.map((g, i, j) => (x.get(i, j) > y.get(i, j) ? g : 0));
  const dy = dout.map((g, i, j) => (x.get(i, j) > y.get(i, j) ? 0 : g));
  return { dx, dy };
}

/** σ(x), computed so that the exponential never overflows. */
export function sigmoidForward(x: Matrix): Matrix {
  return x.map((v) => {
    if (v >= 0) return 1 / (1 + Math.exp(-v));
    const e = Math.exp(v);
    return e / (1 + e);
  });
}

/** dx = out ⊙ (1 − out) ⊙ dout, from the forward's output. */
export function sigmoidBackward(out: Matrix, dout: Matrix): Matrix {
  return out.map((s, i, j) => s * (1 - s) * dout.get(i, j));
}
