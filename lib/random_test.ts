import assert from "node:assert/strict";
import { hashSeed, Rng } from "./random.ts";

Deno.test("same seed, same sequence; different seeds differ", () => {
  const a = new Rng(42), b = new Rng(42), c = new Rng(43);
  const sa = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(sa, Array.from({ length: 5 }, () => b.next()));
  assert.notDeepEqual(sa, Array.from({ length: 5 }, () => c.next()));
});

Deno.test("the sequence is pinned (identical on every machine)", () => {
  const r = new Rng(1);
  const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
  // Computed independently (a Python transcription of splitmix32 + xoshiro128**). A change
  // here would change every hidden test of every replayed seed.
  assert.deepEqual(first, [2442144158, 3238099751, 3819917871]);
});

Deno.test("uniform draws stay in range and look uniform", () => {
  const r = new Rng(7);
  let sum = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const u = r.uniform(-2, 3);
    assert.ok(u >= -2 && u < 3);
    sum += u;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.05);
});

Deno.test("normal draws have the requested mean and standard deviation", () => {
  const r = new Rng(11);
  const n = 40000;
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const z = r.normal(3, 2);
    s += z;
    s2 += z * z;
  }
  const mean = s / n;
  const std = Math.sqrt(s2 / n - mean * mean);
  assert.ok(Math.abs(mean - 3) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(std - 2) < 0.05, `std ${std}`);
});

Deno.test("int, sign, shuffle", () => {
  const r = new Rng(5);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) {
    const k = r.int(2, 6);
    assert.ok(Number.isInteger(k) && k >= 2 && k < 6);
    seen.add(k);
  }
  assert.deepEqual([...seen].sort(), [2, 3, 4, 5]);
  assert.throws(() => r.int(3, 3), /need integers lo < hi/);
  const signs = new Set(Array.from({ length: 100 }, () => r.sign()));
  assert.deepEqual([...signs].sort(), [-1, 1]);
  const xs = r.shuffle([1, 2, 3, 4, 5, 6]);
  assert.deepEqual([...xs].sort(), [1, 2, 3, 4, 5, 6]);
});

Deno.test("fork depends on the seed and the label, not on draws so far", () => {
  const a = new Rng(9), b = new Rng(9);
  b.next();
  assert.equal(a.fork("x").next(), b.fork("x").next());
  assert.notEqual(a.fork("x").next(), a.fork("y").next());
});

Deno.test("hashSeed distinguishes parts and their types", () => {
  assert.equal(hashSeed(1, "a"), hashSeed(1, "a"));
  assert.notEqual(hashSeed(1, "a"), hashSeed(1, "b"));
  assert.notEqual(hashSeed(1, "ab"), hashSeed(1, "a", "b"));
  assert.notEqual(hashSeed(1), hashSeed("1"));
  const h = hashSeed(123, "x");
  assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 32);
});
