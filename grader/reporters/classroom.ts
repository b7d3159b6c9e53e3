/**
 * The GitHub Classroom view of a report: the result that GitHub Classroom's autograding
 * reporter (`classroom-resources/autograding-grading-reporter@v1`) reads, in the shape its own
 * graders (`autograding-command-grader`, `autograding-io-grader`) produce:
 *
 * ```jsonc
 * { "version": 1, "status": "pass" | "fail", "max_score": 160,
 *   "tests": [{ "name": "mse_loss: …", "status": "pass" | "fail" | "error", "score": 1.67,
 *               "message": "…", "test_code": "…", "filename": "exercises/08_mse_loss.ts",
 *               "line_no": 0, "duration": 6 }] }
 * ```
 *
 * One test per hidden test, worth its share of the exercise's points ({@linkcode testShares});
 * the reporter records the sum of the tests' `score`s out of `max_score`: the report's points.
 * (Its log table shows the fraction of tests passed times `max_score`, which differs when
 * exercises have different numbers of tests.) `test_code` is the command that grades the
 * exercise again on the same inputs (a secret run's needs the secret).
 *
 * The reporter reads the result base64-encoded, from an environment variable
 * `<RUNNER>_RESULTS` that the workflow fills from a step's output `result`:
 * {@linkcode classroomStepOutput} is the line to append to `$GITHUB_OUTPUT`. An environment
 * variable holds at most 128 KiB on Linux: messages are cut (first to
 * {@linkcode CLASSROOM_MESSAGE_CHARS} characters, shorter if need be) so that the encoded
 * result stays under {@linkcode CLASSROOM_MAX_ENCODED} bytes.
 *
 * @module
 */

import { clampText } from "../bounds.ts";
import { type ExerciseReport, type Report, testShares } from "../report.ts";
import { replayCommand } from "../cli_options.ts";
import { testProblem } from "./_common.ts";

/** One test of the result. */
export interface ClassroomTest {
  name: string;
  status: "pass" | "fail" | "error";
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

/** The result the reporter reads (decoded). */
export interface ClassroomResult {
  version: 1;
  status: "pass" | "fail";
  max_score: number;
  tests: ClassroomTest[];
}

/** The longest message a test keeps in the result. */
export const CLASSROOM_MESSAGE_CHARS = 300;

/** The longest the base64-encoded result may be, in bytes. */
export const CLASSROOM_MAX_ENCODED = 100_000;

/** The command that grades one exercise again on the same inputs. */
function testCode(report: Report, e: ExerciseReport): string {
  return replayCommand({ ids: [e.id], dir: report.dir, seed: report.seed, nonce: report.nonce });
}

function exerciseTests(
  report: Report,
  e: ExerciseReport,
  messageChars: number,
): ClassroomTest[] {
  const shares = testShares(e.maxPoints, e.tests.length);
  const duration = e.tests.length ? Math.round(e.durationMs / e.tests.length) : 0;
  const common = {
    test_code: testCode(report, e),
    filename: `${report.dir.replace(/\/+$/, "")}/${e.file}`,
    line_no: 0,
    duration,
  };
  return e.tests.map((t, i) => ({
    name: `${e.id}: ${t.name}`,
    status: t.status === "passed"
      ? "pass"
      : t.status === "error" || t.status === "timeout"
      ? "error"
      : "fail",
    score: t.status === "passed" ? shares[i] : 0,
    message: clampText(testProblem(e, t), messageChars),
    ...common,
  }));
}

function result(report: Report, messageChars: number): ClassroomResult {
  return {
    version: 1,
    status: report.summary.passed === report.summary.total ? "pass" : "fail",
    max_score: report.summary.maxPoints,
    tests: report.exercises.flatMap((e) => exerciseTests(report, e, messageChars)),
  };
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The result, its messages cut so that its encoding fits {@linkcode CLASSROOM_MAX_ENCODED},
 * and that encoding (compact JSON, UTF-8, base64).
 */
export function classroomResult(report: Report): { result: ClassroomResult; encoded: string } {
  for (let chars = CLASSROOM_MESSAGE_CHARS;; chars = Math.floor(chars / 2)) {
    const r = result(report, chars);
    const encoded = base64(JSON.stringify(r));
    if (encoded.length <= CLASSROOM_MAX_ENCODED || chars === 0) return { result: r, encoded };
  }
}

/** Renders the result as JSON (decoded; two-space indented, ending in a newline). */
export function renderClassroom(report: Report): string {
  return JSON.stringify(classroomResult(report).result, null, 2) + "\n";
}

/**
 * The line to append to `$GITHUB_OUTPUT`: the step's output `result`, the base64 of the
 * result (no line breaks, so GitHub's one-line `name=value` form holds it).
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile(Deno.env.get("GITHUB_OUTPUT")!, classroomStepOutput(report), {
 *   append: true,
 * });
 * ```
 */
export function classroomStepOutput(report: Report): string {
  return `result=${classroomResult(report).encoded}\n`;
}
