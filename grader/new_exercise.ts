/**
 * `deno task new <id>`: scaffolds an exercise that grades out of the box: the stub (in
 * `grader/stubs/` and `exercises/`), a solution, a spec with the usual tests and three hint
 * tiers, three placeholder mistakes (patches of the solution of kind `placeholder`, which
 * `deno task verify` refuses until they are written) and a manifest entry at the end of the
 * course. Every file says, in comments, what to fill in. The file is
 * named `<id>.ts`: the manifest gives the course's order, not a number.
 *
 * @module
 */

import { KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import { PLACEHOLDER, STUB_LINT_IGNORE } from "./verify.ts";

function camel(id: string): string {
  return id.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function pascal(id: string): string {
  const c = camel(id);
  return c[0].toUpperCase() + c.slice(1);
}

function stub(id: string): string {
  const fn = camel(id);
  return `${STUB_LINT_IGNORE}
/**
 * # ${id} (TODO: the title)
 *
 * TODO: teach the idea, state the forward exactly, then pin every convention the tests check
 * (mean or sum over the batch, ½ factors, label encoding, shapes, whether inputs may be
 * modified), with a worked example of the forward. State no backward formula and no answer
 * gradient: the learner derives them (the hints' tier 3 gives the formula).
 *
 * The scaffold's example: L = Σᵢⱼ x[i,j]² (summed, no ½ factor), and dX = ∂L/∂x.
 *
 * @module
 */

import { type Matrix, todo } from "@gradkit/lib";

/** What {@linkcode ${fn}} returns. */
export interface ${pascal(id)}Result {
  /** The loss L, a number. */
  loss: number;
  /** ∂L/∂x, the same shape as \`x\`. */
  dX: Matrix;
}

/**
 * The loss of \`x\` (N×D) and its gradient. Do not modify \`x\`.
 */
export function ${fn}(x: Matrix): ${pascal(id)}Result {
  todo("${fn}");
}
`;
}

/** The scaffold solution's line that the placeholder mistakes patch. */
const SOLUTION_LINE = "  return { loss: x.square().sum(), dX: x.mul(2) };";

function solution(id: string): string {
  const fn = camel(id);
  return `/**
 * # ${id} (solution)
 *
 * TODO: the solution. The scaffold's: L = Σ x², dX = 2x.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";

/** What {@linkcode ${fn}} returns. */
export interface ${pascal(id)}Result {
  /** The loss L, a number. */
  loss: number;
  /** ∂L/∂x, the same shape as \`x\`. */
  dX: Matrix;
}

/** The loss of \`x\` (N×D) and its gradient. */
export function ${fn}(x: Matrix): ${pascal(id)}Result {
${SOLUTION_LINE}
}
`;
}

function spec(id: string): string {
  const fn = camel(id);
  return `/**
 * Hidden tests of ${id}. TODO: say what the tests choose and why (see docs/INSTRUCTORS.md, "What
 * the hidden tests do"): shapes pairwise different, random upstream gradients, no kinks, values
 * and gradients in tests of their own.
 *
 * @module
 */

import { type Matrix, randomMatrix } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";

/** The reference loss. It reads \`x.data\` when called: the checker moves x in place. */
function reference(x: Matrix): number {
  let total = 0;
  for (const v of x.data) total += v * v;
  return total;
}

/** Calls the learner and returns the checked loss and gradient. */
async function call(t: TestContext, x: Matrix): Promise<{ loss: number; dX: Matrix }> {
  const out = t.expectObject(await t.call("${fn}", x), "${fn}(x)", ["loss", "dX"]);
  const loss = t.expectNumber(out.loss, "loss");
  const dX = t.expectMatrix(out.dX, "dX", [x.rows, x.cols]);
  return { loss, dX };
}

// TODO: three hint tiers, each more telling: the idea or rule to apply (no formula), the local
// gradient or a worked tiny case, the formula. Add the formula's fragments to FORMULAS in
// grader/formulas.ts: the test keeps them out of the stub and out of tiers 1 and 2.
const HINTS: [string, string, string] = [
  "Write the loss for one entry first, then ask which terms of the sum contain x[i,j].",
  "Only x[i,j]² contains x[i,j]: nudge it from 3 to 3.001 and the loss grows by about 0.006.",
  "dX = 2x, entry by entry: x.mul(2).",
];

export const spec: ExerciseSpec = {
  id: "${id}",
  exports: ["${fn}"],
  hint: HINTS[0],
  hints: HINTS,
  tests: [
    {
      name: "loss value on a batch with N ≠ D",
      async run(t) {
        const x = randomMatrix(t.rng, 5, 3);
        const { loss } = await call(t, x);
        t.expectClose("loss (N = 5, D = 3)", loss, reference(x));
      },
    },
    {
      name: "dX on a batch with N ≠ D",
      async run(t) {
        const x = randomMatrix(t.rng, 4, 6);
        const { dX } = await call(t, x);
        t.expectGradient("dX (N = 4, D = 6)", dX, () => reference(x), x);
      },
    },
    {
      name: "a batch of one: value and dX",
      async run(t) {
        const x = randomMatrix(t.rng, 1, 5);
        const { loss, dX } = await call(t, x);
        t.expectClose("loss (N = 1, D = 5)", loss, reference(x));
        t.expectGradient("dX (N = 1, D = 5)", dX, () => reference(x), x);
      },
    },
    {
      name: "several random shapes: value and dX",
      async run(t) {
        for (let k = 0; k < 3; k++) {
          const x = randomMatrix(t.rng, t.rng.int(2, 9), t.rng.int(1, 7), { scale: 3 });
          const { loss, dX } = await call(t, x);
          const shape = \`N = \${x.rows}, D = \${x.cols}\`;
          t.expectClose(\`loss (\${shape})\`, loss, reference(x));
          t.expectGradient(\`dX (\${shape})\`, dX, () => reference(x), x);
        }
      },
    },
  ],
};
`;
}

function mistake(id: string, k: number): string {
  return `/**
 * ${PLACEHOLDER} ${k}: replace this comment's first line with what the mistake gets wrong, the
 * kind with one of grader/mistake_kinds.ts, and the patch with the solution's lines the mistake
 * changes (verbatim) and what a learner would write instead (see the other exercises' mistakes);
 * \`deno task verify ${id}\` refuses the exercise until you do.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "placeholder",
  patch: [
    {
      solution: \`
${SOLUTION_LINE}
\`,
      learner: \`
${SOLUTION_LINE}
\`,
    },
  ],
};
`;
}

/** Adds the spec's import and an entry at the end of the course to the manifest's text. */
export function addToManifest(text: string, id: string, file: string): string {
  const imports = [...text.matchAll(/^import \{ spec as \w+ \} from "\.\/specs\/\w+\.ts";\n/gm)];
  const last = imports.at(-1);
  const end = text.indexOf("\n];\n", text.indexOf("export const MANIFEST"));
  if (!last || end < 0) throw new Error("grader/manifest.ts is not laid out as expected");
  const at = last.index! + last[0].length;
  const entry = `  {
    id: "${id}",
    file: "${file}",
    title: "TODO: the title",
    concept: "TODO: the idea it teaches, in a line",
    points: 10,
    spec: ${camel(id)},
  },`;
  return text.slice(0, at) + `import { spec as ${camel(id)} } from "./specs/${id}.ts";\n` +
    text.slice(at, end) + `\n${entry}` + text.slice(end);
}

/**
 * Adds exercise `file`'s stub and solution to `solutions/stub_types_test.ts` (its text), whose
 * type check proves they export the same functions with the same types.
 */
export function addToStubTypes(text: string, id: string, file: string): string {
  const imports = [...text.matchAll(/^import \* as \w+ from "\.\/[\w.]+";\n/gm)];
  const last = imports.at(-1);
  const end = text.indexOf("\n};\n", text.indexOf("const PAIRS"));
  if (!last || end < 0) throw new Error("solutions/stub_types_test.ts is not laid out as expected");
  const at = last.index! + last[0].length;
  const name = camel(id);
  return text.slice(0, at) +
    `import * as ${name}Stub from "../grader/stubs/${file}";\n` +
    `import * as ${name}Solution from "./${file}";\n` +
    text.slice(at, end) +
    `\n  "${file}": [\n    ${name}Stub satisfies typeof ${name}Solution,\n` +
    `    ${name}Solution satisfies typeof ${name}Stub,\n  ],` +
    text.slice(end);
}

/** Writes the scaffold of exercise `id` into the kit; returns the paths written. */
export async function scaffold(id: string, kitDir = KIT_DIR): Promise<string[]> {
  if (!/^[a-z][a-z0-9_]*$/.test(id)) {
    throw new Error(`the id must be snake_case (a-z, 0-9, _), got "${id}"`);
  }
  if (MANIFEST.some((e) => e.id === id)) throw new Error(`the course has ${id} already`);
  const file = `${id}.ts`;
  const files: Record<string, string> = {
    [`${STUBS_DIR}/${file}`]: stub(id),
    [`exercises/${file}`]: stub(id),
    [`solutions/${file}`]: solution(id),
    [`grader/specs/${id}.ts`]: spec(id),
  };
  for (const k of [1, 2, 3]) {
    files[`solutions/mistakes/${id}/placeholder_${k}.ts`] = mistake(id, k);
  }
  for (const path of Object.keys(files)) {
    try {
      Deno.statSync(`${kitDir}/${path}`);
      throw new Error(`${path} is there already`);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  const manifest = `${kitDir}/grader/manifest.ts`;
  const updated = addToManifest(await Deno.readTextFile(manifest), id, file);
  const stubTypes = `${kitDir}/solutions/stub_types_test.ts`;
  const typesUpdated = addToStubTypes(await Deno.readTextFile(stubTypes), id, file);
  for (const [path, text] of Object.entries(files)) {
    await Deno.mkdir(`${kitDir}/${path.slice(0, path.lastIndexOf("/"))}`, { recursive: true });
    await Deno.writeTextFile(`${kitDir}/${path}`, text);
  }
  await Deno.writeTextFile(manifest, updated);
  await Deno.writeTextFile(stubTypes, typesUpdated);
  return [...Object.keys(files), "grader/manifest.ts", "solutions/stub_types_test.ts"];
}

if (import.meta.main) {
  const [id, ...rest] = Deno.args;
  if (!id || rest.length > 0 || id.startsWith("-")) {
    console.error("Usage: deno task new <id>   (a new exercise id in snake_case, e.g. huber_loss)");
    Deno.exit(2);
  }
  try {
    const written = await scaffold(id);
    console.log(`scaffolded ${id}:\n${written.map((p) => `  ${p}`).join("\n")}`);
    console.log(
      `next: fill in every TODO, write the three mistakes, then deno task verify ${id}`,
    );
  } catch (e) {
    console.error(`new: ${(e as Error).message}`);
    Deno.exit(2);
  }
}
