/**
 * Hardens the sandbox's JavaScript realm before any learner module loads, so that one
 * exercise cannot break the built-ins, the kit's `lib/` or the sandbox itself for the
 * exercises graded after it in the same process. Permissions (set by the grader on the command
 * line) close the doors to the machine; this closes the doors inside the process.
 *
 * What it does:
 * - freezes the standard built-ins the kit and the worker rely on (`Math`, `JSON`, `Object`,
 *   `Array`, the typed arrays, ...) and their prototypes, and makes their global bindings
 *   read-only: an exercise that assigns to `Math.exp` gets a TypeError, which the grader
 *   explains;
 * - freezes the exported classes of `lib/` (their prototypes are shared by every exercise);
 * - removes persistent storage (`localStorage`, `sessionStorage`, `caches`), which Deno keeps
 *   on disk between runs without any permission;
 * - replaces `Deno.exit` and `process.exit` by functions that throw.
 *
 * @module
 */

/** Thrown by the sandbox's replacement of `Deno.exit` and `process.exit`. */
export class ExitRefused extends Error {
  constructor(via: string) {
    super(`${via}() is not allowed in an exercise: return a value instead`);
    this.name = "ExitRefused";
  }
}

const FROZEN_GLOBALS = [
  "Object",
  "Function",
  "Array",
  "Number",
  "String",
  "Boolean",
  "Symbol",
  "BigInt",
  "Math",
  "JSON",
  "Reflect",
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "ArrayBuffer",
  "DataView",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint32Array",
  "Int16Array",
  "Uint16Array",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "TextEncoder",
  "TextDecoder",
] as const;

/**
 * Bound read-only but not frozen: freezing `Error.prototype` would make `this.name = ...` in
 * every error subclass throw (its `name` would be an inherited read-only property).
 */
const BOUND_GLOBALS = [
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
] as const;

function freezeDeep(value: unknown, seen: Set<unknown>): void {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
  if (seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  if (typeof value === "function" && value.prototype) freezeDeep(value.prototype, seen);
  freezeDeep(Object.getPrototypeOf(value), seen);
}

/**
 * Freezes the built-ins and `libExports`, removes persistent storage and disarms exits.
 * Call once, before the first learner import.
 */
export function lockdown(libExports: Record<string, unknown>): void {
  const seen = new Set<unknown>();
  const g = globalThis as Record<string, unknown>;
  // Deno loads its Node compatibility layer lazily, on the first touch of `process` or
  // `Buffer`; that code assigns properties over built-ins (Buffer.of over Uint8Array.of), which
  // fails once they are frozen. The worker touches both before it replaces `console`; make
  // sure here too.
  void g.process;
  void g.Buffer;
  for (const name of FROZEN_GLOBALS) {
    const value = g[name];
    if (value === undefined) continue;
    freezeDeep(value, seen);
    Object.defineProperty(globalThis, name, { value, writable: false, configurable: false });
  }
  for (const name of BOUND_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      value: g[name],
      writable: false,
      configurable: false,
    });
    // Never frozen, not even through the prototype chain of lib's error classes below.
    seen.add(g[name]);
    seen.add((g[name] as { prototype: unknown }).prototype);
  }
  // The %TypedArray% intrinsic (shared parent of all typed arrays) and its prototype.
  freezeDeep(Object.getPrototypeOf(Float64Array), seen);
  for (const value of Object.values(libExports)) freezeDeep(value, seen);

  for (const name of ["localStorage", "sessionStorage", "caches"]) {
    Object.defineProperty(globalThis, name, {
      get() {
        throw new ReferenceError(`${name} is not available in an exercise`);
      },
      configurable: false,
    });
  }
  const refuseDenoExit = () => {
    throw new ExitRefused("Deno.exit");
  };
  Object.defineProperty(Deno, "exit", {
    value: refuseDenoExit,
    writable: false,
    configurable: false,
  });
  const proc = g.process as { exit?: unknown } | undefined;
  if (proc) {
    Object.defineProperty(proc, "exit", {
      value: () => {
        throw new ExitRefused("process.exit");
      },
      writable: false,
      configurable: false,
    });
  }
}
