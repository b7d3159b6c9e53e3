/**
 * The JSON view of a report: the report model itself, with stable key order. The schema is in
 * the README ("The JSON report").
 *
 * @module
 */

import type { Report } from "../report.ts";

/** Renders the report as one JSON document (two-space indented, ending in a newline). */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}
