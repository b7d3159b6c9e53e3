/**
 * # The sigmoid through atomic gates (solution)
 *
 * −x, eˣ, 1 + x and 1/x with local derivatives −1, eˣ, 1 and −1/x², chained in reverse; the
 * fused gate's derivative is out·(1 − out).
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode sigmoidStagedForward} keeps for its backward: your choice of matrices. */
export type StagedCache = Record<string, unknown>;

/** −x. */
export function negateForward(x: Matrix): Matrix {
  return x.neg();
}

/** Backward of −x: the local derivative is −1. */
export function negateBackward(_x: Matrix, dout: Matrix): Matrix {
  return dout.neg();
}

/** eˣ. */
export function expForward(x: Matrix): Matrix {
  return x.exp();
}

/** Backward of eˣ: the local derivative is eˣ, at the gate's input. */
export function expBackward(x: Matrix, dout: Matrix): Matrix {
  return x.exp().mul(dout);
}

/** 1 + x. */
export function addOneForward(x: Matrix): Matrix {
  return x.add(1);
}

/** Backward of 1 + x: the local derivative is 1 (a new matrix, not `dout` itself). */
export function addOneBackward(_x: Matrix, dout: Matrix): Matrix {
  return dout.clone();
}

/** 1 / x. */
export function reciprocalForward(x: Matrix): Matrix {
  return x.map((v) => 1 / v);
}

/** Backward of 1 / x: the local derivative is −1/x². */
export function reciprocalBackward(x: Matrix, dout: Matrix): Matrix {
  return dout.div(x.square()).neg();
}

/**
 * σ(x) through the four atomic gates, caching what enters each.
 *
 * @example
 * ```ts
 * sigmoidStagedForward(Matrix.from([[0]])).out; // [[0.5]]
 * ```
 */
export function sigmoidStagedForward(x: Matrix): { out: Matrix; cache: StagedCache } {
  const a = negateForward(x);
  const b = expForward(a);
  const c = addOneForward(b);
  return { out: reciprocalForward(c), cache: { x, a, b, c } };
}

/** Back through the reciprocal, add-one, exp and negate gates, in that order. */
export function sigmoidStagedBackward(dout: Matrix, cache: StagedCache): Matrix {
  const { x, a, b, c } = cache as Record<string, Matrix>;
  const dc = reciprocalBackward(c, dout);
  const db = addOneBackward(b, dc);
  const da = expBackward(a, db);
  return negateBackward(x, da);
}

/** σ(x) = 1 / (1 + e⁻ˣ): e⁻ˣ = Infinity at x < −709 gives 1 / Infinity = 0, not NaN. */
export function sigmoidFusedForward(x: Matrix): Matrix {
  return x.map((v) => 1 / (1 + Math.exp(-v)));
}

/** The fused backward: out·(1 − out)·dout. */
export function sigmoidFusedBackward(out: Matrix, dout: Matrix): Matrix {
  return out.map((o) => o * (1 - o)).mul(dout);
}
