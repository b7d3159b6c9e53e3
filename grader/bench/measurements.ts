/**
 * The in-process measurements of `deno task bench`: the reference checker and its directional
 * mode on the two-layer network's loss (`./two_layer_fixture.ts`), against the bare loss
 * evaluations they perform. `summary.ts` runs each one in a fresh worker
 * (`./measurement_worker.ts`).
 *
 * @module
 */

import { directionalCheck, numericalGradient } from "../checker.ts";
import { TWO_LAYER_SIZES, type TwoLayerFixture, twoLayerFixture } from "./two_layer_fixture.ts";

/** One measurement to run, with its repetitions. */
export type Measurement =
  | { kind: "checker"; size: "small" | "medium"; reps: number }
  | {
    kind: "directional";
    size: "medium" | "large";
    directions: number;
    joint: boolean;
    reps: number;
  };

/** The full check of every parameter against as many bare evaluations (ms, best of the reps). */
export interface CheckerTiming {
  parameters: number;
  evaluations: number;
  fullMs: number;
  bareEvaluationsMs: number;
  overhead: number;
}

/** A directional check against as many bare evaluations (ms, best of the reps). */
export interface DirectionalTiming {
  parameters: number;
  directions: number;
  evaluations: number;
  ms: number;
  bareEvaluationsMs: number;
  overhead: number;
  /** The worst relative error of the analytic gradient along a direction (0 when exact). */
  worstRelError: number;
}

/**
 * Best time of each function over `reps` rounds, in ms, after one warm-up call of each; the
 * functions take turns within each round, so that they share the machine's drift and the JIT's
 * warm-up.
 */
export function bestOfEach(fns: (() => void)[], reps: number): number[] {
  for (const fn of fns) fn();
  const best = fns.map(() => Infinity);
  for (let r = 0; r < reps; r++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      fn();
      best[k] = Math.min(best[k], performance.now() - t);
    }
  }
  return best;
}

/** The network's four parameter arrays: W1, b1, W2, b2. */
function paramsOf(net: TwoLayerFixture): Float64Array[] {
  const p = net.params;
  return [p.W1, p.b1, p.W2, p.b2];
}

/**
 * Times `check` (which returns how many loss evaluations it made) against as many bare
 * evaluations of the loss, taking turns. The check runs first (in the warm-up too), so the bare
 * loop knows its count.
 */
function againstBare(
  net: TwoLayerFixture,
  check: () => number,
  reps: number,
): { ms: number; bareMs: number; evaluations: number } {
  let evaluations = 0;
  let sink = 0;
  const [ms, bareMs] = bestOfEach([() => {
    evaluations = check();
  }, () => {
    for (let i = 0; i < evaluations; i++) sink += net.loss();
  }], reps);
  if (!Number.isFinite(sink)) throw new Error("loss is not finite");
  return { ms, bareMs, evaluations };
}

/** The full check of every parameter, and the same number of bare loss evaluations. */
export function checker(size: "small" | "medium", reps: number): CheckerTiming {
  const net = twoLayerFixture(TWO_LAYER_SIZES[size], { seed: 1 });
  const params = paramsOf(net);
  const t = againstBare(net, () => {
    let evaluations = 0;
    for (const x of params) evaluations += numericalGradient(net.loss, x).evaluations;
    return evaluations;
  }, reps);
  return {
    parameters: net.parameterCount,
    evaluations: t.evaluations,
    fullMs: t.ms,
    bareEvaluationsMs: t.bareMs,
    overhead: t.ms / t.bareMs,
  };
}

/**
 * Directional mode with respect to every parameter: `joint` moves all four arrays together
 * (one check, 2k + 1 evaluations); otherwise each array is checked on its own (4 · (2k + 1)).
 */
export function directional(
  size: "medium" | "large",
  directions: number,
  joint: boolean,
  reps: number,
): DirectionalTiming {
  const net = twoLayerFixture(TWO_LAYER_SIZES[size], { seed: 1 });
  const params = paramsOf(net);
  const grads = net.gradient();
  const analytic = [grads.W1, grads.b1, grads.W2, grads.b2].map((g) => g.slice());
  let worst = 0;
  const t = againstBare(net, () => {
    const checks = joint
      ? [directionalCheck(net.loss, params, analytic, { directions, seed: 7 })]
      : params.map((x, k) => directionalCheck(net.loss, x, analytic[k], { directions, seed: 7 }));
    let evaluations = 0;
    for (const d of checks) {
      evaluations += d.evaluations;
      worst = Math.max(worst, d.worst.relError);
    }
    return evaluations;
  }, reps);
  return {
    parameters: net.parameterCount,
    directions,
    evaluations: t.evaluations,
    ms: t.ms,
    bareEvaluationsMs: t.bareMs,
    overhead: t.ms / t.bareMs,
    worstRelError: worst,
  };
}

/** Runs a measurement. */
export function measure(m: Measurement): CheckerTiming | DirectionalTiming {
  return m.kind === "checker"
    ? checker(m.size, m.reps)
    : directional(m.size, m.directions, m.joint, m.reps);
}
