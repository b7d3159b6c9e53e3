// deno-lint-ignore-file no-unused-vars
/**
 * # 18 · Capstone: train, tune and check a regularized two-layer network
 *
 * Everything comes together here, built from your own files: the affine layer (09), the ReLU
 * (04), softmax cross-entropy (12), the L2 penalty (17), and your gradient check (02) to check
 * the result. Those exercises must pass first (the grader says which one to fix when one does
 * not). The network, on N examples of D features, with H hidden units and C classes:
 *
 *     Z = X·W1 + b1      A = max(0, Z)      S = A·W2 + b2          (S is N×C: the scores)
 *     L = (mean softmax cross-entropy of S against y)  +  reg·(Σ W1² + Σ W2²)
 *
 * You write six functions, each a step of how such a network is really trained:
 *
 * 1. `networkLoss`: the loss above and its gradient with respect to every parameter. Chain
 *    your layers forward, then walk them back in reverse order; add the penalty's part.
 * 2. `trainNetwork`: full-batch gradient descent from a COPY of `init`.
 * 3. `predict`: the class of each row (its highest score).
 * 4. `chooseReg`: the regularization strength, chosen on held-out data. Train once per
 *    candidate λ (each time from `init`) on the training rows, measure the accuracy on the
 *    validation rows, keep the best. Never choose on the data you trained on: the training
 *    accuracy almost always prefers λ = 0, which is how a model comes to overfit.
 * 5. `sanityChecks`: the checks worth running before any long training. (a) With small weights
 *    every class gets about the same probability 1/C, so the loss at the start is near log C.
 *    (b) Adding regularization at the same weights must raise the loss. (c) A network with
 *    more parameters than there are examples can learn a handful of examples by heart: train
 *    on the first `tiny.n` rows with λ = 0, and the loss should go to nearly 0 and every one
 *    of them be classified right. A network that cannot do that has a bug, not a data problem.
 * 6. `checkNetworkGradients`: your gradient check (exercise 02) on the whole network.
 *
 * ## Conventions the grader relies on
 *
 * - Rows are examples; `y` holds N labels in 0..C−1.
 * - The data loss is the MEAN over the batch; the penalty is reg·(Σ W1² + Σ W2²), with no ½,
 *   not divided by N, and the biases b1, b2 are NOT penalized.
 * - Gradient descent (`trainNetwork`, and every run inside `chooseReg` and `sanityChecks`):
 *   start from a copy of `init`, take exactly `options.steps` steps; step k computes the loss
 *   and the gradients at the current parameters, records that loss as `losses[k]` (the loss
 *   BEFORE this step's update), then moves every parameter: p ← p − learningRate·(its
 *   gradient). Return the parameters after the last update. The grader replays your runs.
 * - `chooseReg` trains with `options` and `reg` = each candidate in turn, returns the validation
 *   accuracy of each in the candidates' order, and picks the FIRST candidate with the highest
 *   validation accuracy; `params` are the parameters trained with that candidate.
 * - Accuracy is the fraction of rows whose predicted class is their label.
 * - `sanityChecks` reports: the loss of `init` at reg = 0; the loss of `init` at each strength
 *   of `regs`; the losses of the tiny run (rows 0..tiny.n−1, reg = 0, `tiny.learningRate`,
 *   `tiny.steps`); and the accuracy on those rows of the parameters that run ends with.
 * - `checkNetworkGradients` returns, for each of W1, b1, W2, b2, the relative error your
 *   `gradientCheck` reports for `grads` (the gradients to check, handed to you: not necessarily
 *   right ones) against the numerical gradient of `networkLoss(X, y, ·, reg).loss` with respect
 *   to that parameter, the other three held at `params`.
 * - Nothing may modify its arguments (`init`, `params`, the data): build new matrices.
 *
 * ## Worked example (the start of a run; C = 3)
 *
 * With W2 all zero and b2 = 0 every score is 0, so each class gets probability 1/3 and the data
 * loss is log 3 ≈ 1.0986, whatever X, W1 and b1 are. With W1 = [[1, 2]] and W2 zero, the loss
 * at reg = 0.1 is 1.0986 + 0.1·(1 + 4) = 1.5986. The grader's starts are like that: W2 small,
 * the biases zero.
 *
 * ## Check your own gradients while you work
 *
 * Your own checker is one import away; a few lines in a scratch file (see the README) tell you
 * whether `networkLoss` is right before the grader does:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (W1: Matrix) => networkLoss(X, y, { ...params, W1 }, reg).loss;
 *     console.log(gradientCheck(f, params.W1.clone(), networkLoss(X, y, params, reg).grads.W1));
 *
 * A relative error around 1e-7 or below is right; 1e-2 or more is a bug (exercise 02 says
 * what lies between).
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-10 relative, and the replayed runs to 1e-9.
 *
 * Return new matrices: nothing you return may share memory with an argument, with another
 * returned matrix or with what an earlier call returned (the grader checks).
 *
 * @module
 */

import { Matrix, todo } from "@gradkit/lib";
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
  /** The losses of training on the first `tiny.n` rows with reg = 0, one per step. */
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

/**
 * The network's loss (mean softmax cross-entropy plus reg·(Σ W1² + Σ W2²)) and its gradient.
 *
 * @param X N×D inputs. @param y N labels in 0..C−1.
 * @param params `{ W1: D×H, b1: 1×H, W2: H×C, b2: 1×C }`. @param reg λ ≥ 0.
 * @returns `loss` (a number) and `grads`, each the shape of its parameter.
 */
export function networkLoss(
  X: Matrix,
  y: Int32Array,
  params: NetParams,
  reg: number,
): { loss: number; grads: NetParams } {
  return todo("networkLoss");
}

/**
 * Full-batch gradient descent from a copy of `init` (see the conventions).
 *
 * @returns the parameters after the last step, and the `options.steps` losses recorded: the
 * loss history, one number per step (plot it: it should fall).
 */
export function trainNetwork(
  X: Matrix,
  y: Int32Array,
  init: NetParams,
  options: DescentOptions & { reg: number },
): { params: NetParams; losses: number[] } {
  return todo("trainNetwork");
}

/** The predicted class (0..C−1) of every row of X: the index of its highest score, N of them. */
export function predict(X: Matrix, params: NetParams): Int32Array {
  return todo("predict");
}

/**
 * Chooses the regularization strength on the validation rows (see the conventions).
 *
 * @returns the chosen `reg`, `valAccuracies` (one per candidate, in order) and the `params`
 * trained with the chosen strength.
 */
export function chooseReg(
  split: Split,
  init: NetParams,
  options: DescentOptions,
  candidates: number[],
): { reg: number; valAccuracies: number[]; params: NetParams } {
  return todo("chooseReg");
}

/** The three sanity checks on a network about to be trained (see the conventions). */
export function sanityChecks(
  X: Matrix,
  y: Int32Array,
  init: NetParams,
  regs: number[],
  tiny: DescentOptions & { n: number },
): SanityReport {
  return todo("sanityChecks");
}

/** Your `gradientCheck` of `grads` against the network's numerical gradient, per parameter. */
export function checkNetworkGradients(
  X: Matrix,
  y: Int32Array,
  params: NetParams,
  reg: number,
  grads: NetParams,
): GradientErrors {
  return todo("checkNetworkGradients");
}
