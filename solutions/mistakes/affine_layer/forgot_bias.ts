/**
 * Forgot the bias in the forward pass: out = X·W.
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

/** The forward pass without `+ b`. */
export function affineForward(
  X: Matrix,
  W: Matrix,
  _b: Matrix,
): { out: Matrix; cache: AffineCache } {
  return { out: X.matmul(W), cache: { X, W } };
}
