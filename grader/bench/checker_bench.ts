/**
 * Benchmarks of the reference checker (`../checker.ts`) on a two-layer network's softmax loss
 * (`./two_layer_fixture.ts`), with respect to every parameter (W1, b1, W2, b2), at the sizes of
 * `/work/shared/bench/numpy_baseline.py` and at a CIFAR-10-shaped large size.
 *
 * Every benchmark is named `<size>/<mode>` and grouped by `<size>`, so that a summary script
 * can split the names of `deno bench --json` output:
 *
 * - `full`: {@linkcode numericalGradient} on each parameter (2n + 4 loss evaluations in all);
 * - `full-bare`: the same number of bare loss evaluations, the group's baseline;
 * - `directional`: {@linkcode directionalCheck} with 8 directions on each parameter
 *   (4 · 17 = 68 evaluations);
 * - `directional-joint`: one {@linkcode directionalCheck} with 8 directions moving all four
 *   parameters together (17 evaluations);
 * - `directional-bare`: 68 bare loss evaluations (the baseline of the large group).
 *
 * `full ÷ full-bare` is the checker's overhead (target: at most 1.2); `full ÷ directional` at
 * medium is what the directional mode saves. All sizes share one V8 isolate here, and code
 * compiled for one size runs another up to 30% slower: ratios within a group hold, absolute
 * times are pessimistic. `deno task bench` (`./summary.ts`) measures each size in a fresh worker.
 *
 * ```sh
 * ./deno bench --allow-read grader/bench/checker_bench.ts
 * ```
 *
 * @module
 */

import { directionalCheck, numericalGradient } from "../checker.ts";
import {
  TWO_LAYER_SIZES,
  type TwoLayerFixture,
  twoLayerFixture,
  type TwoLayerParams,
} from "./two_layer_fixture.ts";

const KEYS = ["W1", "b1", "W2", "b2"] as const;
const DIRECTIONS = 8;

/** Where bare evaluations put their results, so that they cannot be optimized away. */
let sink = 0;

function fullCheck(net: TwoLayerFixture): number {
  let evaluations = 0;
  for (const key of KEYS) evaluations += numericalGradient(net.loss, net.params[key]).evaluations;
  return evaluations;
}

function directional(net: TwoLayerFixture, gradient: TwoLayerParams): number {
  let evaluations = 0;
  for (const key of KEYS) {
    const r = directionalCheck(net.loss, net.params[key], gradient[key], {
      directions: DIRECTIONS,
      seed: 1,
    });
    evaluations += r.evaluations;
  }
  return evaluations;
}

function directionalJoint(net: TwoLayerFixture, gradient: TwoLayerParams): number {
  return directionalCheck(
    net.loss,
    KEYS.map((key) => net.params[key]),
    KEYS.map((key) => gradient[key]),
    { directions: DIRECTIONS, seed: 1 },
  ).evaluations;
}

function bare(net: TwoLayerFixture, evaluations: number): void {
  let s = 0;
  for (let i = 0; i < evaluations; i++) s += net.loss();
  sink += s;
}

/** A copy of the analytic gradient (the fixture overwrites its own on every call). */
function gradientOf(net: TwoLayerFixture): TwoLayerParams {
  const g = net.gradient();
  return { W1: g.W1.slice(), b1: g.b1.slice(), W2: g.W2.slice(), b2: g.b2.slice() };
}

const FULL_EVALUATIONS = (net: TwoLayerFixture) => 2 * net.parameterCount + KEYS.length;
const DIRECTIONAL_EVALUATIONS = KEYS.length * (2 * DIRECTIONS + 1);

// small: N=5, D=4, H=10, C=3 (83 parameters)
{
  const net = twoLayerFixture(TWO_LAYER_SIZES.small, { seed: 0 });
  const evaluations = FULL_EVALUATIONS(net);
  Deno.bench({ name: "small/full", group: "small", fn: () => void fullCheck(net) });
  Deno.bench({
    name: "small/full-bare",
    group: "small",
    baseline: true,
    fn: () => bare(net, evaluations),
  });
}

// medium: N=50, D=100, H=50, C=10 (5560 parameters)
{
  const net = twoLayerFixture(TWO_LAYER_SIZES.medium, { seed: 0 });
  const gradient = gradientOf(net);
  const evaluations = FULL_EVALUATIONS(net);
  Deno.bench({
    name: "medium/full",
    group: "medium",
    n: 5,
    warmup: 1,
    fn: () => void fullCheck(net),
  });
  Deno.bench({
    name: "medium/full-bare",
    group: "medium",
    baseline: true,
    n: 5,
    warmup: 1,
    fn: () => bare(net, evaluations),
  });
  Deno.bench({
    name: "medium/directional",
    group: "medium",
    fn: () => void directional(net, gradient),
  });
  Deno.bench({
    name: "medium/directional-joint",
    group: "medium",
    fn: () => void directionalJoint(net, gradient),
  });
  Deno.bench({
    name: "medium/directional-bare",
    group: "medium",
    fn: () => bare(net, DIRECTIONAL_EVALUATIONS),
  });
}

// large: N=200, D=3072, H=100, C=10 (308 310 parameters): directional only
{
  const net = twoLayerFixture(TWO_LAYER_SIZES.large, { seed: 0 });
  const gradient = gradientOf(net);
  Deno.bench({
    name: "large/directional",
    group: "large",
    n: 3,
    warmup: 1,
    fn: () => void directional(net, gradient),
  });
  Deno.bench({
    name: "large/directional-joint",
    group: "large",
    n: 3,
    warmup: 1,
    fn: () => void directionalJoint(net, gradient),
  });
  Deno.bench({
    name: "large/directional-bare",
    group: "large",
    baseline: true,
    n: 3,
    warmup: 1,
    fn: () => bare(net, DIRECTIONAL_EVALUATIONS),
  });
}

// Keeps `sink` observable.
globalThis.addEventListener("unload", () => {
  if (Number.isNaN(sink)) console.log(sink);
});
