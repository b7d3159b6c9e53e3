/**
 * The kit's library, shared by exercises and grader: a float64 {@linkcode Matrix}, a seeded
 * random generator {@linkcode Rng}, kink-aware data generators, and {@linkcode todo}, the
 * placeholder exercise stubs call. Exercises import it as `@gradkit/lib`.
 *
 * @module
 */

export { isMatrix, Matrix, type Operand, ShapeError, shapeOf } from "./matrix.ts";
export { hashSeed, Rng } from "./random.ts";
export {
  binaryHingeScores,
  classificationData,
  type ClassificationOptions,
  classLabels,
  distinctRows,
  type DistinctRowsOptions,
  distinctSizes,
  type HingeScoreOptions,
  hingeScores,
  randomMatrix,
  type RandomMatrixOptions,
  regressionData,
  type RegressionOptions,
  reluSafeAffine,
  type ReluSafeAffineOptions,
  signLabels,
  uniformMatrix,
} from "./generators.ts";
export { NotImplementedError, todo } from "./todo.ts";
