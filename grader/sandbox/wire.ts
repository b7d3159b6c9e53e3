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
  throw new Error(`wire: bad number tag ${JSON.stringify(s)}`);
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
  return typeof name === "string" && name ? `an instance of ${name}` : "an object of unknown kind";
}

/**
 * Encodes a value for the wire. Never throws on learner values: what cannot cross becomes an
 * {@linkcode Opaque} description.
 */
export function encode(value: unknown, depth = 0): Json {
  if (depth > MAX_DEPTH) return { $opaque: "a value nested too deeply" };
  switch (typeof value) {
    case "number":
      return encodeNumber(value);
    case "string":
    case "boolean":
      return value;
    case "undefined":
      return { $undef: 1 };
  }
  if (value === null) return null;
  if (value instanceof Matrix) {
    return { $mat: [value.rows, value.cols], d: bytesOf(value.data) };
  }
  if (value instanceof Float64Array) return { $f64: bytesOf(value) };
  if (value instanceof Int32Array) return { $i32: bytesOf(value) };
  if (Array.isArray(value)) return value.map((v) => encode(v, depth + 1));
  if (value instanceof Opaque) return { $opaque: value.description };
  if (typeof value === "object" && (value as Record<string, unknown>)[PROBE_TAG] === true) {
    const p = value as ProbeRef;
    return { $probe: { kind: p.kind, params: encode(p.params, depth + 1) } };
  }
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(value as object)) out[k] = encode(v, depth + 1);
      return { $o: out };
    }
  }
  return { $opaque: describe(value) };
}

/** Decodes a wire value. `probe` builds a probe function where a probe reference stands. */
export function decode(json: Json, probe?: (ref: ProbeRef) => unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error("wire: value nested too deeply");
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) return json.map((v) => decode(v, probe, depth + 1));
  if ("$num" in json) return decodeNumber(json.$num);
  if ("$undef" in json) return undefined;
  if ("$f64" in json) return f64(json.$f64);
  if ("$i32" in json) return i32(json.$i32);
  if ("$mat" in json) {
    const shape = json.$mat;
    if (!Array.isArray(shape) || shape.length !== 2) throw new Error("wire: bad matrix shape");
    return new Matrix(Number(shape[0]), Number(shape[1]), f64(json.d));
  }
  if ("$opaque" in json) return new Opaque(String(json.$opaque));
  if ("$probe" in json) {
    const p = json.$probe as { kind: string; params: Json };
    const ref: ProbeRef = {
      [PROBE_TAG]: true,
      kind: String(p.kind),
      params: decode(p.params, undefined, depth + 1) as Record<string, unknown>,
    };
    if (!probe) throw new Error("wire: a probe function cannot be decoded here");
    return probe(ref);
  }
  if ("$o" in json) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json.$o as Record<string, Json>)) {
      // defineProperty, not assignment: a key "__proto__" must stay a plain key.
      Object.defineProperty(out, k, {
        value: decode(v, probe, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  throw new Error(`wire: unknown tag in ${JSON.stringify(Object.keys(json))}`);
}
