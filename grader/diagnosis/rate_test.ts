/**
 * The diagnosis rate on the labelled known mistakes: every mistake graded once (one session,
 * seed 1), the kind named compared with its label, the rate per kind printed; the test fails
 * below {@linkcode MIN_RATE} overall. The diagnosis reads only the grader's evidence: the
 * mistake's file is graded as a learner's, under its exercise's tests.
 *
 * Also: correct solutions and the variants of `solutions/variants/` get no diagnosis.
 *
 * @module
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "../grade.ts";
import { MANIFEST } from "../manifest.ts";
import { GradingSession } from "../grade.ts";
import { gradeMistakes, listMistakes, loadMistake } from "../verify.ts";
import { diagnosisRates, namedMistakes, rateTable } from "./rate.ts";

/** The least share of labelled mistakes whose kind the grader must name. */
export const MIN_RATE = 0.75;

Deno.test("the diagnosis names the kind of at least 75% of the labelled known mistakes", async () => {
  const mistakes = await listMistakes(MANIFEST);
  const labels = await Promise.all(mistakes.map(async (m) => (await loadMistake(m)).kind));
  const report = await gradeMistakes(mistakes, 1);
  const named = namedMistakes(report.exercises, labels);
  const rates = diagnosisRates(named);
  console.log(`diagnosis rate per kind (seed 1):\n${rateTable(rates)}`);
  const missed = named.filter((m) => m.named !== m.label);
  console.log(
    `not named (label → named):\n${
      missed.map((m) => `  ${m.id}: ${m.label} → ${m.named ?? "none"}`).join("\n")
    }`,
  );
  assert.ok(rates.total >= 100, `${rates.total} labelled mistakes`);
  assert.ok(
    rates.named / rates.total >= MIN_RATE,
    `the diagnosis named ${rates.named} of ${rates.total} labelled mistakes ` +
      `(${(100 * rates.named / rates.total).toFixed(1)}%), below ${100 * MIN_RATE}%`,
  );
});

Deno.test("correct solutions and their variants get no diagnosis (seed 3)", async () => {
  const exercises = [...MANIFEST];
  for (const e of MANIFEST) {
    try {
      for (const f of Deno.readDirSync(`${KIT_DIR}/solutions/variants/${e.id}`)) {
        exercises.push({ ...e, id: `${e.id}/${f.name}`, file: `variants/${e.id}/${f.name}` });
      }
    } catch { /* no variants of this exercise */ }
  }
  const session = await GradingSession.open({ dir: `${KIT_DIR}/solutions` });
  try {
    const report = await session.grade({ seed: 3, exercises });
    const diagnosed = report.exercises.flatMap((e) =>
      e.tests.filter((t) => t.diagnosis).map((t) => `${e.id}: ${t.name}: ${t.diagnosis!.kind}`)
    );
    assert.deepEqual(diagnosed, []);
    assert.deepEqual(report.exercises.filter((e) => e.status !== "passed").map((e) => e.id), []);
  } finally {
    await session.close();
  }
});
