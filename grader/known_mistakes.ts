/**
 * Known mistakes as patches of their solution. A known mistake
 * (`solutions/mistakes/<id>/<name>.ts`) holds no copy of the solution: it exports a
 * {@linkcode KnownMistake}, its kind label and the few lines the learner wrote differently, each
 * beside the solution's lines they replace. The learner's whole file is made at load time
 * ({@linkcode applyPatch}): the current solution with those lines replaced.
 *
 * **Why a patch, and why of whole lines.** The old form copied one function's whole body to change
 * a line, so a fix to a solution silently left its mistakes testing the old code. A patch keeps
 * what a learner reads (the wrong line, next to the right one) and nothing else, and it cannot go
 * stale quietly: every replaced block must occur in the current solution verbatim, exactly once,
 * or loading the mistake throws {@linkcode StaleMistake}, naming the file and the lines it could
 * not find, and the catalogue check fails. The other way round, importing the solution's helpers
 * and re-implementing one step, would need each solution cut into helpers at the places learners
 * go wrong, and still copies the rest of the step.
 *
 * A block is written as a template literal whose first and last line breaks are dropped, so it is
 * set out as the code it stands for. Replacements apply to the solution as it is, never to each
 * other's results, and may not overlap.
 *
 * @example
 * ```ts
 * import type { KnownMistake } from "./known_mistakes.ts";
 * // A mistake of the scaffold `deno task new` writes: the gradient lost its 2.
 * export const mistake: KnownMistake = {
 *   kind: "missing-factor",
 *   patch: [{
 *     solution: `
 *   return { loss: x.square().sum(), dX: x.mul(2) };
 * `,
 *     learner: `
 *   return { loss: x.square().sum(), dX: x };
 * `,
 *   }],
 * };
 * ```
 *
 * @module
 */

import { isMistakeKind, MISTAKE_KINDS, type MistakeKind } from "./mistake_kinds.ts";

/** Lines of the solution and the lines the learner wrote in their place. */
export interface Replacement {
  /** Whole consecutive lines of the solution, verbatim; they must occur exactly once. */
  solution: string;
  /** What the learner wrote instead (empty: the lines are deleted). */
  learner: string;
}

/** What a known mistake's file exports as `mistake`. */
export interface KnownMistake {
  /** What kind of mistake it is, from the shared list. */
  kind: MistakeKind;
  /** The replacements that turn the solution into the learner's file. */
  patch: readonly Replacement[];
}

/** A known mistake that no longer fits its solution, or is not written as one. */
export class StaleMistake extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaleMistake";
  }
}

/** The lines of a block: one leading and one trailing line break are layout, not content. */
export function blockLines(block: string): string[] {
  const text = block.replace(/^\r?\n/, "").replace(/\r?\n$/, "");
  return text === "" ? [] : text.split("\n");
}

/** Where `block` occurs in `lines`, as the index of its first line; every occurrence. */
function occurrences(lines: readonly string[], block: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + block.length <= lines.length; i++) {
    if (block.every((l, k) => lines[i + k] === l)) found.push(i);
  }
  return found;
}

/**
 * The learner's file: `solution` with each replacement of `patch` applied. Throws
 * {@linkcode StaleMistake}, naming `where` (the mistake's file), when a block is empty, is not
 * in the solution, occurs more than once, or overlaps another.
 */
export function applyPatch(solution: string, patch: readonly Replacement[], where: string): string {
  const lines = solution.split("\n");
  const spans: { at: number; length: number; learner: string[] }[] = [];
  for (const [k, r] of patch.entries()) {
    const block = blockLines(r.solution);
    const shown = block.map((l) => `      ${l}`).join("\n");
    const which = `replacement ${k + 1} of ${patch.length}`;
    if (block.length === 0) {
      throw new StaleMistake(`${where}: ${which} replaces no lines of the solution`);
    }
    const at = occurrences(lines, block);
    if (at.length === 0) {
      throw new StaleMistake(
        `${where}: ${which} is stale: the solution no longer has the lines\n${shown}\n` +
          `    (the solution changed: write the mistake again against its current lines)`,
      );
    }
    if (at.length > 1) {
      throw new StaleMistake(
        `${where}: ${which} matches ${at.length} places of the solution (lines ` +
          `${at.map((i) => i + 1).join(", ")}); add a line around it to say which:\n${shown}`,
      );
    }
    spans.push({ at: at[0], length: block.length, learner: blockLines(r.learner) });
  }
  spans.sort((a, b) => a.at - b.at);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].at < spans[i - 1].at + spans[i - 1].length) {
      throw new StaleMistake(
        `${where}: two replacements overlap at line ${spans[i].at + 1} of the solution`,
      );
    }
  }
  for (const s of spans.reverse()) lines.splice(s.at, s.length, ...s.learner);
  return lines.join("\n");
}

/**
 * The `mistake` a module exports, checked: a kind from {@linkcode MISTAKE_KINDS} and a list of
 * replacements. Throws {@linkcode StaleMistake} naming `where` otherwise.
 */
export function asKnownMistake(exported: unknown, where: string): KnownMistake {
  const m = exported as Partial<KnownMistake> | undefined;
  if (typeof m !== "object" || m === null) {
    throw new StaleMistake(
      `${where}: exports no \`mistake\` (a KnownMistake: its kind and its patch of the solution)`,
    );
  }
  if (!isMistakeKind(m.kind)) {
    throw new StaleMistake(
      `${where}: ${
        m.kind === undefined ? "no kind label" : `the kind "${String(m.kind)}" is not one`
      } of the shared list (grader/mistake_kinds.ts): ${Object.keys(MISTAKE_KINDS).join(", ")}`,
    );
  }
  const patch = m.patch;
  if (
    !Array.isArray(patch) || patch.length === 0 ||
    !patch.every((r) => typeof r?.solution === "string" && typeof r?.learner === "string")
  ) {
    throw new StaleMistake(
      `${where}: its patch must be a non-empty list of { solution, learner } blocks of lines`,
    );
  }
  return { kind: m.kind, patch };
}

/**
 * The learner's file of a patch applied to a solution that lives two folders up
 * (`solutions/<file>`), to be written as `solutions/mistakes/<id>/<name>.ts`: the solution's own
 * relative imports (`./12_softmax_cross_entropy.ts`) are pointed back at the solutions' folder.
 */
export function relocated(source: string): string {
  return source.replace(/(\bfrom\s*["'])\.\//g, "$1../../");
}
