/**
 * The parameter names of an exercise's functions, read from its pristine stub's source, so
 * that messages name an argument as the learner reads it in the file ("argument x", not
 * "argument 2") without every spec listing them.
 *
 * @module
 */

/**
 * The exported functions of a TypeScript source and their parameter names, in order: only what
 * `export function name(a: T, b = 1, ...)` declares (doc comments and other text skipped).
 *
 * @example
 * ```ts
 * parameterNames("export function f(x: Matrix, h = 1e-5): Matrix {}"); // { f: ["x", "h"] }
 * ```
 */
export function parameterNames(source: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  const header = /export\s+function\s+([A-Za-z_$][\w$]*)\s*(?:<[^(]*>)?\s*\(/g;
  for (let m; (m = header.exec(code)) !== null;) {
    // The parameter list: up to the parenthesis that closes it.
    let depth = 1, i = header.lastIndex;
    const start = i;
    for (; i < code.length && depth > 0; i++) {
      const c = code[i];
      if (c === "(" || c === "{" || c === "[" || c === "<") depth++;
      else if (c === ")" || c === "}" || c === "]" || (c === ">" && code[i - 1] !== "=")) depth--;
    }
    const list = code.slice(start, i - 1);
    const names: string[] = [];
    let level = 0, part = "";
    let previous = "";
    for (const c of list + ",") {
      if (c === "(" || c === "{" || c === "[" || c === "<") level++;
      if (c === ")" || c === "}" || c === "]" || (c === ">" && previous !== "=")) level--;
      previous = c;
      if (c === "," && level === 0) {
        const name = /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(part)?.[1];
        if (name) names.push(name);
        part = "";
      } else part += c;
    }
    out[m[1]] = names;
  }
  return out;
}

const cache = new Map<string, Record<string, string[]>>();

/** {@linkcode parameterNames} of the file at `path`, read once; none when it cannot be read. */
export function stubParameters(path: string): Record<string, string[]> {
  let names = cache.get(path);
  if (names === undefined) {
    try {
      names = parameterNames(Deno.readTextFileSync(path));
    } catch {
      names = {};
    }
    cache.set(path, names);
  }
  return names;
}
