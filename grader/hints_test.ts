/**
 * The course's text keeps the derivations for the learner: no stub states the backward formula
 * or an answer gradient of its own exercise (the one model derivation aside), and every
 * exercise has three hint tiers, the formula appearing in tier 3 only. The formulas are
 * `formulas.ts`'s list, not a guess.
 *
 * @module
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import { FORMULAS, formulasIn, MODEL_DERIVATION, normalize } from "./formulas.ts";

/** The pristine stub of `file` (identical to `exercises/<file>` in the instructor's kit). */
function stubText(file: string): string {
  return Deno.readTextFileSync(`${KIT_DIR}/${STUBS_DIR}/${file}`);
}

Deno.test("the formula list covers the course, and normalizing finds a formula however it is spaced", () => {
  assert.deepEqual(Object.keys(FORMULAS).sort(), MANIFEST.map((e) => e.id).sort());
  for (const [id, list] of Object.entries(FORMULAS)) {
    assert.ok(list.length >= 3, `${id}: at least three fragments`);
  }
  assert.deepEqual(formulasIn("mse_loss", "so dPred = 2 · (pred − target) / N here"), [
    "2 * (pred - target) / N",
    "2(pred − target)/N",
  ]);
  assert.deepEqual(formulasIn("softmax_cross_entropy", "the gradient is\n *   (p - y)"), [
    "(p − y)",
  ]);
  assert.deepEqual(formulasIn("l2_regularization", "its gradient is 2 * lambda * W"), [
    "2 * lambda * W",
  ]);
});

Deno.test("no stub states its own backward formula or answer gradient (the model derivation aside)", () => {
  // The manifest's title and concept too: `grade --list` shows them to learners.
  const found = MANIFEST.filter((e) => e.id !== MODEL_DERIVATION)
    .map((e) => ({ id: e.id, text: `${e.title}\n${e.concept}\n${stubText(e.file)}` }))
    .map((e) => ({ id: e.id, fragments: formulasIn(e.id, e.text) }))
    .filter((f) => f.fragments.length > 0)
    .map((f) => `${f.id}: ${f.fragments.join(" | ")}`);
  assert.deepEqual(found, []);
});

Deno.test("the model derivation states its formulas, and says it is the model", () => {
  const model = MANIFEST.find((e) => e.id === MODEL_DERIVATION)!;
  const text = stubText(model.file);
  assert.ok(formulasIn(model.id, text).length >= 3, "the model derivation derives the backward");
  assert.ok(
    normalize(text).includes(normalize("the model derivation of the course")),
    `${model.file} does not say it is the model derivation of the course`,
  );
});

Deno.test("every exercise has three distinct hint tiers, tier 1 its hint, the formula in tier 3 only", () => {
  const problems: string[] = [];
  for (const e of MANIFEST) {
    const tiers = e.spec.hints;
    if (!tiers || tiers.length !== 3) {
      problems.push(`${e.id}: no three hint tiers`);
      continue;
    }
    if (tiers.some((t) => t.trim().length < 21)) problems.push(`${e.id}: an empty or short tier`);
    if (new Set(tiers.map(normalize)).size !== 3) problems.push(`${e.id}: two tiers are the same`);
    if (e.spec.hint !== tiers[0]) problems.push(`${e.id}: the hint is not tier 1`);
    for (const tier of [1, 2]) {
      const early = formulasIn(e.id, tiers[tier - 1]);
      if (early.length > 0) problems.push(`${e.id}: tier ${tier} states ${early.join(" | ")}`);
    }
    if (formulasIn(e.id, tiers[2]).length === 0) {
      problems.push(`${e.id}: tier 3 states none of the exercise's formulas`);
    }
  }
  assert.deepEqual(problems, []);
});

Deno.test("no hidden test's name states its exercise's backward formula (learners read them)", () => {
  const found = MANIFEST.filter((e) => e.id !== MODEL_DERIVATION).flatMap((e) =>
    e.spec.tests.map((t) => ({ id: e.id, name: t.name, fragments: formulasIn(e.id, t.name) }))
  ).filter((t) => t.fragments.length > 0)
    .map((t) => `${t.id}: "${t.name}" states ${t.fragments.join(" | ")}`);
  assert.deepEqual(found, []);
});
