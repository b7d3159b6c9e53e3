/**
 * Whether a learner's gradient is the derivative of the learner's own loss: for a failed test
 * whose last loss call returned `{ loss, dX }` with dX shaped like an input X, the learner's
 * loss is evaluated again at X moved a little along a few random directions, and its slopes are
 * compared with what dX predicts. When the loss was wrong, this says where the mistake lies: a
 * gradient that follows its own loss (a mistake in the forward, carried into the backward), or
 * a loss wrong on its own.
 *
 * These calls run after the exercise's last test (and after its settling), each on a time
 * budget of its own that is not the exercise's; whatever they do (throw, print, run out of
 * time, modify their arguments) is ignored, and nothing they find changes a verdict.
 *
 * @module
 */

import { isMatrix, Matrix, Rng } from "@gradkit/lib";
import { relativeError } from "../compare.ts";

/** A call of a learner function that returned a loss and a gradient shaped like an input. */
export interface LossCall {
  /** The learner's function. */
  fn: string;
  /** Its arguments, as passed (matrices copied). */
  args: unknown[];
  /** Which argument the gradient is taken with respect to. */
  at: number;
  /** The key of the gradient in the returned object, e.g. "dPred". */
  key: string;
  /** The returned gradient's entries. */
  gradient: Float64Array;
}

/** The loss call a returned value shows, if it is one: `{ loss: number, <key>: Matrix }`. */
export function lossCall(
  fn: string,
  args: readonly unknown[],
  value: unknown,
): LossCall | undefined {
  if (value === null || typeof value !== "object" || isMatrix(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.loss !== "number" || !Number.isFinite(v.loss)) return undefined;
  for (const [key, g] of Object.entries(v)) {
    // The key is the learner's and goes into a sentence: a plain short name only.
    if (!isMatrix(g) || !/^[A-Za-z_$][\w$]{0,39}$/.test(key)) continue;
    const at = args.findIndex((a) => isMatrix(a) && a.rows === g.rows && a.cols === g.cols);
    if (at < 0) continue;
    const copied = args.map((a) => isMatrix(a) ? a.clone() : a);
    return { fn, args: copied, at, key, gradient: Float64Array.from(g.data) };
  }
  return undefined;
}

/** Directions tried, and the agreement asked of each slope. */
const DIRECTIONS = 2, AGREEMENT = 1e-4;

/**
 * Whether `c.gradient` is the learner's own loss's slope along {@linkcode DIRECTIONS} random
 * directions: `true`, `false`, or undefined when a call did not give a finite loss. `loss`
 * evaluates the learner's function on arguments and returns its loss (undefined if it failed).
 */
export async function followsOwnLoss(
  c: LossCall,
  loss: (args: unknown[]) => Promise<number | undefined>,
  seed = 1,
): Promise<boolean | undefined> {
  const x = c.args[c.at] as Matrix;
  const rng = new Rng(seed);
  let scale = 0;
  for (const v of x.data) scale = Math.max(scale, Math.abs(v));
  const h = 1e-6 * Math.max(1, scale);
  for (let k = 0; k < DIRECTIONS; k++) {
    const d = new Float64Array(x.size);
    for (let i = 0; i < d.length; i++) d[i] = rng.normal(0, 1);
    const moved = async (sign: number) => {
      const args = c.args.slice();
      args[c.at] = new Matrix(x.rows, x.cols, x.data.map((v, i) => v + sign * h * d[i]));
      return await loss(args);
    };
    const plus = await moved(1), minus = await moved(-1);
    if (plus === undefined || minus === undefined) return undefined;
    const slope = (plus - minus) / (2 * h);
    let predicted = 0;
    for (let i = 0; i < d.length; i++) predicted += c.gradient[i] * d[i];
    const floor = 1e-6 * Math.max(1, Math.abs(plus));
    if (relativeError(predicted, slope, Math.max(floor, 1e-8)) > AGREEMENT) return false;
  }
  return true;
}

/** The sentence for a failed loss: the gradient follows it, or is wrong on its own. */
export function ownLossSentence(key: string, follows: boolean): string {
  return follows
    ? `${key} is the derivative of your own loss: the backward follows your forward, so the ` +
      `mistake is in the loss itself (fix it and ${key} follows)`
    : `${key} is not the derivative of your own loss: the two disagree, so the loss is wrong ` +
      `on its own (and ${key} may be right; the next tests check it)`;
}

/** A failed test whose loss was wrong, and its last loss call. */
export interface FollowUp {
  /** Receives the sentence. */
  result: { ownLoss?: string };
  call: LossCall;
}

/** How long one follow-up call may run (its own budget, never the exercise's). */
export const FOLLOW_UP_MS = 1000;

/**
 * Runs {@linkcode followsOwnLoss} for the first of `items` in the learner's sandbox through
 * `call` (a learner call on a budget of its own: see `grade_exercise.ts`), and writes its
 * sentence into the test's report. Never throws: a call that fails ends it silently.
 */
export async function ownLossFollowUp(
  items: readonly FollowUp[],
  call: (fn: string, args: unknown[]) => Promise<unknown>,
): Promise<void> {
  const item = items[0];
  if (!item) return;
  try {
    const follows = await followsOwnLoss(item.call, async (args) => {
      const value = await call(item.call.fn, args);
      const loss = (value as { loss?: unknown } | null)?.loss;
      return typeof loss === "number" && Number.isFinite(loss) ? loss : undefined;
    });
    if (follows !== undefined) item.result.ownLoss = ownLossSentence(item.call.key, follows);
  } catch {
    // The learner's code threw, ran out of its time, or the sandbox stopped: nothing to say.
  }
}
