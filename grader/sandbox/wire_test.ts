import assert from "node:assert/strict";
import { Matrix } from "../../lib/matrix.ts";
import { decode, encode, type Json, Opaque } from "./wire.ts";
import { probeRef } from "./probes.ts";

/** Through JSON text and back, as between the processes. */
function roundTrip(value: unknown): unknown {
  return decode(JSON.parse(JSON.stringify(encode(value))) as Json);
}

Deno.test("numbers JSON cannot carry cross exactly", () => {
  for (const x of [NaN, Infinity, -Infinity, -0, 0, 1e308, -1e-308, 5e-324, 2 ** 53 + 2, 0.1]) {
    assert.ok(Object.is(roundTrip(x), x), `${x}`);
  }
});

Deno.test("matrices and typed arrays cross bit for bit, NaN and -0 included", () => {
  const m = new Matrix(2, 3, [NaN, -0, Infinity, 1e-310, -1e300, 1 / 3]);
  const back = roundTrip(m) as Matrix;
  assert.ok(back instanceof Matrix);
  assert.deepEqual(back.shape, [2, 3]);
  assert.ok(back.equals(m));
  const f = roundTrip(new Float64Array([-0, NaN])) as Float64Array;
  assert.ok(f instanceof Float64Array && Object.is(f[0], -0) && Number.isNaN(f[1]));
  const i = roundTrip(new Int32Array([3, -7])) as Int32Array;
  assert.ok(i instanceof Int32Array);
  assert.deepEqual(Array.from(i), [3, -7]);
});

Deno.test("a subarray crosses as its own elements only", () => {
  const whole = new Float64Array([1, 2, 3, 4]);
  assert.deepEqual(Array.from(roundTrip(whole.subarray(1, 3)) as Float64Array), [2, 3]);
});

Deno.test("objects, arrays, undefined and strings", () => {
  const v = { loss: 1.5, grads: [new Matrix(1, 1, [2])], note: "x", none: undefined, ok: true };
  const back = roundTrip(v) as typeof v;
  assert.equal(back.loss, 1.5);
  assert.ok(back.grads[0] instanceof Matrix && back.grads[0].get(0, 0) === 2);
  assert.equal(back.note, "x");
  assert.ok("none" in back && back.none === undefined);
  assert.equal(back.ok, true);
});

Deno.test("a __proto__ key stays a plain key", () => {
  const hostile = JSON.parse('{"$o":{"__proto__":{"$o":{"polluted":true}}}}');
  const back = decode(hostile) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(back), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.ok(Object.hasOwn(back, "__proto__"));
});

Deno.test("what cannot cross becomes an Opaque description, never an exception", () => {
  class Thing {}
  for (const v of [() => 1, new Map(), new Thing(), Promise.resolve(1), Symbol("s"), 1n]) {
    const back = roundTrip(v);
    assert.ok(back instanceof Opaque, String(typeof v));
  }
  let deep: unknown = 1;
  for (let i = 0; i < 100; i++) deep = [deep];
  assert.doesNotThrow(() => encode(deep));
});

Deno.test("malformed wire values are refused with a wire error", () => {
  assert.throws(() => decode({ $mat: [2, 2], d: new Uint8Array(8).toBase64() }), /2×2|entries/);
  assert.throws(() => decode({ $num: "huge" }), /bad number tag/);
  assert.throws(() => decode({ $what: 1 }), /unknown tag/);
});

Deno.test("a probe reference decodes only where a probe builder is given", () => {
  const ref = probeRef("smooth", { n: 1, a: [1], b: [1], c: [1], d: [1], watch: 1 });
  const json = JSON.parse(JSON.stringify(encode(ref))) as Json;
  assert.throws(() => decode(json), /probe function cannot be decoded here/);
  const built = decode(json, (r) => r.kind);
  assert.equal(built, "smooth");
});

/** An object that holds the same object twice, `levels` deep: 2^levels leaves. */
function selfSharing(levels: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < levels; i++) v = { a: v, b: v };
  return v;
}

Deno.test("a value over the limits is sent as a description, at a cost set by the limits", () => {
  const limits = { nodes: 1000, bytes: 1 << 20 };
  const tooLarge = /^a value too large to send: an object of more than 1,000 values/;
  const small = roundTrip(selfSharing(5)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(small), ["a", "b"]);
  const shared = decode(encode(selfSharing(11), limits));
  assert.ok(shared instanceof Opaque && tooLarge.test(shared.description), String(shared));
  // 2^40 leaves at the kit's limits: measured, not built.
  const started = performance.now();
  const huge = encode(selfSharing(40));
  assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  assert.match((huge as { $opaque: string }).$opaque, /too large to send/);
  // An array's length counts before its elements are read; bytes count too.
  assert.match(
    (encode(new Array(1e9)) as { $opaque: string }).$opaque,
    /too large to send: an array/,
  );
  assert.match(
    (encode(new Float64Array(1 << 20), limits) as { $opaque: string }).$opaque,
    /too large to send/,
  );
  assert.match((encode("x".repeat(1e6), limits) as { $opaque: string }).$opaque, /a string/);
});

Deno.test("decode refuses what is over the limits, and reads back whatever encode sent", () => {
  const big = JSON.parse(JSON.stringify(encode(Array.from({ length: 2000 }, (_, i) => i))));
  assert.throws(() => decode(big, undefined, { nodes: 1000, bytes: 1 << 20 }), /too large/);
  const value = {
    m: new Matrix(2, 2, [1, 2, 3, 4]),
    s: "text",
    list: [1, -0, NaN, undefined, null, true],
    f: new Int32Array([1, 2, 3]),
    nested: { deep: [[{ x: "y" }]] },
    fn: () => 1,
  };
  for (let nodes = 1; nodes <= 25; nodes++) {
    for (let bytes = 0; bytes <= 400; bytes += 5) {
      const limits = { nodes, bytes };
      const json = JSON.parse(JSON.stringify(encode(value, limits))) as Json;
      assert.doesNotThrow(() => decode(json, undefined, limits), `${nodes} nodes, ${bytes} bytes`);
    }
  }
});

Deno.test("keys named like Object.prototype's methods, and __proto__, cross as own keys", () => {
  const value = Object.fromEntries(
    ["valueOf", "constructor", "toString", "__proto__", "hasOwnProperty"].map((k, i) => [k, i]),
  );
  const json = encode(value) as { $o: Record<string, Json> };
  // No prototype on the wire side: assigning these keys on a plain {} fails where
  // Object.prototype is frozen (the sandbox) or, for __proto__, changes the prototype.
  assert.equal(Object.getPrototypeOf(json.$o), null);
  const back = roundTrip(value) as Record<string, unknown>;
  assert.deepEqual(Object.keys(back), Object.keys(value));
  assert.equal(back.valueOf, 0);
  assert.equal(back.constructor, 1);
  assert.ok(Object.hasOwn(back, "__proto__") && back.__proto__ === 3);
  assert.equal(Object.getPrototypeOf(back), Object.prototype);
});

Deno.test("wire errors and descriptions never carry a long text whole", () => {
  const long = "k".repeat(1e6);
  assert.throws(() => decode({ [long]: 1 }), (e: Error) => e.message.length < 200);
  assert.throws(() => decode({ $num: long }), (e: Error) => e.message.length < 200);
  class Named {}
  Object.defineProperty(Named, "name", { value: long });
  const d = (encode(new Named()) as { $opaque: string }).$opaque;
  assert.ok(d.length <= 200, `${d.length}`);
  const forged = decode({ $opaque: long }) as Opaque;
  assert.ok(forged.description.length <= 200);
});

Deno.test("a value nested deeper than the wire goes reads back with a description there", () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100; i++) deep = [deep];
  let back = roundTrip(deep);
  while (Array.isArray(back)) back = back[0];
  assert.ok(back instanceof Opaque && /nested too deeply/.test(back.description));
});
