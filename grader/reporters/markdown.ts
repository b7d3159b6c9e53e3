/**
 * The Markdown view of a report: a summary for a CI job's summary page (GitHub Actions'
 * `$GITHUB_STEP_SUMMARY`, GitLab and others render GitHub-flavoured Markdown). A heading with
 * the totals, a table of the exercises (status, tests passed, points, the first reason each
 * did not pass), where the hidden inputs came from (a secret run's nonce, never the secret),
 * the skipped files and the replay command.
 *
 * Learner text is escaped for a table cell: every character with a meaning inside a line of
 * Markdown or HTML is backslash-escaped (so no emphasis, code, link, image, autolink, math, HTML
 * tag, entity or `|` column break comes from it), line breaks become `<br>`, control characters
 * visible escapes, and a reason keeps its first {@linkcode MARKDOWN_REASON_CHARS} characters.
 *
 * @module
 */

import { clampText } from "../bounds.ts";
import type { ExerciseStatus, Report } from "../report.ts";
import { firstProblem, inputsText, seconds, summaryText, type ViewContext } from "./_common.ts";
import { caseLines } from "./_case.ts";

/** The longest first failure shown per exercise. */
export const MARKDOWN_REASON_CHARS = 300;

const STATUS: Record<ExerciseStatus, string> = {
  passed: "✅ passed",
  failed: "❌ failed",
  not_started: "⬜ not started",
  error: "💥 error",
  timeout: "⏱️ timeout",
};

/**
 * Text made safe for a cell of a Markdown table: what Markdown or HTML reads inside a line
 * backslash-escaped (emphasis, code, links, autolinks, math, tags, entities, `|`), line breaks
 * as `<br>`, control characters as `\xNN`.
 *
 * @example
 * ```ts
 * markdownCell("a | b\n<script>"); // "a \\| b<br>\\<script\\>"
 * ```
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()!|<>&~$@]|:(?=\/\/)|(?<=www)\./gi, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "<br>")
    .replace(
      // deno-lint-ignore no-control-regex
      /[\u0000-\u001f\u007f-\u009f]/g,
      (c) => `\\\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
    );
}

/** A fenced code block holding `text` on one line, whatever backticks it holds. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}sh\n${text.replace(/[\r\n]+/g, " ")}\n${fence}`;
}

/**
 * Renders the report as a Markdown summary (ending in a newline).
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile(Deno.env.get("GITHUB_STEP_SUMMARY")!, renderMarkdown(report), {
 *   append: true,
 * });
 * ```
 */
export function renderMarkdown(report: Report, context: ViewContext = {}): string {
  const s = report.summary;
  const out = [
    `## gradkit: ${s.points}/${s.maxPoints} points, ${s.passed}/${s.total} exercises passed`,
    "",
    `Graded ${markdownCell(report.dir)} with ${markdownCell(inputsText(report))} in ` +
    `${seconds(report.durationMs).toFixed(2)} s.`,
    "",
    "| exercise | status | tests passed | points | first failure |",
    "| --- | --- | ---: | ---: | --- |",
  ];
  for (const e of report.exercises) {
    const passed = e.tests.filter((t) => t.status === "passed").length;
    const reason = clampText(firstProblem(e), MARKDOWN_REASON_CHARS);
    out.push(
      `| ${markdownCell(e.id)} | ${STATUS[e.status]} | ${passed}/${e.tests.length} | ` +
        `${e.points}/${e.maxPoints} | ${markdownCell(reason)} |`,
    );
  }
  out.push(
    `| **total** | | | **${s.points}/${s.maxPoints}** | ${summaryText(report)} |`,
  );
  if (report.skippedFiles.length > 0) {
    out.push("", "Skipped files:", "");
    for (const f of report.skippedFiles) out.push(`- ${markdownCell(f)}`);
  }
  // Each exercise's smallest failing case (see `shrink.ts`), as the terminal shows it.
  for (const e of report.exercises) {
    for (const t of e.tests) {
      if (!t.case) continue;
      const lines = caseLines(t.case).join("\n").replaceAll("`", "'");
      out.push("", `${markdownCell(e.id)}, ${markdownCell(t.name)}:`, "", "```text", lines, "```");
    }
  }
  if (context.replay) out.push("", "Replay exactly:", "", codeBlock(context.replay));
  return out.join("\n") + "\n";
}
