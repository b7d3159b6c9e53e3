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
 * - freezes the intrinsics that no global names: the iterator, generator and async
 *   prototypes (`%ArrayIteratorPrototype%`, `%IteratorPrototype%`, ...), which the harness's
 *   own loops and spreads go through;
 * - removes from the realm every way out of it: `Deno[Deno.internal]` (Deno's internals, whose
 *   `core` reads and writes any resource and evaluates strings), `Worker` (a new realm would
 *   have them back), `postMessage`, `onmessage` and `close` (the realm's line to the host),
 *   `BroadcastChannel`, and `URL.createObjectURL` (`blob:` imports);
 * - replaces `Deno.exit` and `Deno.kill` by functions that throw, and refuses the Node.js
 *   globals (`process`, `Buffer`, ...). `node:` imports are refused by the import map (see
 *   `import_map.ts`).
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
  "Iterator",
  "RegExp",
  "Date",
  "Atomics",
  "WeakRef",
  "FinalizationRegistry",
  "BigInt64Array",
  "BigUint64Array",
  "Float16Array",
  "SharedArrayBuffer",
] as const;

/**
 * The intrinsics no global names, reached through values that have them as prototypes: the
 * iterators of arrays, maps, sets, strings and regular expressions, the iterator helpers, and
 * the prototypes of generator and async functions (with their parents, frozen by `freezeDeep`).
 */
function hiddenIntrinsics(): unknown[] {
  const proto = Object.getPrototypeOf;
  function* generator() {}
  async function* asyncGenerator() {}
  const out: unknown[] = [
    proto([][Symbol.iterator]()),
    proto(new Map()[Symbol.iterator]()),
    proto(new Set()[Symbol.iterator]()),
    proto(""[Symbol.iterator]()),
    proto("".matchAll(/(?:)/g)),
    proto(generator),
    proto(generator()),
    proto(asyncGenerator),
    proto(asyncGenerator()),
    proto(async function () {}),
  ];
  const iterator = (globalThis as { Iterator?: { from?(x: unknown): unknown } }).Iterator;
  const values = [].values() as unknown as { map?(f: unknown): unknown };
  if (values.map) out.push(proto(values.map((x: unknown) => x)));
  if (iterator?.from) out.push(proto(iterator.from({ next: () => ({ done: true }) })));
  return out;
}

/** Own or inherited properties of the realm's global that lead out of the realm. */
const WAYS_OUT = [
  "Worker",
  "postMessage",
  "onmessage",
  "onmessageerror",
  "close",
  "BroadcastChannel",
];

/** Removes `name` from `target` and every object of its prototype chain; then pins it to undefined. */
function removeEverywhere(target: object, name: PropertyKey): void {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      if (!Reflect.deleteProperty(o, name)) {
        Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false });
      }
    }
  }
  Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false });
}

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
  // Node's globals are refused before they are ever touched: Deno boots its Node compatibility
  // layer lazily on their first use (25 ms of every sandbox start), and that boot assigns over
  // the built-ins frozen below. Exercises need neither.
  for (const name of ["process", "Buffer", "global", "setImmediate", "clearImmediate"]) {
    Object.defineProperty(globalThis, name, {
      get() {
        throw new ReferenceError(
          `${name} is not available in an exercise (it is a Node.js global)`,
        );
      },
      configurable: false,
    });
  }
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
  for (const value of hiddenIntrinsics()) freezeDeep(value, seen);
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
  Object.defineProperty(Deno, "kill", {
    value: () => {
      throw new ExitRefused("Deno.kill");
    },
    writable: false,
    configurable: false,
  });

  // Last, the ways out of the realm: nothing above needs them.
  const internal = (Deno as unknown as { internal: symbol }).internal;
  removeEverywhere(Deno, internal);
  for (const name of WAYS_OUT) removeEverywhere(globalThis, name);
  removeEverywhere(URL, "createObjectURL");
  removeEverywhere(URL, "revokeObjectURL");
}
