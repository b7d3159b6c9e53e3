/**
 * Seeded data generators for exercises and hidden tests.
 *
 * The generators are kink-aware. Several functions of the course have points where they have no
 * derivative: ReLU at 0, a hinge where the margin is exactly met, max at a tie. A numerical
 * gradient taken across such a point is meaningless, so the generators keep those quantities a
 * chosen distance (`gap`) away from the kink.
 *
 * @module
 */

import { Matrix } from "./matrix.ts";
import type { Rng } from "./random.ts";

/** Options of {@linkcode randomMatrix}. */
export interface RandomMatrixOptions {
  /** Standard deviation of the entries (default 1). */
  scale?: number;
  /** Mean of the entries (default 0). */
  mean?: number;
  /** Entries closer than `gap` to 0 are drawn again (default 0: no constraint). */
  gap?: number;
}

const MAX_TRIES = 10_000;

function positive(op: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${op}: ${name} must be a positive integer, got ${n}`);
  }
}

/** A rows×cols matrix of Gaussian entries (mean `mean`, standard deviation `scale`), kept `gap` away from 0. */
export function randomMatrix(
  rng: Rng,
  rows: number,
  cols: number,
  options: RandomMatrixOptions = {},
): Matrix {
  const { scale = 1, mean = 0, gap = 0 } = options;
  const m = new Matrix(rows, cols);
  for (let i = 0; i < m.size; i++) {
    let v = rng.normal(mean, scale);
    for (let t = 0; Math.abs(v) < gap; t++) {
      if (t > MAX_TRIES) {
        throw new RangeError(`randomMatrix: gap ${gap} too large for scale ${scale}`);
      }
      v = rng.normal(mean, scale);
    }
    m.data[i] = v;
  }
  return m;
}

/** A rows×cols matrix of entries uniform in [lo, hi). */
export function uniformMatrix(
  rng: Rng,
  rows: number,
  cols: number,
  lo: number,
  hi: number,
): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < m.size; i++) m.data[i] = rng.uniform(lo, hi);
  return m;
}

/** Options of {@linkcode distinctRows}. */
export interface DistinctRowsOptions {
  /** Standard deviation of the entries (default 1). */
  scale?: number;
  /** Smallest difference between two entries of the same row (default 0.05·scale). */
  gap?: number;
}

/**
 * A rows×cols matrix of Gaussian entries in which no two entries of a row are closer than
 * `gap`: every row has a unique maximum, away from a tie (the max gate's kink).
 */
export function distinctRows(
  rng: Rng,
  rows: number,
  cols: number,
  options: DistinctRowsOptions = {},
): Matrix {
  const { scale = 1 } = options;
  const gap = options.gap ?? 0.05 * scale;
  const m = new Matrix(rows, cols);
  const values = new Float64Array(cols);
  const order = Array.from({ length: cols }, (_, j) => j);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) values[j] = rng.normal(0, scale);
    values.sort();
    for (let j = 1; j < cols; j++) {
      if (values[j] - values[j - 1] < gap) values[j] = values[j - 1] + gap;
    }
    rng.shuffle(order);
    for (let j = 0; j < cols; j++) m.data[i * cols + order[j]] = values[j];
  }
  return m;
}

/**
 * `count` pairwise different sizes in [lo, hi]: shapes whose dimensions all differ, so that a
 * transposed gradient or a sum over the wrong axis cannot pass by accident.
 */
export function distinctSizes(rng: Rng, count: number, lo: number, hi: number): number[] {
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && hi - lo + 1 >= count)) {
    throw new RangeError(`distinctSizes: [${lo}, ${hi}] holds fewer than ${count} integers`);
  }
  const pool: number[] = [];
  for (let v = lo; v <= hi; v++) pool.push(v);
  return rng.shuffle(pool).slice(0, count);
}

/** `n` class labels in 0..classes−1; every class occurs at least once when n ≥ classes. */
export function classLabels(rng: Rng, n: number, classes: number): Int32Array {
  positive("classLabels", "n", n);
  positive("classLabels", "classes", classes);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = i < classes ? i : rng.int(0, classes);
  return rng.shuffle(y);
}

/** `n` labels of −1 or +1; both occur when n ≥ 2. */
export function signLabels(rng: Rng, n: number): Float64Array {
  positive("signLabels", "n", n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = i === 0 ? 1 : i === 1 ? -1 : rng.sign();
  return rng.shuffle(y);
}

/** Options of {@linkcode regressionData}. */
export interface RegressionOptions {
  /** Number of examples. */
  n: number;
  /** Number of features. */
  dim: number;
  /** Standard deviation of the noise added to the targets (default 0.1). */
  noise?: number;
  /** Standard deviation of the features (default 1). */
  scale?: number;
}

/** Linear regression data: targets y = X·w + noise, with X n×dim, w dim×1 and y n×1. */
export function regressionData(
  rng: Rng,
  options: RegressionOptions,
): { X: Matrix; y: Matrix; w: Matrix } {
  const { n, dim, noise = 0.1, scale = 1 } = options;
  positive("regressionData", "n", n);
  positive("regressionData", "dim", dim);
  const X = randomMatrix(rng, n, dim, { scale });
  const w = randomMatrix(rng, dim, 1);
  const y = X.matmul(w);
  for (let i = 0; i < n; i++) y.data[i] += rng.normal(0, noise);
  return { X, y, w };
}

/** Options of {@linkcode classificationData}. */
export interface ClassificationOptions {
  /** Number of examples. */
  n: number;
  /** Number of features. */
  dim: number;
  /** Number of classes. */
  classes: number;
  /** Standard deviation of the points around their class centre (default 1). */
  spread?: number;
  /** Standard deviation of the class centres (default 3): larger is easier to separate. */
  separation?: number;
}

/**
 * A classification data set: each class has a Gaussian blob around its own centre. Returns X
 * (n×dim) and the labels y (0..classes−1, every class present when n ≥ classes), in random
 * order. For a training set and a held-out set of the same problem, draw once and split the rows.
 */
export function classificationData(
  rng: Rng,
  options: ClassificationOptions,
): { X: Matrix; y: Int32Array } {
  const { n, dim, classes, spread = 1, separation = 3 } = options;
  positive("classificationData", "n", n);
  positive("classificationData", "dim", dim);
  positive("classificationData", "classes", classes);
  const centres = randomMatrix(rng.fork("centres"), classes, dim, { scale: separation });
  const y = classLabels(rng, n, classes);
  const X = new Matrix(n, dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) {
      X.data[i * dim + d] = centres.data[y[i] * dim + d] + rng.normal(0, spread);
    }
  }
  return { X, y };
}

/** Options of {@linkcode hingeScores} and {@linkcode binaryHingeScores}. */
export interface HingeScoreOptions {
  /** Standard deviation of the scores (default 1). */
  scale?: number;
  /** The hinge margin the scores are kept away from (default 1). */
  margin?: number;
  /** Smallest distance of every margin term from 0 (default 0.05·scale). */
  gap?: number;
  /** When true every margin is met by at least `gap`: the hinge loss is exactly 0. */
  met?: boolean;
}

/**
 * Scores (N×classes) for a multiclass hinge loss with these labels: every margin term
 * s_j − s_y + margin (j ≠ y) is at least `gap` away from 0, so no score sits on the hinge's
 * kink. Some margins are violated and some are met, unless `met` is set.
 */
export function hingeScores(
  rng: Rng,
  labels: ArrayLike<number>,
  classes: number,
  options: HingeScoreOptions = {},
): Matrix {
  const { scale = 1, margin = 1, met = false } = options;
  const gap = options.gap ?? 0.05 * scale;
  const n = labels.length;
  const s = new Matrix(n, classes);
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    const row = i * classes;
    s.data[row + y] = rng.normal(0, scale);
    for (let j = 0; j < classes; j++) {
      if (j === y) continue;
      let v = rng.normal(0, scale);
      for (let t = 0;; t++) {
        const term = v - s.data[row + y] + margin;
        if (met ? term <= -gap : Math.abs(term) >= gap) break;
        if (t > MAX_TRIES) throw new RangeError("hingeScores: gap too large for the scale");
        v = met
          ? s.data[row + y] - margin - gap - Math.abs(rng.normal(0, scale))
          : rng.normal(0, scale);
      }
      s.data[row + j] = v;
    }
  }
  return s;
}

/**
 * Scores (N×1) for a binary hinge loss with ±1 labels: every margin term margin − y·s is at
 * least `gap` away from 0. Some margins are violated and some are met, unless `met` is set.
 */
export function binaryHingeScores(
  rng: Rng,
  labels: ArrayLike<number>,
  options: HingeScoreOptions = {},
): Matrix {
  const { scale = 1, margin = 1, met = false } = options;
  const gap = options.gap ?? 0.05 * scale;
  const n = labels.length;
  const s = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    let v = rng.normal(0, scale);
    for (let t = 0;; t++) {
      const term = margin - y * v;
      if (met ? term <= -gap : Math.abs(term) >= gap) break;
      if (t > MAX_TRIES) throw new RangeError("binaryHingeScores: gap too large for the scale");
      v = met ? y * (margin + gap + Math.abs(rng.normal(0, scale))) : rng.normal(0, scale);
    }
    s.data[i] = v;
  }
  return s;
}

/** Options of {@linkcode reluSafeAffine}. */
export interface ReluSafeAffineOptions {
  /** Number of examples (rows of X). */
  n: number;
  /** Number of input features (columns of X, rows of W). */
  inDim: number;
  /** Number of outputs (columns of W and b). */
  outDim: number;
  /** Standard deviation of X and W (default 1). */
  scale?: number;
  /** Standard deviation of b (default 0.5; never 0, so a forgotten bias shows). */
  biasScale?: number;
  /** Smallest |X·W + b| allowed (default 1e-3). */
  gap?: number;
}

/**
 * An affine layer's input X (n×inDim), weights W (inDim×outDim) and bias b (1×outDim) whose
 * pre-activations X·W + b are all at least `gap` away from 0, so a ReLU after the layer is
 * differentiable at every entry, with some entries negative and some positive.
 * `minAbs` is the smallest |X·W + b| reached.
 */
export function reluSafeAffine(
  rng: Rng,
  options: ReluSafeAffineOptions,
): { X: Matrix; W: Matrix; b: Matrix; minAbs: number } {
  const { n, inDim, outDim, scale = 1, biasScale = 0.5, gap = 1e-3 } = options;
  positive("reluSafeAffine", "n", n);
  positive("reluSafeAffine", "inDim", inDim);
  positive("reluSafeAffine", "outDim", outDim);
  const W = randomMatrix(rng, inDim, outDim, { scale, gap: 0.01 * scale });
  const b = randomMatrix(rng, 1, outDim, { scale: biasScale, gap: 0.01 * biasScale });
  const X = new Matrix(n, inDim);
  const row = new Matrix(1, inDim);
  let minAbs = Infinity;
  for (let i = 0; i < n; i++) {
    for (let t = 0;; t++) {
      if (t > MAX_TRIES) throw new RangeError("reluSafeAffine: gap too large for the scale");
      for (let d = 0; d < inDim; d++) row.data[d] = rng.normal(0, scale);
      const z = row.matmul(W).add(b);
      let rowMin = Infinity;
      for (let j = 0; j < outDim; j++) rowMin = Math.min(rowMin, Math.abs(z.data[j]));
      if (rowMin >= gap) {
        X.data.set(row.data, i * inDim);
        minAbs = Math.min(minAbs, rowMin);
        break;
      }
    }
  }
  return { X, W, b, minAbs };
}
