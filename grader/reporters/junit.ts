/**
 * The JUnit XML view of a report, as CI servers read test results (the `junit-4.xsd` schema
 * Jenkins publishes, which GitLab, Azure Pipelines and most other readers accept):
 *
 * - `<testsuites name="gradkit">` with the run's totals (tests, failures, errors, time);
 * - one `<testsuite>` per exercise: `name` its id, `tests`, `failures`, `errors`, `skipped`,
 *   `time` (seconds), `<properties>` (title, file, points, and where the hidden inputs came
 *   from: the seed, or a secret run's nonce, never the secret), and what the code printed in
 *   `<system-out>`;
 * - one `<testcase>` per hidden test: `classname` the exercise id, `name` the test's, `time` an
 *   even share of the exercise's time (the report times exercises, not tests); inside, for a
 *   test that failed `<failure>`, that errored or ran out of time `<error>` (also a test not run
 *   because its exercise stopped: it did not load, or hit a limit), and for a test not started
 *   or not run otherwise `<skipped>`, each with the message in `message` and, in its text, the
 *   message, notes and hint.
 *
 * Learner text can hold any code point: everything is escaped, and the characters XML 1.0
 * forbids (most control characters, lone surrogates, U+FFFE, U+FFFF) are written as visible
 * escapes (`\x1b`, `\ud800`) instead.
 *
 * @module
 */

import type { ExerciseReport, Report, TestReport } from "../report.ts";
import { testProblem } from "./_common.ts";

/** What a test counts as in JUnit. */
type Outcome = "passed" | "failure" | "error" | "skipped";

function outcome(e: ExerciseReport, t: TestReport): Outcome {
  switch (t.status) {
    case "passed":
      return "passed";
    case "failed":
      return "failure";
    case "error":
    case "timeout":
      return "error";
    case "not_started":
      return "skipped";
    case "not_run":
      return e.status === "error" || e.status === "timeout" ? "error" : "skipped";
  }
}

/**
 * `text` with what XML 1.0 forbids written as visible escapes: C0 controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
export function xmlChars(text: string): string {
  return text.replace(
    // deno-lint-ignore no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => {
      const code = c.charCodeAt(0);
      return code < 0x100
        ? `\\x${code.toString(16).padStart(2, "0")}`
        : `\\u${code.toString(16).padStart(4, "0")}`;
    },
  );
}

/** Text for an element's content. */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/[&<>\r]/g, (c) => ENTITIES[c]);
}

/** Text for an attribute's value in double quotes (line breaks and tabs kept, as references). */
export function xmlAttr(text: string): string {
  return xmlChars(text).replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values).map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join("");
}

function time(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function counts(e: ExerciseReport): Counts {
  const of = (o: Outcome) => e.tests.filter((t) => outcome(e, t) === o).length;
  return {
    tests: e.tests.length,
    failures: of("failure"),
    errors: of("error"),
    skipped: of("skipped"),
  };
}

function testcase(e: ExerciseReport, t: TestReport, ms: number): string {
  const head = `    <testcase${attrs({ name: t.name, classname: e.id, time: time(ms) })}`;
  const o = outcome(e, t);
  if (o === "passed") return `${head}/>`;
  const message = testProblem(e, t);
  const body = [message, ...(t.notes ?? []).map((n) => `note: ${n}`)];
  if (e.hint) body.push(`hint: ${e.hint}`);
  const element = o === "skipped"
    ? `<skipped${attrs({ message })}/>`
    : `<${o}${attrs({ message, type: t.status })}>${xmlText(body.join("\n"))}</${o}>`;
  return `${head}>\n      ${element}\n    </testcase>`;
}

function testsuite(report: Report, e: ExerciseReport): string {
  const c = counts(e);
  const properties: Record<string, string | number> = {
    title: e.title,
    file: e.file,
    status: e.status,
    points: e.points,
    maxPoints: e.maxPoints,
    inputs: report.inputs,
    ...(report.inputs === "secret" ? { nonce: report.nonce ?? "" } : { seed: report.seed ?? "" }),
  };
  const lines = [
    `  <testsuite${attrs({ name: e.id, ...c, time: time(e.durationMs) })}>`,
    "    <properties>",
    ...Object.entries(properties).map(([name, value]) =>
      `      <property${attrs({ name: `gradkit.${name}`, value })}/>`
    ),
    "    </properties>",
  ];
  const share = e.tests.length ? e.durationMs / e.tests.length : 0;
  for (const t of e.tests) lines.push(testcase(e, t, share));
  if (e.output) lines.push(`    <system-out>${xmlText(e.output)}</system-out>`);
  if (e.message && e.tests.length === 0) {
    lines.push(`    <system-err>${xmlText(e.message)}</system-err>`);
  }
  lines.push("  </testsuite>");
  return lines.join("\n");
}

/**
 * Renders the report as a JUnit XML document (UTF-8, ending in a newline).
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile("junit.xml", renderJunit(report));
 * ```
 */
export function renderJunit(report: Report): string {
  const total = report.exercises.map(counts).reduce(
    (a, c) => ({
      tests: a.tests + c.tests,
      failures: a.failures + c.failures,
      errors: a.errors + c.errors,
      skipped: a.skipped + c.skipped,
    }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${
      attrs({
        name: "gradkit",
        tests: total.tests,
        failures: total.failures,
        errors: total.errors,
        time: time(report.durationMs),
      })
    }>`,
    ...report.exercises.map((e) => testsuite(report, e)),
    "</testsuites>",
    "",
  ].join("\n");
}
