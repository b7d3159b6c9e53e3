/**
 * The course: every exercise in teaching order, with its file, title, the idea it teaches, its
 * points and its hidden tests. The single source the grader, the reports and the kit's own
 * checks read; adding an exercise is adding an entry here (with a stub, a solution, a spec and
 * known mistakes).
 *
 * @module
 */

import type { ExerciseSpec } from "./spec.ts";
import { didYouMean, resolveName } from "./names.ts";
import { spec as numericalGradient } from "./specs/numerical_gradient.ts";
import { spec as gradientCheck } from "./specs/gradient_check.ts";
import { spec as gates } from "./specs/gates.ts";
import { spec as relu } from "./specs/relu.ts";
import { spec as fork } from "./specs/fork.ts";
import { spec as sigmoidNeuron } from "./specs/sigmoid_neuron.ts";
import { spec as sigmoidGates } from "./specs/sigmoid_gates.ts";
import { spec as affineLayer } from "./specs/affine_layer.ts";
import { spec as mseLoss } from "./specs/mse_loss.ts";
import { spec as softmaxCrossEntropy } from "./specs/softmax_cross_entropy.ts";
import { spec as softLabelCrossEntropy } from "./specs/soft_label_cross_entropy.ts";
import { spec as binaryCrossEntropy } from "./specs/binary_cross_entropy.ts";
import { spec as binaryHinge } from "./specs/binary_hinge.ts";
import { spec as multiclassHinge } from "./specs/multiclass_hinge.ts";
import { spec as squaredHinge } from "./specs/squared_hinge.ts";
import { spec as l2Regularization } from "./specs/l2_regularization.ts";
import { spec as marginL2 } from "./specs/margin_l2.ts";
import { spec as inputScale } from "./specs/input_scale.ts";
import { spec as twoLayerNet } from "./specs/two_layer_net.ts";
import { spec as clinicSvmLoss } from "./specs/clinic_svm_loss.ts";
import { spec as clinicTwoLayer } from "./specs/clinic_two_layer.ts";
import { spec as trainLinearClassifier } from "./specs/train_linear_classifier.ts";
import { spec as capstone } from "./specs/capstone.ts";

/** One exercise of the course. */
export interface Exercise {
  /** Stable id, used on the command line (`deno task grade mse_loss`) and in reports. */
  id: string;
  /** The exercise file, relative to `exercises/` (and to any graded folder). */
  file: string;
  title: string;
  /** The idea it teaches, in a line. */
  concept: string;
  points: number;
  spec: ExerciseSpec;
}

/**
 * Where the kit keeps the pristine stub of every exercise (`<STUBS_DIR>/<file>`), relative to the
 * kit: what a release ships as `exercises/`, what the kit's own tests check (never the working
 * `exercises/` a learner edits), and what a learner copies when a file is missing.
 */
export const STUBS_DIR = "grader/stubs";

/**
 * The exercises, in the order a learner should do them. This order is the course's: file names
 * need no number (`<id>.ts` will do), so an exercise can be added or moved without renaming one.
 */
export const MANIFEST: readonly Exercise[] = [
  {
    id: "numerical_gradient",
    file: "01_numerical_gradient.ts",
    title: "Numerical gradient by centered differences",
    concept: "the slow, sure gradient that checks every analytic one",
    points: 10,
    spec: numericalGradient,
  },
  {
    id: "gradient_check",
    file: "02_gradient_check.ts",
    title: "Check your own gradients",
    concept: "relative error against the numerical gradient, and how the step h matters",
    points: 10,
    spec: gradientCheck,
  },
  {
    id: "gates",
    file: "03_gates.ts",
    title: "Backward through add, multiply, max and sigmoid gates",
    concept: "local gradient times upstream gradient, gate by gate",
    points: 10,
    spec: gates,
  },
  {
    id: "relu",
    file: "04_relu.ts",
    title: "The ReLU gate",
    concept: "max against zero: a gradient that is passed through or blocked",
    points: 10,
    spec: relu,
  },
  {
    id: "fork",
    file: "05_fork.ts",
    title: "Gradients add up at a fork",
    concept: "a variable used twice receives the sum of both gradients",
    points: 10,
    spec: fork,
  },
  {
    id: "sigmoid_neuron",
    file: "06_sigmoid_neuron.ts",
    title: "A sigmoid neuron with staged backprop",
    concept: "the model derivation: cache in the forward, walk the stages back",
    points: 10,
    spec: sigmoidNeuron,
  },
  {
    id: "sigmoid_gates",
    file: "07_sigmoid_gates.ts",
    title: "The sigmoid through atomic gates",
    concept: "split an expression into gates of your choice: the same gradient as the fused gate",
    points: 10,
    spec: sigmoidGates,
  },
  {
    id: "mse_loss",
    file: "08_mse_loss.ts",
    title: "Mean squared error",
    concept: "a regression loss and its gradient with respect to the predictions",
    points: 10,
    spec: mseLoss,
  },
  {
    id: "affine_layer",
    file: "09_affine_layer.ts",
    title: "The affine layer on a batch",
    concept: "X·W + b forward; dX, dW, db backward, shapes as the guide",
    points: 10,
    spec: affineLayer,
  },
  {
    id: "input_scale",
    file: "10_input_scale.ts",
    title: "The effect of input scale",
    concept: "scaled data scales the weight gradient, and the learning rate must follow",
    points: 10,
    spec: inputScale,
  },
  {
    id: "binary_cross_entropy",
    file: "11_binary_cross_entropy.ts",
    title: "Binary cross-entropy through a sigmoid",
    concept: "maximum likelihood for two classes, stable at any score",
    points: 10,
    spec: binaryCrossEntropy,
  },
  {
    id: "softmax_cross_entropy",
    file: "12_softmax_cross_entropy.ts",
    title: "Softmax cross-entropy over a batch",
    concept: "a stable classification loss, the mean over a batch of class scores",
    points: 10,
    spec: softmaxCrossEntropy,
  },
  {
    id: "soft_label_cross_entropy",
    file: "13_soft_label_cross_entropy.ts",
    title: "Cross-entropy against a target distribution",
    concept: "soft labels, and the mean cross-entropy read as a negative log-likelihood",
    points: 10,
    spec: softLabelCrossEntropy,
  },
  {
    id: "binary_hinge",
    file: "14_binary_hinge.ts",
    title: "Binary hinge loss",
    concept: "a margin with labels −1/+1: zero loss once the margin is met",
    points: 10,
    spec: binaryHinge,
  },
  {
    id: "multiclass_hinge",
    file: "15_multiclass_hinge.ts",
    title: "Multiclass hinge (SVM) loss",
    concept: "every wrong class must trail the right one by a margin",
    points: 10,
    spec: multiclassHinge,
  },
  {
    id: "squared_hinge",
    file: "16_squared_hinge.ts",
    title: "Squared hinge loss",
    concept: "the hinge squared: smooth at the margin, harsher on large violations",
    points: 10,
    spec: squaredHinge,
  },
  {
    id: "l2_regularization",
    file: "17_l2_regularization.ts",
    title: "L2 regularization in the total loss",
    concept: "data loss plus λ·Σw²: weight decay, biases left out",
    points: 10,
    spec: l2Regularization,
  },
  {
    id: "margin_l2",
    file: "18_margin_l2.ts",
    title: "The SVM margin and why L2 appears in it",
    concept:
      "on separable data the hinge alone is won by scaling W up; the penalty picks the widest margin",
    points: 10,
    spec: marginL2,
  },
  {
    id: "train_linear_classifier",
    file: "19_train_linear_classifier.ts",
    title: "Train a linear classifier",
    concept: "gradient descent with your own loss and gradient",
    points: 10,
    spec: trainLinearClassifier,
  },
  {
    id: "two_layer_net",
    file: "20_two_layer_net.ts",
    title: "A two-layer network on a batch",
    concept: "your affine, ReLU and softmax layers chained: backprop through a network",
    points: 10,
    spec: twoLayerNet,
  },
  {
    id: "clinic_svm_loss",
    file: "21_clinic_svm_loss.ts",
    title: "Clinic: a multiclass SVM loss with bugs",
    concept: "a gradient check and a value by hand find planted bugs; fix them",
    points: 10,
    spec: clinicSvmLoss,
  },
  {
    id: "clinic_two_layer",
    file: "22_clinic_two_layer.ts",
    title: "Clinic: a two-layer network with bugs",
    concept: "read which gradient fails first, find the stage, fix the backward",
    points: 10,
    spec: clinicTwoLayer,
  },
  {
    id: "capstone",
    file: "23_capstone.ts",
    title: "Capstone: train, tune and check a regularized network",
    concept:
      "your own layers and losses trained, λ chosen on held-out data, sanity- and gradient-checked",
    points: 20,
    spec: capstone,
  },
];

/** A requested exercise id is not in the manifest (a usage error). */
export class UnknownExercise extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnknownExercise";
  }
}

/**
 * The exercise a name means (an id, a number such as `9` or `09`, a file name or a path: see
 * `names.ts`). Throws {@linkcode UnknownExercise}, with a "did you mean" when a known name is
 * close.
 */
export function exerciseNamed(name: string): Exercise {
  const e = resolveName(name, MANIFEST);
  if (e) return e;
  const suggestion = didYouMean(name.split("/").pop()!.replace(/\.ts$/, ""), [
    ...MANIFEST.map((e) => e.id),
  ]);
  throw new UnknownExercise(
    `unknown exercise "${name}"${suggestion || `; known: ${MANIFEST.map((e) => e.id).join(", ")}`}`,
  );
}

/**
 * The exercises with these names (see {@linkcode exerciseNamed}), in course order; all of them
 * when `ids` is empty. Throws {@linkcode UnknownExercise} for the first unknown name.
 */
export function selectExercises(ids: readonly string[]): Exercise[] {
  if (ids.length === 0) return [...MANIFEST];
  const wanted = new Set(ids.map((id) => exerciseNamed(id).id));
  return MANIFEST.filter((e) => wanted.has(e.id));
}
