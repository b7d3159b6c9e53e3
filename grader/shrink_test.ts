import assert from "node:assert/strict";
import { shrinkSizes, sizesProblem, type Verdict } from "./shrink.ts";
import type { Sizes } from "./spec.ts";

/** A failure predicate that also counts its calls. */
function counting(fails: (s: Sizes) => boolean) {
  const seen: Sizes[] = [];
  return {
    seen,
    run: (s: Sizes): Promise<Verdict> => {
      seen.push(s);
      return Promise.resolve(fails(s) ? "fails" : "passes");
    },
  };
}

Deno.test("sizesProblem: minimums, whole numbers, unknown names, pairwise different groups", () => {
  const sized = { min: { N: 2, D: 1, H: 1 }, distinct: [["N", "D", "H"]] };
  assert.equal(sizesProblem(sized, { N: 3, D: 1, H: 2 }), undefined);
  assert.match(sizesProblem(sized, { N: 1, D: 2, H: 3 })!, /N must be at least 2, got 1/);
  assert.match(sizesProblem(sized, { N: 2.5, D: 1, H: 3 })!, /N must be a whole number/);
  assert.match(sizesProblem(sized, { N: 3, D: 2, H: 3, X: 1 })!, /no size X/);
  assert.match(sizesProblem(sized, { N: 3, D: 2, H: 3 })!, /pairwise different \(N = H = 3\)/);
});

Deno.test("shrinkSizes: the smallest failing value of each size, tried from the minimum up", async () => {
  // Fails whenever N ≥ 3 (say, a bug that shows from three rows on) and at any K.
  const f = counting((s) => s.N >= 3);
  const r = await shrinkSizes({ min: { N: 1, K: 1 } }, { N: 7, K: 5 }, f.run);
  assert.deepEqual(r.sizes, { N: 3, K: 1 });
  assert.equal(r.minimal, true);
  // Every smaller value of each size, the other as found, was run and passed.
  for (const smaller of [{ N: 2, K: 1 }, { N: 1, K: 1 }]) {
    assert.ok(f.seen.some((s) => s.N === smaller.N && s.K === smaller.K), JSON.stringify(smaller));
  }
  assert.equal(r.attempts, f.seen.length);
});

Deno.test("shrinkSizes: keeps sizes that must differ different, and goes round again", async () => {
  // Fails when N > K: with N ≠ K required, N = 2, K = 1 is the smallest.
  const f = counting((s) => s.N > s.K);
  const sized = { min: { N: 2, K: 1 }, distinct: [["N", "K"]] };
  const r = await shrinkSizes(sized, { N: 6, K: 4 }, f.run);
  assert.deepEqual(r.sizes, { N: 2, K: 1 });
  assert.ok(f.seen.every((s) => s.N !== s.K && s.N >= 2), "no candidate breaks the rules");
});

Deno.test("shrinkSizes: a failure at the start only stays where it is; a size at its minimum is not tried", async () => {
  const f = counting((s) => s.N === 5);
  const r = await shrinkSizes({ min: { N: 2, K: 3 } }, { N: 5, K: 3 }, f.run);
  assert.deepEqual(r.sizes, { N: 5, K: 3 });
  assert.equal(r.minimal, true);
  assert.deepEqual(f.seen.map((s) => s.N), [2, 3, 4]);
});

Deno.test("shrinkSizes: bounded by its attempts, and a stop ends it with what it found", async () => {
  const always = counting(() => true);
  const bounded = await shrinkSizes({ min: { N: 1 } }, { N: 50 }, (s) => {
    return s.N > 40 ? always.run(s) : Promise.resolve("passes" as Verdict);
  }, 5);
  assert.equal(bounded.attempts, 5);
  assert.equal(bounded.minimal, false);
  assert.deepEqual(bounded.sizes, { N: 50 });

  let calls = 0;
  const stopped = await shrinkSizes({ min: { N: 1 } }, { N: 9 }, () => {
    calls++;
    return Promise.resolve(calls === 1 ? "passes" : "stop");
  });
  assert.deepEqual(stopped, { sizes: { N: 9 }, attempts: 2, minimal: false });
});
