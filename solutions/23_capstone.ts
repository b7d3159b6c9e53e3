/**
 * # 18 · Capstone: train, tune and check a regularized two-layer network (solution)
 *
 * Built from the learner's own layers and losses: affine (09), ReLU (04), softmax
 * cross-entropy (12), the L2 penalty (17), and checked with their own gradient check (02).
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";
import { gradientCheck } from "./02_gradient_check.ts";
import { reluBackward, reluForward } from "./04_relu.ts";
import { affineBackward, affineForward } from "./09_affine_layer.ts";
import { softmaxCrossEntropy } from "./12_softmax_cross_entropy.ts";
import { l2Penalty } from "./17_l2_regularization.ts";

/** The network's parameters (or their gradients: same names, same shapes). */
export interface NetParams {
  /** First layer's weights, D×H. */
  W1: Matrix;
  /** First layer's bias, 1×H. */
  b1: Matrix;
  /** Second layer's weights, H×C. */
  W2: Matrix;
  /** Second layer's bias, 1×C. */
  b2: Matrix;
}

/** Settings of a gradient descent run. */
export interface DescentOptions {
  /** η, the step size. */
  learningRate: number;
  /** How many full-batch steps. */
  steps: number;
}

/** A training set and a held-out validation set. */
export interface Split {
  /** Training inputs, N×D. */
  X: Matrix;
  /** Training labels, N of them. */
  y: Int32Array;
  /** Validation inputs, M×D. */
  valX: Matrix;
  /** Validation labels, M of them. */
  valY: Int32Array;
}

/** What {@linkcode sanityChecks} measures. */
export interface SanityReport {
  /** The loss of `init` with reg = 0. */
  initialLoss: number;
  /** The loss of `init` at each of the given regularization strengths. */
  regLosses: number[];
  /** The losses of training on the first `tinyN` rows with reg = 0, one per step. */
  overfitLosses: number[];
  /** The accuracy on those rows after that training. */
  overfitAccuracy: number;
}

/** The relative error of each gradient, as reported by a gradient check. */
export interface GradientErrors {
  W1: number;
  b1: number;
  W2: number;
  b2: number;
}

const NAMES = ["W1", "b1", "W2", "b2"] as const;

/** Mean softmax cross-entropy of the network plus reg·(ΣW1² + ΣW2²), and every gradient. */
export function networkLoss(
  X: Matrix,
  y: Int32Array,
  params: NetParams,
  reg: number,
): { loss: number; grads: NetParams } {
  const first = affineForward(X, params.W1, params.b1);
  const hidden = reluForward(first.out);
  const second = affineForward(hidden.out, params.W2, params.b2);
  const data = softmaxCrossEntropy(second.out, y);
  const back2 = affineBackward(data.dScores, second.cache);
  const back1 = affineBackward(reluBackward(back2.dX, hidden.cache), first.cache);
  const p1 = l2Penalty(params.W1, reg);
  const p2 = l2Penalty(params.W2, reg);
  return {
    loss: data.loss + p1.loss + p2.loss,
    grads: { W1: back1.dW.add(p1.dW), b1: back1.db, W2: back2.dW.add(p2.dW), b2: back2.db },
  };
}

/** Full-batch gradient descent from a copy of `init`; `losses[k]` is the loss before step k. */
export function trainNetwork(
  X: Matrix,
  y: Int32Array,
  init: NetParams,
  options: DescentOptions & { reg: number },
): { params: NetParams; losses: number[] } {
  const params: NetParams = {
    W1: init.W1.clone(),
    b1: init.b1.clone(),
    W2: init.W2.clone(),
    b2: init.b2.clone(),
  };
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const { loss, grads } = networkLoss(X, y, params, options.reg);
    losses.push(loss);
    for (const name of NAMES) {
      params[name] = params[name].sub(grads[name].mul(options.learningRate));
    }
  }
  return { params, losses };
}

/** The class with the highest score for each row of X. */
export function predict(X: Matrix, params: NetParams): Int32Array {
  const hidden = X.matmul(params.W1).add(params.b1).maximum(0);
  const scores = hidden.matmul(params.W2).add(params.b2);
  return Int32Array.from(scores.rowArgmax());
}

/** The fraction of rows of X whose predicted class is their label. */
function accuracy(X: Matrix, y: Int32Array, params: NetParams): number {
  const predicted = predict(X, params);
  let right = 0;
  for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) right++;
  return right / y.length;
}

/** Trains from `init` with every candidate strength; keeps the best on validation (first on ties). */
export function chooseReg(
  split: Split,
  init: NetParams,
  options: DescentOptions,
  candidates: number[],
): { reg: number; valAccuracies: number[]; params: NetParams } {
  const valAccuracies: number[] = [];
  let best = -1;
  let bestParams: NetParams | undefined;
  for (let k = 0; k < candidates.length; k++) {
    const { params } = trainNetwork(split.X, split.y, init, { ...options, reg: candidates[k] });
    valAccuracies.push(accuracy(split.valX, split.valY, params));
    if (best < 0 || valAccuracies[k] > valAccuracies[best]) [best, bestParams] = [k, params];
  }
  return { reg: candidates[best], valAccuracies, params: bestParams! };
}

/** The three sanity checks: the loss at the start, the loss as reg grows, and a tiny set overfit. */
export function sanityChecks(
  X: Matrix,
  y: Int32Array,
  init: NetParams,
  regs: number[],
  tiny: DescentOptions & { n: number },
): SanityReport {
  const initialLoss = networkLoss(X, y, init, 0).loss;
  const regLosses = regs.map((reg) => networkLoss(X, y, init, reg).loss);
  const tinyX = new Matrix(tiny.n, X.cols, X.data.slice(0, tiny.n * X.cols));
  const tinyY = y.slice(0, tiny.n);
  const { params, losses } = trainNetwork(tinyX, tinyY, init, { ...tiny, reg: 0 });
  return {
    initialLoss,
    regLosses,
    overfitLosses: losses,
    overfitAccuracy: accuracy(tinyX, tinyY, params),
  };
}

/** Each of `grads`' relative error against the numerical gradient of the network's loss. */
export function checkNetworkGradients(
  X: Matrix,
  y: Int32Array,
  params: NetParams,
  reg: number,
  grads: NetParams,
): GradientErrors {
  const at: NetParams = {
    W1: params.W1.clone(),
    b1: params.b1.clone(),
    W2: params.W2.clone(),
    b2: params.b2.clone(),
  };
  const errors = { W1: 0, b1: 0, W2: 0, b2: 0 };
  for (const name of NAMES) {
    const f = (m: Matrix) => networkLoss(X, y, { ...at, [name]: m }, reg).loss;
    errors[name] = gradientCheck(f, at[name], grads[name]).relError;
  }
  return errors;
}
