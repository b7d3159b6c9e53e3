/**
 * The catalogue check (`grader/verify.ts`): the course's shape, the solutions pass on several
 * seeds, and every known mistake fails, at least three of them per exercise. The pristine stubs
 * are checked in `stubs_test.ts` (which ships in a learner's copy; this file does not).
 */

import assert from "node:assert/strict";
import { grade, KIT_DIR } from "./grade.ts";
import { type Exercise, MANIFEST, STUBS_DIR } from "./manifest.ts";
import type { ExerciseReport } from "./report.ts";
import { MISTAKE_KINDS, type MistakeKind } from "./mistake_kinds.ts";
import {
  checkCourse,
  gradeMistakes,
  learnerMessage,
  listMistakes,
  loadMistake,
  PLACEHOLDER,
  verifyCourse,
} from "./verify.ts";
import { formulasIn } from "./formulas.ts";

function explain(e: ExerciseReport): string {
  return `${e.id}: ${e.status}${e.message ? ` (${e.message})` : ""}\n` +
    e.tests.filter((t) => t.status !== "passed")
      .map((t) => `  ${t.name}: ${t.status} ${t.message ?? ""}`).join("\n");
}

for (const seed of [1, 2, 3, 20261125]) {
  Deno.test(`every solution passes (seed ${seed})`, async () => {
    const report = await grade({ dir: `${KIT_DIR}/solutions`, seed });
    const bad = report.exercises.filter((e) => e.status !== "passed");
    assert.deepEqual(bad.map(explain), []);
    assert.equal(report.summary.points, report.summary.maxPoints);
  });
}

Deno.test("every correct variant in solutions/variants passes (seed 5)", async () => {
  // Right answers written differently (loops, log-sum-exp, other summation orders, 1/N placed
  // elsewhere): the tolerances must accept them as they accept the solutions.
  const exercises = [];
  for (const e of MANIFEST) {
    try {
      for (const f of Deno.readDirSync(`${KIT_DIR}/solutions/variants/${e.id}`)) {
        exercises.push({ ...e, id: `${e.id}/${f.name}`, file: `variants/${e.id}/${f.name}` });
      }
    } catch { /* no variants of this exercise */ }
  }
  assert.ok(exercises.length >= 10, `only ${exercises.length} variants`);
  const report = await grade({ dir: `${KIT_DIR}/solutions`, seed: 5, exercises });
  assert.deepEqual(report.exercises.filter((e) => e.status !== "passed").map(explain), []);
});

for (const seed of [11, 12]) {
  Deno.test(`every known mistake is caught (seed ${seed})`, async () => {
    const report = await gradeMistakes(await listMistakes(MANIFEST), seed);
    const passed = report.exercises.filter((e) => e.status !== "failed");
    assert.deepEqual(passed.map(explain), []);
    // What a learner reads of a failure names the mistake, never the answer: no message states
    // its exercise's backward formula (the list in formulas.ts).
    const told = report.exercises.map((e) => ({
      id: e.id,
      fragments: formulasIn(e.id.split("/")[0], learnerMessage(e)),
    })).filter((t) => t.fragments.length > 0).map((t) => `${t.id}: ${t.fragments.join(" | ")}`);
    assert.deepEqual(told, []);
  });
}

Deno.test("every numerical backward among the known mistakes is failed as computed numerically", async () => {
  const all = await listMistakes(MANIFEST);
  const kinds = await Promise.all(all.map(async (m) => (await loadMistake(m)).kind));
  const numerical = all.filter((_, i) => kinds[i] === "numerical");
  assert.ok(numerical.length >= 3, `${numerical.length} numerical backwards`);
  const report = await gradeMistakes(numerical, 13);
  const unflagged = report.exercises.filter((e) =>
    e.status !== "failed" ||
    !e.tests.some((t) => /computed numerically, not derived/.test(t.message ?? ""))
  );
  assert.deepEqual(unflagged.map(explain), []);
});

Deno.test("every known mistake carries a kind label; the count per kind", async () => {
  const counts = new Map<MistakeKind, string[]>();
  for (const m of await listMistakes(MANIFEST)) {
    const { kind } = await loadMistake(m);
    counts.set(kind, [...counts.get(kind) ?? [], `${m.exercise.id}/${m.name}`]);
  }
  const total = [...counts.values()].reduce((n, names) => n + names.length, 0);
  const lines = Object.keys(MISTAKE_KINDS).filter((k) => counts.has(k as MistakeKind))
    .map((k) => `  ${k.padEnd(17)} ${String(counts.get(k as MistakeKind)!.length).padStart(3)}`);
  console.log(`known mistakes by kind (${total}):\n${lines.join("\n")}`);
  assert.equal(counts.get("placeholder"), undefined);
  assert.ok(total >= 100, `${total} known mistakes`);
});

/** A kit in a temporary folder holding mse_loss and, as its mistakes, `mistakes` (name → text). */
async function kitWithMistakes(mistakes: Record<string, string>): Promise<string> {
  const kit = await Deno.makeTempDir({ prefix: "gradkit-verify-" });
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  await Deno.mkdir(`${kit}/${STUBS_DIR}`, { recursive: true });
  await Deno.mkdir(`${kit}/exercises`);
  await Deno.mkdir(`${kit}/solutions/mistakes/mse_loss`, { recursive: true });
  for (const dir of [STUBS_DIR, "exercises"]) {
    await Deno.copyFile(`${KIT_DIR}/${STUBS_DIR}/${mse.file}`, `${kit}/${dir}/${mse.file}`);
  }
  await Deno.copyFile(`${KIT_DIR}/solutions/${mse.file}`, `${kit}/solutions/${mse.file}`);
  for (const f of ["known_mistakes.ts", "mistake_kinds.ts"]) {
    await Deno.copyFile(`${KIT_DIR}/grader/${f}`, `${kit}/grader/${f}`);
  }
  for (const [name, text] of Object.entries(mistakes)) {
    await Deno.writeTextFile(`${kit}/solutions/mistakes/mse_loss/${name}.ts`, text);
  }
  return kit;
}

/** A mistake file of mse_loss: `kind` and one replacement. */
function mistakeFile(kind: string, solution: string, learner: string): string {
  return `/**\n * A test mistake.\n */\nimport type { KnownMistake } from ` +
    `"../../../grader/known_mistakes.ts";\n\nexport const mistake: KnownMistake = {\n` +
    `  kind: ${JSON.stringify(kind)} as KnownMistake["kind"],\n` +
    `  patch: [{ solution: ${JSON.stringify(solution)}, learner: ${
      JSON.stringify(learner)
    } }],\n};\n`;
}

Deno.test("a stale patch, a missing or unknown kind: the check fails and names the file", async () => {
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  const right = "  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };";
  const wrong = "  return { loss: diff.square().sum(), dPred: diff.mul(2) };";
  const kit = await kitWithMistakes({
    good: mistakeFile("forgotten-1/N", right, wrong),
    stale: mistakeFile("sign", "  return { loss, dPred: diff.mul(2) };", wrong),
    unlabelled: mistakeFile("", right, wrong).replace(/ {2}kind: .*\n/, ""),
    unknown: mistakeFile("off-by-one", right, wrong),
    empty: mistakeFile("other", "", wrong),
  });
  try {
    const problems = (await checkCourse([mse], kit)).join("\n");
    assert.match(
      problems,
      /mistake stale: solutions\/mistakes\/mse_loss\/stale\.ts: replacement 1 of 1 is stale: the solution no longer has the lines\n {8}return \{ loss, dPred/,
    );
    assert.match(
      problems,
      /mistake unlabelled: solutions\/mistakes\/mse_loss\/unlabelled\.ts: no kind label of the shared list/,
    );
    assert.match(
      problems,
      /mistake unknown: solutions\/mistakes\/mse_loss\/unknown\.ts: the kind "off-by-one" is not one of the shared list/,
    );
    assert.match(
      problems,
      /mistake empty: solutions\/mistakes\/mse_loss\/empty\.ts: replacement 1 of 1 replaces no lines/,
    );
    assert.doesNotMatch(problems, /mistake good/);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
});

Deno.test("the course agrees with itself: manifest, specs, stubs, solutions, mistakes", async () => {
  // Not the kit's exercises/: someone may be working in it (verify and release check it).
  assert.deepEqual(await checkCourse(), []);
});

Deno.test("with workingCopy, an exercises/ file that differs from its stub is named", async () => {
  const kit = await Deno.makeTempDir({ prefix: "gradkit-working-" });
  try {
    const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
    for (const dir of [STUBS_DIR, "exercises", "solutions"]) {
      await Deno.mkdir(`${kit}/${dir}`, { recursive: true });
    }
    await Deno.copyFile(`${KIT_DIR}/${STUBS_DIR}/${mse.file}`, `${kit}/${STUBS_DIR}/${mse.file}`);
    await Deno.writeTextFile(`${kit}/exercises/${mse.file}`, "// a learner's work\n");
    const named = (await checkCourse([mse], kit, { workingCopy: true })).join("\n");
    assert.match(named, /exercises\/08_mse_loss\.ts differs from grader\/stubs\/08_mse_loss\.ts/);
    const quiet = (await checkCourse([mse], kit)).join("\n");
    assert.doesNotMatch(quiet, /differs from/);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
});

Deno.test("the course check names each broken rule and the exercise", async () => {
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  const broken: Exercise[] = [
    { ...mse, file: "7_mse.ts", points: 0, spec: { ...mse.spec, hint: "short", tests: [] } },
  ];
  const problems = (await checkCourse(broken)).join("\n");
  assert.match(problems, /mse_loss: the file 7_mse\.ts must be named <id>\.ts or NN_<id>\.ts/);
  assert.match(problems, /mse_loss: points must be above 0/);
  assert.match(problems, /mse_loss: 0 tests; at least 4/);
  assert.match(problems, /mse_loss: the hint is too short/);
  assert.match(problems, /mse_loss: no stub grader\/stubs\/7_mse\.ts/);
});

Deno.test("a placeholder mistake fails the check and is named", async () => {
  const kit = await Deno.makeTempDir({ prefix: "gradkit-verify-" });
  try {
    const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
    await Deno.mkdir(`${kit}/${STUBS_DIR}`, { recursive: true });
    await Deno.mkdir(`${kit}/exercises`);
    await Deno.mkdir(`${kit}/solutions/mistakes/mse_loss`, { recursive: true });
    for (const dir of [STUBS_DIR, "exercises"]) {
      await Deno.copyFile(`${KIT_DIR}/${STUBS_DIR}/${mse.file}`, `${kit}/${dir}/${mse.file}`);
    }
    await Deno.copyFile(`${KIT_DIR}/solutions/${mse.file}`, `${kit}/solutions/${mse.file}`);
    for (const name of ["a", "b", "c"]) {
      await Deno.writeTextFile(
        `${kit}/solutions/mistakes/mse_loss/${name}.ts`,
        `/**\n * ${PLACEHOLDER}: say what it gets wrong.\n */\nexport * from "../../${mse.file}";\n`,
      );
    }
    const v = await verifyCourse({ exercises: [mse], kitDir: kit, seeds: [1] });
    assert.deepEqual(v.problems, [
      "mse_loss: the mistake a is a placeholder: write it",
      "mse_loss: the mistake b is a placeholder: write it",
      "mse_loss: the mistake c is a placeholder: write it",
    ]);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
});

Deno.test("verifyCourse of one exercise: passes and reports what a learner reads for each mistake", async () => {
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  const v = await verifyCourse({ exercises: [mse], seeds: [1, 2, 3] });
  assert.deepEqual(v.problems, []);
  const names = v.mistakes.map((m) => m.mistake.name);
  assert.ok(names.includes("forgot_mean"), names.join());
  assert.equal(v.mistakes.find((m) => m.mistake.name === "forgot_mean")?.kind, "forgotten-1/N");
  for (const m of v.mistakes) {
    assert.equal(m.status, "failed");
    assert.ok(m.about.length > 0, `${m.mistake.name}: its doc line`);
    assert.match(m.message, /expected|differ|times/, m.message);
  }
});
