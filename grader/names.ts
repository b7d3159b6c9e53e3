/**
 * Names as a learner types them: an exercise as its id (`mse_loss`), its number (`9`, `09`), its
 * file name (`08_mse_loss`, `08_mse_loss.ts`) or its path (`exercises/08_mse_loss.ts`); and
 * "did you mean" for a name or an option that is close to a known one (`mse`, `--sed`).
 *
 * @module
 */

/** What {@linkcode resolveName} needs of an exercise. */
export interface Named {
  id: string;
  file: string;
}

/** The exercise's number: the digits its file name starts with (`08_mse_loss.ts` → 7). */
function numberOf(file: string): number | undefined {
  const m = /^(\d+)_/.exec(file);
  return m ? Number(m[1]) : undefined;
}

/**
 * The exercise a name means, or undefined: an id, a number, a file name with or without `.ts`,
 * or a path whose last part is one of those (`exercises/08_mse_loss.ts`, `./08_mse_loss.ts`).
 *
 * @example
 * ```ts
 * resolveName("07", [{ id: "mse_loss", file: "08_mse_loss.ts" }]); // the mse_loss entry
 * ```
 */
export function resolveName<E extends Named>(name: string, exercises: readonly E[]): E | undefined {
  const last = name.replace(/\/+$/, "").split("/").pop() ?? "";
  const bare = last.replace(/\.(ts|js)$/, "");
  if (/^\d+$/.test(bare)) return exercises.find((e) => numberOf(e.file) === Number(bare));
  return exercises.find((e) => e.id === bare || e.file.replace(/\.ts$/, "") === bare);
}

/** The edit distance between two words (insertions, deletions, substitutions, swaps). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * The known words a typed word most likely meant, best first (at most three): words that
 * contain it or that it starts (three letters or more), then words within an edit distance of
 * about a third of their length. Empty when nothing is close.
 *
 * @example
 * ```ts
 * closest("mse", ["mse_loss", "relu"]); // ["mse_loss"]
 * closest("sed", ["seed", "dir"]); // ["seed"]
 * ```
 */
export function closest(typed: string, known: readonly string[]): string[] {
  const word = typed.toLowerCase();
  const scored: [string, number][] = [];
  for (const k of known) {
    const key = k.toLowerCase();
    const distance = editDistance(word, key);
    if (word.length >= 3 && (key.includes(word) || word.startsWith(key))) {
      scored.push([k, distance - 100]); // a part of it: before any typo
    } else if (distance <= Math.max(1, Math.floor(key.length / 3))) {
      scored.push([k, distance]);
    }
  }
  return scored.sort((a, b) => a[1] - b[1]).slice(0, 3).map(([k]) => k);
}

/** `; did you mean "a" or "b"?`, or "" when no known word is close. */
export function didYouMean(typed: string, known: readonly string[], prefix = ""): string {
  const near = closest(typed.replace(/^-+/, ""), known);
  if (near.length === 0) return "";
  const quoted = near.map((n) => `"${prefix}${n}"`);
  const last = quoted.pop();
  return `; did you mean ${quoted.length ? `${quoted.join(", ")} or ` : ""}${last}?`;
}
