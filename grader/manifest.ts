/**
 * The course: every exercise in teaching order, with its file, title, the idea it teaches, its
 * points and its hidden tests. The single source the grader, the reports and the kit's own
 * checks read; adding an exercise is adding an entry here (with a stub, a solution, a spec and
 * known mistakes).
 *
 * @module
 */

import type { ExerciseSpec } from "./spec.ts";
import { spec as numericalGradient } from "./specs/numerical_gradient.ts";
import { spec as gates } from "./specs/gates.ts";
import { spec as sigmoidNeuron } from "./specs/sigmoid_neuron.ts";
import { spec as mseLoss } from "./specs/mse_loss.ts";
import { spec as softmaxCrossEntropy } from "./specs/softmax_cross_entropy.ts";

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

/** The exercises, in the order a learner should do them. */
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
    id: "gates",
    file: "02_gates.ts",
    title: "Backward through add, multiply, max and sigmoid gates",
    concept: "local gradient times upstream gradient, gate by gate",
    points: 10,
    spec: gates,
  },
  {
    id: "sigmoid_neuron",
    file: "05_sigmoid_neuron.ts",
    title: "A sigmoid neuron with staged backprop",
    concept: "cache in the forward pass, walk the stages backwards",
    points: 10,
    spec: sigmoidNeuron,
  },
  {
    id: "mse_loss",
    file: "07_mse_loss.ts",
    title: "Mean squared error",
    concept: "a regression loss and its gradient with respect to the predictions",
    points: 10,
    spec: mseLoss,
  },
  {
    id: "softmax_cross_entropy",
    file: "08_softmax_cross_entropy.ts",
    title: "Softmax cross-entropy over a batch",
    concept: "a stable classification loss: probabilities minus one-hot, over N",
    points: 10,
    spec: softmaxCrossEntropy,
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
 * The exercises with these ids, in course order; all of them when `ids` is empty. Throws an
 * error that lists the known ids when one is unknown.
 */
export function selectExercises(ids: readonly string[]): Exercise[] {
  if (ids.length === 0) return [...MANIFEST];
  const known = new Map(MANIFEST.map((e) => [e.id, e]));
  const byFile = new Map(MANIFEST.map((e) => [e.file.replace(/\.ts$/, ""), e]));
  const unknown = ids.filter((id) => !known.has(id) && !byFile.has(id.replace(/\.ts$/, "")));
  if (unknown.length > 0) {
    throw new UnknownExercise(
      `unknown exercise ${unknown.map((u) => `"${u}"`).join(", ")}; known: ${
        MANIFEST.map((e) => e.id).join(", ")
      }`,
    );
  }
  const wanted = new Set(ids.map((id) => (known.get(id) ?? byFile.get(id.replace(/\.ts$/, "")))!.id));
  return MANIFEST.filter((e) => wanted.has(e.id));
}
