/**
 * A two-layer network's softmax loss as a plain closure over `Float64Array`s, for benchmarking
 * and testing the numerical checker: affine → ReLU → affine → softmax cross-entropy, mean over
 * the batch, plus L2 regularization of both weight matrices. The sizes and the data follow
 * `/work/shared/bench/numpy_baseline.py` (inputs and labels standard normal and uniform, weights
 * `0.1 · N(0, 1)`, regularization strength 0.05); the biases are `0.1 · N(0, 1)` rather than
 * zero, which costs the same and makes the bias gradients worth checking.
 *
 * @example
 * ```ts
 * import { TWO_LAYER_SIZES, twoLayerFixture } from "./two_layer_fixture.ts";
 * import { numericalGradient } from "../checker.ts";
 * const net = twoLayerFixture(TWO_LAYER_SIZES.small, { seed: 1 });
 * const numeric = numericalGradient(net.loss, net.params.W1);
 * const analytic = net.gradient().W1; // compare the two
 * ```
 *
 * @module
 */

import { Rng } from "@gradkit/lib";

/** The sizes of a two-layer network problem: N examples of D features, H hidden units, C classes. */
export interface TwoLayerSize {
  /** Examples in the batch. */
  N: number;
  /** Input features. */
  D: number;
  /** Hidden units. */
  H: number;
  /** Classes. */
  C: number;
}

/** The benchmark sizes (small and medium as in the numpy baseline; large is CIFAR-10 shaped). */
export const TWO_LAYER_SIZES: Readonly<Record<"small" | "medium" | "large", TwoLayerSize>> = Object
  .freeze({
    small: { N: 5, D: 4, H: 10, C: 3 },
    medium: { N: 50, D: 100, H: 50, C: 10 },
    large: { N: 200, D: 3072, H: 100, C: 10 },
  });

/** The parameters of the network, each stored row-major. */
export interface TwoLayerParams {
  /** D×H first-layer weights. */
  W1: Float64Array;
  /** H first-layer biases. */
  b1: Float64Array;
  /** H×C second-layer weights. */
  W2: Float64Array;
  /** C second-layer biases. */
  b2: Float64Array;
}

/** Options of {@linkcode twoLayerFixture}. */
export interface TwoLayerOptions {
  /** Seed of the data and the parameters (default 0). */
  seed?: number;
  /** L2 regularization strength λ in `λ (ΣW1² + ΣW2²)` (default 0.05). */
  reg?: number;
  /** Standard deviation of the inputs (default 1). */
  inputScale?: number;
}

/** A seeded two-layer network problem. */
export interface TwoLayerFixture {
  /** The sizes it was built for. */
  size: TwoLayerSize;
  /** The N×D inputs, row-major (not to be changed). */
  X: Float64Array;
  /** The N labels, in [0, C). */
  y: Int32Array;
  /** The parameters; `loss` and `gradient` read them in place. */
  params: TwoLayerParams;
  /** The number of parameters: `D·H + H + H·C + C`. */
  parameterCount: number;
  /** The loss at the current parameters. Allocates nothing. */
  loss: () => number;
  /**
   * The analytic gradient of the loss at the current parameters, by backprop. Returns the same
   * arrays on every call (overwritten), so copy what you keep.
   */
  gradient: () => TwoLayerParams;
}

/**
 * Builds seeded data `X` (N×D), labels `y` (N) and parameters for `size`, and returns the loss
 * `mean_n(−log softmax(s_n)[y_n]) + λ (ΣW1² + ΣW2²)` with `s = max(0, X W1 + b1) W2 + b2`, as
 * a closure that reads `params` in place, computed with plain loops and no allocation per call.
 *
 * @example
 * ```ts
 * const net = twoLayerFixture({ N: 4, D: 3, H: 5, C: 2 }, { seed: 7 });
 * net.loss(); // ≈ log 2 + the regularization
 * ```
 */
export function twoLayerFixture(
  size: TwoLayerSize,
  options: TwoLayerOptions = {},
): TwoLayerFixture {
  const { N, D, H, C } = size;
  const { seed = 0, reg = 0.05, inputScale = 1 } = options;
  const rng = new Rng(seed);
  const X = new Float64Array(N * D);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal(0, inputScale);
  const y = new Int32Array(N);
  for (let n = 0; n < N; n++) y[n] = rng.int(0, C);
  const params: TwoLayerParams = {
    W1: new Float64Array(D * H),
    b1: new Float64Array(H),
    W2: new Float64Array(H * C),
    b2: new Float64Array(C),
  };
  for (const p of [params.W1, params.b1, params.W2, params.b2]) {
    for (let i = 0; i < p.length; i++) p[i] = rng.normal(0, 0.1);
  }
  const { W1, b1, W2, b2 } = params;
  const hidden = new Float64Array(N * H);
  const scores = new Float64Array(N * C);
  const grads: TwoLayerParams = {
    W1: new Float64Array(D * H),
    b1: new Float64Array(H),
    W2: new Float64Array(H * C),
    b2: new Float64Array(C),
  };
  const dscores = new Float64Array(N * C);
  const dhidden = new Float64Array(N * H);

  /** `b1[j] + Σ_d X[n, d] W1[d, j]` for one example and one hidden unit. */
  function preActivation(n: number, j: number): number {
    const xo = n * D;
    let z = b1[j];
    for (let d = 0, w = j; d < D; d++, w += H) z += X[xo + d] * W1[w];
    return z;
  }

  /** `hidden[n, j] = max(0, b1[j] + Σ_d X[n, d] W1[d, j])` for one example and one unit. */
  function hiddenUnit(n: number, j: number): void {
    const z = preActivation(n, j);
    hidden[n * H + j] = z > 0 ? z : 0;
  }

  /**
   * The hidden units of examples n, n+1, n+2: two units at a time, so that each value loaded
   * from W1 serves three multiply-adds and each one from X two (blocks of three examples by two
   * units measured 15% faster than two by two, and larger blocks slower: V8 runs out of
   * registers).
   */
  function threeRows(n: number): void {
    const x0 = n * D;
    const x1 = x0 + D;
    const x2 = x1 + D;
    const h0 = n * H;
    let j = 0;
    for (; j + 1 < H; j += 2) {
      let a0 = b1[j];
      let a1 = b1[j + 1];
      let c0 = a0;
      let c1 = a1;
      let e0 = a0;
      let e1 = a1;
      for (let d = 0, w = j; d < D; d++, w += H) {
        const p = W1[w];
        const q = W1[w + 1];
        const u = X[x0 + d];
        const v = X[x1 + d];
        const r = X[x2 + d];
        a0 += u * p;
        a1 += u * q;
        c0 += v * p;
        c1 += v * q;
        e0 += r * p;
        e1 += r * q;
      }
      hidden[h0 + j] = a0 > 0 ? a0 : 0;
      hidden[h0 + j + 1] = a1 > 0 ? a1 : 0;
      hidden[h0 + H + j] = c0 > 0 ? c0 : 0;
      hidden[h0 + H + j + 1] = c1 > 0 ? c1 : 0;
      hidden[h0 + 2 * H + j] = e0 > 0 ? e0 : 0;
      hidden[h0 + 2 * H + j + 1] = e1 > 0 ? e1 : 0;
    }
    if (j < H) { for (let k = 0; k < 3; k++) hiddenUnit(n + k, j); }
  }

  /** The hidden units of examples n and n+1, two units at a time (the last rows of a batch). */
  function twoRows(n: number): void {
    const x0 = n * D;
    const x1 = x0 + D;
    const h0 = n * H;
    const h1 = h0 + H;
    let j = 0;
    for (; j + 1 < H; j += 2) {
      let z00 = b1[j];
      let z01 = b1[j + 1];
      let z10 = z00;
      let z11 = z01;
      for (let d = 0, w = j; d < D; d++, w += H) {
        const u = X[x0 + d];
        const v = X[x1 + d];
        const p = W1[w];
        const q = W1[w + 1];
        z00 += u * p;
        z01 += u * q;
        z10 += v * p;
        z11 += v * q;
      }
      hidden[h0 + j] = z00 > 0 ? z00 : 0;
      hidden[h0 + j + 1] = z01 > 0 ? z01 : 0;
      hidden[h1 + j] = z10 > 0 ? z10 : 0;
      hidden[h1 + j + 1] = z11 > 0 ? z11 : 0;
    }
    if (j < H) {
      hiddenUnit(n, j);
      hiddenUnit(n + 1, j);
    }
  }

  /**
   * Fills `hidden = max(0, X W1 + b1)` and `scores = hidden W2 + b2` from the current
   * parameters. The first product, the costly one, goes by blocks of rows ({@linkcode threeRows}).
   */
  function forward(): void {
    let n = 0;
    for (; n + 2 < N; n += 3) threeRows(n);
    if (n + 1 < N) twoRows(n);
    else if (n < N) { for (let j = 0; j < H; j++) hiddenUnit(n, j); }
    for (let n = 0; n < N; n++) {
      const ho = n * H;
      const so = n * C;
      for (let c = 0; c < C; c++) scores[so + c] = b2[c];
      for (let j = 0; j < H; j++) {
        const hv = hidden[ho + j];
        if (hv === 0) continue;
        const wo = j * C;
        for (let c = 0; c < C; c++) scores[so + c] += hv * W2[wo + c];
      }
    }
  }

  function regularization(): number {
    let s = 0;
    for (let i = 0; i < W1.length; i++) s += W1[i] * W1[i];
    for (let i = 0; i < W2.length; i++) s += W2[i] * W2[i];
    return reg * s;
  }

  function loss(): number {
    forward();
    let total = 0;
    for (let n = 0; n < N; n++) {
      const so = n * C;
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (scores[so + c] > max) max = scores[so + c];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(scores[so + c] - max);
      total += Math.log(sum) + max - scores[so + y[n]];
    }
    return total / N + regularization();
  }

  function gradient(): TwoLayerParams {
    forward();
    for (let n = 0; n < N; n++) {
      const so = n * C;
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (scores[so + c] > max) max = scores[so + c];
      let sum = 0;
      for (let c = 0; c < C; c++) {
        dscores[so + c] = Math.exp(scores[so + c] - max);
        sum += dscores[so + c];
      }
      for (let c = 0; c < C; c++) dscores[so + c] /= sum * N;
      dscores[so + y[n]] -= 1 / N;
    }
    const g = grads;
    for (let i = 0; i < W2.length; i++) g.W2[i] = 2 * reg * W2[i];
    g.b2.fill(0);
    for (let i = 0; i < W1.length; i++) g.W1[i] = 2 * reg * W1[i];
    g.b1.fill(0);
    for (let n = 0; n < N; n++) {
      const so = n * C;
      const ho = n * H;
      for (let c = 0; c < C; c++) g.b2[c] += dscores[so + c];
      for (let j = 0; j < H; j++) {
        const hv = hidden[ho + j];
        let back = 0;
        for (let c = 0; c < C; c++) {
          g.W2[j * C + c] += hv * dscores[so + c];
          back += dscores[so + c] * W2[j * C + c];
        }
        dhidden[ho + j] = hv > 0 ? back : 0;
        g.b1[j] += dhidden[ho + j];
      }
      const xo = n * D;
      for (let d = 0; d < D; d++) {
        const xv = X[xo + d];
        const wo = d * H;
        for (let j = 0; j < H; j++) g.W1[wo + j] += xv * dhidden[ho + j];
      }
    }
    return g;
  }

  return { size, X, y, params, parameterCount: D * H + H + H * C + C, loss, gradient };
}
