/**
 * Matching with the kit's known mistakes: when a learner's exercise fails exactly as a known
 * mistake of `solutions/mistakes/<id>/` fails on the same inputs (the same tests fail, with the
 * same messages, which quote the learner's values), the report names that mistake.
 *
 * The known mistakes are the kit's own code: they are graded in a sandbox session of their own,
 * after the learner's grading is over, with the run's seed and under the exercise's own id (so
 * every test draws the same inputs as the learner's did). Nothing here changes a verdict. A
 * learner's release copy has no `solutions/`: there the report is returned as it is.
 *
 * @module
 */

import { GradingSession, KIT_DIR } from "../grade.ts";
import { MANIFEST } from "../manifest.ts";
import type { ExerciseReport, Report } from "../report.ts";
import type { RunSeed } from "../secret_seed.ts";
import { listMistakes, loadMistake, type Mistake } from "../verify.ts";

/** The first line of a mistake file's doc comment: what the mistake is. */
function about(path: string): string {
  try {
    const m = /\/\*\*\s*\n?\s*\*?\s*([^\n]*)/.exec(Deno.readTextFileSync(path));
    return m ? m[1].replace(/\*\/\s*$/, "").trim() : "";
  } catch {
    return "";
  }
}

/** Whether two gradings of one exercise failed alike: every test's status, and failures' messages. */
export function failsAlike(a: ExerciseReport, b: ExerciseReport): boolean {
  if (a.tests.length !== b.tests.length || !a.tests.some((t) => t.status === "failed")) {
    return false;
  }
  return a.tests.every((t, i) => {
    const u = b.tests[i];
    return t.name === u.name && t.status === u.status &&
      (t.status !== "failed" || t.message === u.message);
  });
}

/**
 * `report` with each failed exercise that fails exactly as a known mistake does marked with it
 * (`knownMistake`). `seed` must be the run's. Returns `report` itself when the kit holds no known
 * mistakes of the failed exercises (a learner's copy), or when grading them fails.
 */
export async function withKnownMistakes(
  report: Report,
  seed: RunSeed,
  kitDir = KIT_DIR,
): Promise<Report> {
  const failed = report.exercises.filter((e) => e.status === "failed");
  const exercises = MANIFEST.filter((e) => failed.some((f) => f.id === e.id));
  let mistakes: Mistake[];
  try {
    mistakes = await listMistakes(exercises, kitDir);
  } catch {
    return report;
  }
  if (mistakes.length === 0) return report;
  let graded: Report;
  try {
    const sources: Record<string, string> = {};
    for (const m of mistakes) sources[m.file] = (await loadMistake(m, kitDir)).source;
    const session = await GradingSession.open({ dir: `${kitDir}/solutions`, extraFiles: sources });
    try {
      // Under the exercise's own id: the same inputs as the learner's run.
      graded = await session.grade({
        seed,
        exercises: mistakes.map((m) => ({ ...m.exercise, file: m.file })),
      });
    } finally {
      await session.close();
    }
  } catch {
    return report; // a stale mistake, a sandbox that would not start: no matching, same report
  }
  const kinds = await Promise.all(mistakes.map(async (m) => (await loadMistake(m, kitDir)).kind));
  return {
    ...report,
    exercises: report.exercises.map((e) => {
      const i = mistakes.findIndex((m, k) =>
        m.exercise.id === e.id && graded.exercises[k] && failsAlike(e, graded.exercises[k])
      );
      if (i < 0) return e;
      const m = mistakes[i];
      return {
        ...e,
        knownMistake: {
          name: m.name,
          kind: kinds[i],
          about: about(`${kitDir}/solutions/${m.file}`),
        },
      };
    }),
  };
}
