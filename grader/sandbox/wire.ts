/**
 * How values cross between the grader and the sandboxed process: a tagged JSON tree that carries
 * every float64 exactly (NaN, ±Infinity, -0, subnormals; typed arrays as raw little-endian bytes
 * in base64), matrices with their shape, and a description of anything that cannot cross
 * (functions, promises, class instances) so that the grader can say what the learner returned.
 *
 * @module
 */

import { Matrix } from "../../lib/matrix.ts";
import { PROBE_TAG, type ProbeRef } from "./probes.ts";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value the learner returned that cannot cross the process boundary: only its description does. */
export class Opaque {
  /** What it was, e.g. "a Promise", "a function", "an instance of Map". */
  readonly description: string;
  constructor(description: string) {
    this.description = description;
  }
}

const MAX_DEPTH = 32;

/**
 * The most one value may take on the wire, each way: `nodes` values (every number, string,
 * array element, object entry, typed array and matrix counts one, and an object that holds the
 * same object twice is sent, and counted, twice) and `bytes` of payload (strings and keys at six
 * bytes a character, their most once escaped; typed arrays as their base64 text). A value
 * within both has JSON text of at most `bytes + 48 × nodes` characters (no node's tags and
 * punctuation take more than 48): about 80 MB. Correct exercises send a few thousand nodes and
 * well under a megabyte.
 */
export const WIRE_LIMITS: WireLimits = { nodes: 1_000_000, bytes: 32 * 2 ** 20 };

/** See {@linkcode WIRE_LIMITS}. */
export interface WireLimits {
  nodes: number;
  bytes: number;
}

/** What stands for the part of a value nested deeper than `MAX_DEPTH`. */
const TOO_DEEP = "a value nested too deeply";

/** The most characters an {@linkcode Opaque} description keeps. */
const DESCRIPTION_CHARS = 200;

/** What is left of a value's budget as it is encoded or decoded. */
class Budget {
  nodes: number;
  bytes: number;
  constructor(limits: WireLimits) {
    this.nodes = limits.nodes;
    this.bytes = limits.bytes;
  }
  /** Takes `nodes` nodes and `bytes` bytes; false when that is more than is left. */
  take(nodes: number, bytes: number): boolean {
    this.nodes -= nodes;
    this.bytes -= bytes;
    return this.nodes >= 0 && this.bytes >= 0;
  }
}

/** Thrown inside {@linkcode encode} when the budget runs out. */
const OVER = Symbol("over budget");

/** The payload bytes of a string, at most (every character escaped as `\u00XX`, quotes). */
function textBytes(s: string): number {
  return 6 * s.length + 3;
}

/** The length of the base64 text of `n` bytes. */
function base64Bytes(n: number): number {
  return 4 * Math.ceil(n / 3);
}

function encodeNumber(n: number): Json {
  if (Number.isFinite(n) && !Object.is(n, -0)) return n;
  return { $num: Object.is(n, -0) ? "-0" : String(n) };
}

function decodeNumber(s: Json): number {
  switch (s) {
    case "-0":
      return -0;
    case "NaN":
      return NaN;
    case "Infinity":
      return Infinity;
    case "-Infinity":
      return -Infinity;
  }
  const shown = typeof s === "string" ? JSON.stringify(clip(s, 40)) : `of type ${typeof s}`;
  throw new Error(`wire: bad number tag ${shown}`);
}

function bytesOf(a: Float64Array | Int32Array): string {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength).toBase64();
}

function fromBase64(s: Json): Uint8Array {
  if (typeof s !== "string") throw new Error("wire: expected base64 text");
  return Uint8Array.fromBase64(s);
}

function f64(s: Json): Float64Array {
  const bytes = fromBase64(s);
  if (bytes.length % 8 !== 0) throw new Error("wire: float64 data of a length not a multiple of 8");
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8).slice();
}

function i32(s: Json): Int32Array {
  const bytes = fromBase64(s);
  if (bytes.length % 4 !== 0) throw new Error("wire: int32 data of a length not a multiple of 4");
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice();
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return "a bigint";
  if (typeof value === "symbol") return "a symbol";
  if (value instanceof Promise) {
    return "a Promise (is the function async? it must return its result directly)";
  }
  const name = (value as { constructor?: { name?: unknown } })?.constructor?.name;
  return typeof name === "string" && name
    ? `an instance of ${clip(name, DESCRIPTION_CHARS - 15)}`
    : "an object of unknown kind";
}

/** `s`, cut to `max` characters with "…" (for a description; never split a pair). */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 2);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 2 : max - 1) + "…";
}

/** What a value too large to send is described as. */
function tooLarge(value: unknown, limits: WireLimits): string {
  const what = value instanceof Matrix
    ? "a Matrix"
    : Array.isArray(value)
    ? "an array"
    : typeof value === "string"
    ? "a string"
    : "an object";
  return `a value too large to send: ${what} of more than ${
    limits.nodes.toLocaleString("en-US")
  } values or ${
    Math.round(limits.bytes / 2 ** 20)
  } MiB of data (an object that holds the same object many times counts it each time)`;
}

/**
 * Encodes a value for the wire. Never throws on learner values: what cannot cross becomes an
 * {@linkcode Opaque} description, and so does a value over `limits` as a whole ("a value too
 * large to send: …"). The value is measured before anything is built, so that a value far over
 * the limits costs time and memory in proportion to the limits, not to its size (an object
 * that holds the same object twice, 40 levels deep, would be 2^40 values).
 */
export function encode(
  value: unknown,
  limits: WireLimits = WIRE_LIMITS,
  visit?: EncodedArrayVisitor,
): Json {
  try {
    walk(value, 0, new Budget(limits), false);
    // Again: a getter may answer differently. Only this walk's arrays are sent, and visited.
    return walk(value, 0, new Budget(limits), true, visit, visit ? [] : undefined);
  } catch (e) {
    if (e === OVER) return { $opaque: tooLarge(value, limits) };
    throw e;
  }
}

/**
 * Called by {@linkcode encode} for every typed array it sends (a Matrix's data with
 * `matrix` true), with where it is in the value: the very arrays encoded, so that a check of
 * their memory cannot be shown other arrays than the ones sent (a getter answers once here).
 */
export type EncodedArrayVisitor = (
  array: Float64Array | Int32Array,
  path: (string | number)[],
  matrix: boolean,
) => void;

/**
 * The wire form of `value` (`build`), or null after only taking its cost from `budget` (not
 * `build`); throws {@linkcode OVER} when the budget runs out. With `visit`, `path` is where
 * `value` is, and every typed array built is visited.
 */
function walk(
  value: unknown,
  depth: number,
  budget: Budget,
  build: boolean,
  visit?: EncodedArrayVisitor,
  path?: (string | number)[],
): Json {
  const take = (nodes: number, bytes: number) => {
    if (!budget.take(nodes, bytes)) throw OVER;
  };
  if (depth > MAX_DEPTH) {
    take(1, textBytes(TOO_DEEP));
    return { $opaque: TOO_DEEP };
  }
  switch (typeof value) {
    case "number":
      take(1, 0);
      return build ? encodeNumber(value) : null;
    case "string":
      take(1, textBytes(value));
      return value;
    case "boolean":
      take(1, 0);
      return value;
    case "undefined":
      take(1, 0);
      return { $undef: 1 };
  }
  if (value === null) {
    take(1, 0);
    return null;
  }
  if (value instanceof Matrix) {
    const data = value.data;
    take(1, base64Bytes(data.byteLength));
    if (!build) return null;
    if (visit && path) visit(data, path, true);
    return { $mat: [value.rows, value.cols], d: bytesOf(data) };
  }
  if (value instanceof Float64Array || value instanceof Int32Array) {
    take(1, base64Bytes(value.byteLength));
    if (!build) return null;
    if (visit && path) visit(value, path, false);
    return value instanceof Float64Array ? { $f64: bytesOf(value) } : { $i32: bytesOf(value) };
  }
  if (Array.isArray(value)) {
    const n = value.length;
    take(1, 0);
    if (n > budget.nodes) throw OVER; // every element counts, holes included: say so at once
    const out: Json[] = build ? new Array(n) : [];
    for (let i = 0; i < n; i++) {
      const v = walk(value[i], depth + 1, budget, build, visit, path && [...path, i]);
      if (build) out[i] = v;
    }
    return build ? out : null;
  }
  if (value instanceof Opaque) {
    const d = clip(value.description, DESCRIPTION_CHARS);
    take(1, textBytes(d));
    return { $opaque: d };
  }
  if (typeof value === "object" && (value as Record<string, unknown>)[PROBE_TAG] === true) {
    const p = value as ProbeRef;
    take(1, textBytes(String(p.kind)));
    const params = walk(p.params, depth + 1, budget, build);
    return build ? { $probe: { kind: p.kind, params } } : null;
  }
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      take(1, 0);
      // No prototype: a key named like a method of Object.prototype ("valueOf", "constructor")
      // or "__proto__" is an ordinary own key, as in the learner's object. (Assigning it on a
      // plain {} fails where Object.prototype is frozen, as in the sandbox, or, for
      // "__proto__", changes the prototype.)
      const out: Record<string, Json> = build ? Object.create(null) : {};
      for (const [k, v] of Object.entries(value as object)) {
        take(0, textBytes(k));
        const e = walk(v, depth + 1, budget, build, visit, path && [...path, k]);
        if (build) out[k] = e;
      }
      return build ? { $o: out } : null;
    }
  }
  const d = describe(value);
  take(1, textBytes(d));
  return { $opaque: d };
}

/**
 * Decodes a wire value. `probe` builds a probe function where a probe reference stands. Refuses
 * (throws) a value over `limits`, counted as {@linkcode encode} counts them (so what `encode`
 * sent is read back), or malformed: what it builds is never much larger than the JSON text it
 * came from.
 */
export function decode(
  json: Json,
  probe?: (ref: ProbeRef) => unknown,
  limits: WireLimits = WIRE_LIMITS,
): unknown {
  const budget = new Budget(limits);
  return read(json, probe, 0, budget);
}

function read(
  json: Json,
  probe: ((ref: ProbeRef) => unknown) | undefined,
  depth: number,
  budget: Budget,
): unknown {
  const take = (nodes: number, bytes: number) => {
    if (!budget.take(nodes, bytes)) {
      throw new Error("wire: a value too large (over the limits of what one value may send)");
    }
  };
  // One level more than encode goes: where it stopped, it sent a description.
  if (depth > MAX_DEPTH + 1) throw new Error("wire: value nested too deeply");
  if (typeof json === "string") take(1, textBytes(json));
  else take(1, 0);
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) {
    const out = new Array(json.length);
    for (let i = 0; i < json.length; i++) out[i] = read(json[i], probe, depth + 1, budget);
    return out;
  }
  if ("$num" in json) return decodeNumber(json.$num);
  if ("$undef" in json) return undefined;
  if ("$f64" in json || "$i32" in json || "$mat" in json) {
    const text = json.$f64 ?? json.$i32 ?? json.d;
    take(0, typeof text === "string" ? text.length : 0);
  }
  if ("$f64" in json) return f64(json.$f64);
  if ("$i32" in json) return i32(json.$i32);
  if ("$mat" in json) {
    const shape = json.$mat;
    if (!Array.isArray(shape) || shape.length !== 2) throw new Error("wire: bad matrix shape");
    return new Matrix(Number(shape[0]), Number(shape[1]), f64(json.d));
  }
  if ("$opaque" in json) {
    // Not counted beyond its node: encode sends one over its limits when they run out.
    const d = typeof json.$opaque === "string" ? clip(json.$opaque, DESCRIPTION_CHARS) : "";
    return new Opaque(d || "a value of unknown kind");
  }
  if ("$probe" in json) {
    const p = json.$probe as { kind: string; params: Json };
    const kind = typeof p?.kind === "string" ? p.kind : "";
    take(0, textBytes(kind));
    const ref: ProbeRef = {
      [PROBE_TAG]: true,
      kind,
      params: read(p.params, undefined, depth + 1, budget) as Record<string, unknown>,
    };
    if (!probe) throw new Error("wire: a probe function cannot be decoded here");
    return probe(ref);
  }
  if ("$o" in json) {
    const entries = json.$o;
    if (entries === null || typeof entries !== "object" || Array.isArray(entries)) {
      throw new Error("wire: bad object");
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(entries)) {
      take(0, textBytes(k));
      // defineProperty, not assignment: a key "__proto__" must stay a plain key, and one named
      // like a method of Object.prototype ("valueOf") an own key.
      Object.defineProperty(out, k, {
        value: read(entries[k], probe, depth + 1, budget),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  const keys = Object.keys(json).slice(0, 3).map((k) => clip(k, 40));
  throw new Error(`wire: unknown tag in ${JSON.stringify(keys)}`);
}
