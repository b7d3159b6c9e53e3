/**
 * What the smallest failing case costs (`../shrink.ts`): grading the known mistakes of the sized
 * exercises with the search as it runs (`search`), and with the search cut to no attempts
 * (`no-search`, the baseline: each failure's case is still run once, at its own sizes). Both
 * grade in one warm session, so the difference is the search's runs.
 *
 * ```sh
 * ./deno bench --allow-all grader/bench/shrink_bench.ts
 * ```
 *
 * @module
 */

import { GradingSession, KIT_DIR } from "../grade.ts";
import { MANIFEST } from "../manifest.ts";
import { SHRINK_LIMITS } from "../shrink.ts";
import { listMistakes, mistakeSources } from "../verify.ts";

/** The exercises whose tests are sized. */
const SIZED = MANIFEST.filter((e) => e.spec.tests.some((t) => t.sized)).map((e) => e.id);
const mistakes = (await listMistakes(MANIFEST)).filter((m) => SIZED.includes(m.exercise.id));
const exercises = mistakes.map((m) => ({
  ...m.exercise,
  id: `${m.exercise.id}/${m.name}`,
  file: m.file,
}));
const session = await GradingSession.open({
  dir: `${KIT_DIR}/solutions`,
  extraFiles: await mistakeSources(mistakes),
});
const limits = SHRINK_LIMITS as { attempts: number };
const attempts = SHRINK_LIMITS.attempts;

for (const [name, n] of [["search", attempts], ["no-search", 0]] as const) {
  Deno.bench({
    name: `${exercises.length} mistakes/${name}`,
    group: "mistakes",
    baseline: name === "no-search",
    n: 5,
    warmup: 1,
    async fn() {
      limits.attempts = n;
      try {
        await session.grade({ seed: 7, exercises });
      } finally {
        limits.attempts = attempts;
      }
    },
  });
}

globalThis.addEventListener("unload", () => session.abandon());
