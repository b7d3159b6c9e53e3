/**
 * Probe functions: functions the grader hands to learner code (for example the `f` of a
 * numerical-gradient exercise). The grader sends a {@linkcode ProbeRef}; the sandbox builds the
 * function from this trusted module and records what the learner did with it in a
 * {@linkcode ProbeTrace}. The grader evaluates the same function here to judge the result.
 *
 * @module
 */

/** Marks an object as a probe reference on the wire. */
export const PROBE_TAG = "$probe";

/** A probe function to be built in the sandbox: which kind, its parameters, which argument it watches. */
export interface ProbeRef {
  readonly [PROBE_TAG]: true;
  readonly kind: string;
  /** Numbers or arrays of numbers; `watch` is the index of the call argument the probe observes. */
  readonly params: Record<string, unknown>;
}

/** What the learner did with a probe during one call. */
export interface ProbeTrace {
  kind: string;
  /** How many times the learner called it. */
  calls: number;
  /** The most coordinates of the watched argument that differed from their original values at any one call. */
  maxChanged: number;
  /** Whether every call received the watched argument itself (not a copy). */
  sameObject: boolean;
  /** Calls whose argument was not a matrix of the watched argument's shape. */
  badArguments: number;
}

/** A smooth scalar function of a vector with a known gradient. */
export interface ProbeFunction {
  value(x: Float64Array): number;
  gradient(x: Float64Array): Float64Array;
}

function numbers(params: Record<string, unknown>, key: string, n: number): Float64Array {
  const v = params[key];
  if (!Array.isArray(v) || v.length !== n || !v.every((e) => typeof e === "number")) {
    throw new Error(`probe parameter ${key}: expected ${n} numbers`);
  }
  return Float64Array.from(v as number[]);
}

/**
 * `smooth`: f(x) = Σ aᵢ sin(bᵢ xᵢ) + ½ (Σ cᵢ xᵢ)² + ⅓ Σ dᵢ xᵢ³. Curved in every coordinate,
 * coupled through the square, so one-sided differences and wrong steps show.
 */
function smooth(params: Record<string, unknown>): ProbeFunction {
  const n = Number(params.n);
  const a = numbers(params, "a", n), b = numbers(params, "b", n);
  const c = numbers(params, "c", n), d = numbers(params, "d", n);
  return {
    value(x) {
      let s = 0, lin = 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        s += a[i] * Math.sin(b[i] * xi) + d[i] * xi * xi * xi / 3;
        lin += c[i] * xi;
      }
      return s + 0.5 * lin * lin;
    },
    gradient(x) {
      let lin = 0;
      for (let i = 0; i < n; i++) lin += c[i] * x[i];
      const g = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        g[i] = a[i] * b[i] * Math.cos(b[i] * x[i]) + c[i] * lin + d[i] * x[i] * x[i];
      }
      return g;
    },
  };
}

const KINDS: Record<string, (params: Record<string, unknown>) => ProbeFunction> = { smooth };

/** Builds the probe function of `kind` with `params`; throws on an unknown kind or bad parameters. */
export function probeFunction(kind: string, params: Record<string, unknown>): ProbeFunction {
  const make = KINDS[kind];
  if (!make) throw new Error(`unknown probe kind "${kind}"`);
  return make(params);
}

/** Makes a probe reference (what a spec passes to `t.call`). */
export function probeRef(kind: string, params: Record<string, unknown>): ProbeRef {
  probeFunction(kind, params); // validate early, in the grader
  return { [PROBE_TAG]: true, kind, params };
}
