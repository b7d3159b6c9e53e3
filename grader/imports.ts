/**
 * Which exercise files of a submission import which others (`import … from "./08_….ts"`), read
 * from the sources by the grader (never by running them): an exercise whose imported exercise
 * fails is told so, and one that imports another is graded with it.
 *
 * @module
 */

/** `source` without its comments, strings and template literals kept (so "//" in a URL stays). */
function withoutComments(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
      out += " ";
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && !(c !== "`" && source[j] === "\n")) {
        j += source[j] === "\\" ? 2 : 1;
      }
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The local modules a source imports or re-exports, as written ("./08_softmax.ts"): static
 * imports, `export … from`, and dynamic `import("…")` with a literal.
 *
 * @example
 * ```ts
 * localImports('import { f } from "./08_x.ts"; // import "./no.ts"'); // ["./08_x.ts"]
 * ```
 */
export function localImports(source: string): string[] {
  const code = withoutComments(source);
  const found = new Set<string>();
  // Linear: one run of spaces is matched one way only (`\s*\(?\s*` tries every split of a long
  // run of spaces, quadratic in its length: a learner's file must not make the grader spin).
  const pattern = /(?:\bfrom|\bimport)\s*(?:\(\s*)?["'](\.{1,2}\/[^"'\n]+)["']/g;
  for (let m; (m = pattern.exec(code)) !== null;) found.add(m[1]);
  return [...found];
}

/** What {@linkcode importGraph} needs of an exercise. */
export interface ExerciseFile {
  id: string;
  file: string;
}

/**
 * For each exercise whose file is in `dir`, the exercises it imports, directly or through other
 * files of the folder, in the order given (course order). Files that cannot be read import
 * nothing.
 */
export function importGraph<E extends ExerciseFile>(
  dir: string,
  exercises: readonly E[],
): Map<string, E[]> {
  const byFile = new Map(exercises.map((e) => [e.file, e]));
  const direct = new Map<string, string[]>(); // file → files of the folder it imports
  const read = (file: string): string[] => {
    let files = direct.get(file);
    if (files) return files;
    files = [];
    direct.set(file, files);
    try {
      for (const spec of localImports(Deno.readTextFileSync(`${dir}/${file}`))) {
        // Only files of the folder itself: "./x.ts" (the sandbox refuses the rest anyway).
        const m = /^\.\/([^/]+)$/.exec(spec);
        if (m) files.push(m[1]);
      }
    } catch {
      // not there, or not readable: imports nothing
    }
    return files;
  };
  const graph = new Map<string, E[]>();
  for (const e of exercises) {
    const seen = new Set<string>([e.file]);
    const queue = [...read(e.file)];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...read(file));
    }
    graph.set(e.id, exercises.filter((x) => x !== e && seen.has(x.file) && byFile.has(x.file)));
  }
  return graph;
}
