/**
 * Correct, written differently: the sigmoid cut into two gates of the learner's choice (u = 1 +
 * e⁻ˣ as one gate, then the reciprocal), each local derivative written with what the forward
 * produced (the reciprocal's from its output, out², the first gate's from e⁻ˣ = u − 1); loops
 * over the entries; a fused forward that branches on the sign (eˣ / (1 + eˣ) for x < 0) and a
 * fused backward written as out − out².
 *
 * @module
 */
export * from "../../07_sigmoid_gates.ts";
import { Matrix } from "@gradkit/lib";
import type { StagedCache } from "../../07_sigmoid_gates.ts";

export function sigmoidStagedForward(x: Matrix): { out: Matrix; cache: StagedCache } {
  const u = new Matrix(x.rows, x.cols), out = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    u.data[i] = 1 + Math.exp(-x.data[i]);
    out.data[i] = 1 / u.data[i];
  }
  return { out, cache: { u, out: out.clone() } };
}

export function sigmoidStagedBackward(dout: Matrix, cache: StagedCache): Matrix {
  const u = cache.u as Matrix, out = cache.out as Matrix;
  const dx = new Matrix(dout.rows, dout.cols);
  for (let i = 0; i < dx.size; i++) {
    const du = -out.data[i] * out.data[i] * dout.data[i];
    dx.data[i] = -(u.data[i] - 1) * du;
  }
  return dx;
}

export function sigmoidFusedForward(x: Matrix): Matrix {
  return x.map((v) => {
    if (v >= 0) return 1 / (1 + Math.exp(-v));
    const e = Math.exp(v);
    return e / (1 + e);
  });
}

export function sigmoidFusedBackward(out: Matrix, dout: Matrix): Matrix {
  return out.sub(out.square()).mul(dout);
}
