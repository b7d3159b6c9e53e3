import assert from "node:assert/strict";
import { Rng } from "@gradkit/lib";
import { MANIFEST } from "../manifest.ts";
import { sizesProblem } from "../shrink.ts";
import type { SizedTest, Sizes } from "../spec.ts";
import { sizesOf } from "./_sized.ts";

/** The smallest allowed sizes near the minimums: each size at its minimum, raised past equals. */
function smallest(sized: SizedTest): Sizes {
  const sizes = { ...sized.min };
  for (const group of sized.distinct ?? []) {
    const taken = new Set<number>();
    for (const name of group) {
      while (taken.has(sizes[name])) sizes[name]++;
      taken.add(sizes[name]);
    }
  }
  return sizes;
}

Deno.test("every sized test draws, at its own sizes, its smallest and between, inputs its validate accepts", () => {
  let checked = 0;
  for (const exercise of MANIFEST) {
    exercise.spec.tests.forEach((test, i) => {
      const sized = test.sized;
      if (!sized) return;
      const where = `${exercise.id} test ${i + 1}`;
      for (let seed = 1; seed <= 8; seed++) {
        const own = sizesOf(sized, new Rng(seed));
        // And sizes between: each drawn from its minimum to the test's own (kept if allowed).
        const pick = new Rng(seed + 100);
        const between: Sizes = Object.fromEntries(
          Object.entries(own).map(([name, v]) => [name, pick.int(sized.min[name], v + 1)]),
        );
        const candidates: Sizes[] = [own, smallest(sized)];
        if (!sizesProblem(sized, between)) candidates.push(between);
        for (const sizes of candidates) {
          assert.equal(
            sizesProblem(sized, sizes),
            undefined,
            `${where} at ${JSON.stringify(sizes)}`,
          );
          const inputs = sized.draw(new Rng(seed), sizes);
          const why: string | undefined = sized.validate?.(inputs, sizes);
          assert.equal(
            why,
            undefined,
            `${where} at ${JSON.stringify(sizes)}, seed ${seed}: ${why}`,
          );
          checked++;
        }
      }
    });
  }
  // Every exercise converted so far, with most of their one-problem tests.
  assert.ok(checked >= 8 * 60, `${checked} draws checked`);
});
