/**
 * A failure that comes from another exercise the file imports: when an exercise that did not
 * pass imports one that failed too (`failingImports`, see `withImports` in `grade.ts`), each of
 * its failed tests' diagnoses says so, and names the imported exercise's own mistake where its
 * tests name one (a wrong softmax in 08 fails the training loop of 16: the place to fix is 08).
 *
 * @module
 */

import type { ExerciseReport } from "../report.ts";
import { exerciseDiagnosis } from "./diagnose.ts";

/** The reports, each failed test of an exercise with a failing import diagnosed as coming from it. */
export function importedDiagnoses(reports: readonly ExerciseReport[]): ExerciseReport[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  return reports.map((r) => {
    const from = r.failingImports?.map((i) => byId.get(i.id)).find((d) => d !== undefined);
    if (!from) return r;
    const theirs = exerciseDiagnosis(from.tests);
    const origin = `this may come from exercise ${from.id} (${from.file}), which this file ` +
      `imports and which fails on its own`;
    return {
      ...r,
      tests: r.tests.map((t) => {
        if (t.status !== "failed" && t.status !== "error") return t;
        if (theirs) {
          return { ...t, diagnosis: { ...theirs, text: `${origin}: there, ${theirs.text}` } };
        }
        if (t.diagnosis) {
          return {
            ...t,
            diagnosis: { ...t.diagnosis, text: `${t.diagnosis.text} (but ${origin})` },
          };
        }
        return t;
      }),
    };
  });
}
