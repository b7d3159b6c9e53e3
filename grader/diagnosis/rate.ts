/**
 * How often the diagnosis names a known mistake: each labelled mistake of
 * `solutions/mistakes/` graded as a learner's file, the kind its failed tests name together
 * ({@linkcode exerciseDiagnosis}) compared with its label. The rate per kind and overall, and
 * how many got a wrong kind (a false diagnosis) rather than none.
 *
 * @module
 */

import { MISTAKE_KINDS, type MistakeKind } from "../mistake_kinds.ts";
import type { ExerciseReport } from "../report.ts";
import { exerciseDiagnosis } from "./diagnose.ts";

/** One graded mistake: its label and what the grader named. */
export interface NamedMistake {
  /** `<exercise id>/<mistake>`. */
  id: string;
  label: MistakeKind;
  /** The kind the grader named; undefined when it named none. */
  named?: MistakeKind;
}

/** The counts of one kind. */
export interface KindRate {
  kind: MistakeKind;
  /** Mistakes with this label. */
  total: number;
  /** Of them, named as this kind. */
  named: number;
  /** Of them, named as another kind. */
  wrong: number;
}

/** The labelled mistakes' graded reports, paired with their labels, as named mistakes. */
export function namedMistakes(
  reports: readonly ExerciseReport[],
  labels: readonly MistakeKind[],
): NamedMistake[] {
  if (reports.length !== labels.length) {
    throw new RangeError(
      `namedMistakes: ${reports.length} reports for ${labels.length} labels; pass one label per report`,
    );
  }
  return reports.map((r, i) => ({
    id: r.id,
    label: labels[i],
    named: exerciseDiagnosis(r.tests)?.kind,
  }));
}

/** The rate per kind (in the order of `MISTAKE_KINDS`, kinds with mistakes only) and overall. */
export function diagnosisRates(
  mistakes: readonly NamedMistake[],
): { kinds: KindRate[]; total: number; named: number; wrong: number } {
  const kinds: KindRate[] = [];
  for (const kind of Object.keys(MISTAKE_KINDS) as MistakeKind[]) {
    const own = mistakes.filter((m) => m.label === kind);
    if (own.length === 0) continue;
    const named = own.filter((m) => m.named === kind).length;
    const wrong = own.filter((m) => m.named !== undefined && m.named !== kind).length;
    kinds.push({ kind, total: own.length, named, wrong });
  }
  const named = mistakes.filter((m) => m.named === m.label).length;
  const wrong = mistakes.filter((m) => m.named !== undefined && m.named !== m.label).length;
  return { kinds, total: mistakes.length, named, wrong };
}

/** The rates as a table for the terminal (and the design document). */
export function rateTable(rates: ReturnType<typeof diagnosisRates>): string {
  const pct = (a: number, b: number) => `${Math.round((100 * a) / Math.max(1, b))}%`;
  const lines = [
    "kind               named / total   rate   named as another kind",
    ...rates.kinds.map((k) =>
      `${k.kind.padEnd(18)} ${String(k.named).padStart(5)} / ${String(k.total).padEnd(5)}  ` +
      `${pct(k.named, k.total).padStart(5)}   ${k.wrong}`
    ),
    `${"overall".padEnd(18)} ${String(rates.named).padStart(5)} / ${
      String(rates.total).padEnd(5)
    }  ${pct(rates.named, rates.total).padStart(5)}   ${rates.wrong}`,
  ];
  return lines.join("\n");
}
