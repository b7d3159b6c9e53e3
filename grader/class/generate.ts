/**
 * A generated class: many submissions built from the kit's own files, for the class command's
 * benchmark and tests. Each submission is a mix of solved exercises (`solutions/`), known
 * mistakes (`solutions/mistakes/`), untouched stubs (`exercises/`) and, in some, a mistake whose
 * verdict depends on the inputs drawn (an `mse_loss` that is wrong only when the first
 * prediction is above its target), so that a resumed class run that drew other inputs would show.
 * None of them loops, exhausts memory or floods its output: every one is graded in about the time
 * the kit's answers take.
 *
 * Half the submissions are laid out as a learner's repository (`<name>/exercises/…`, beside a
 * README and a `deno.json` that the class command ignores), half as the exercises folder itself.
 *
 * @module
 */

import { MANIFEST, STUBS_DIR } from "../manifest.ts";
import { listMistakes, mistakeSources } from "../verify.ts";
import { Rng } from "@gradkit/lib";

const KIT_DIR = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** What a generated submission is. */
export type GeneratedKind = "solved" | "unstarted" | "partial" | "mistakes" | "input_dependent";

/** One generated submission. */
export interface GeneratedSubmission {
  /** Its folder's name in the class folder. */
  name: string;
  kind: GeneratedKind;
  /** Whether it is a repository root (`exercises/` inside) or the exercises folder itself. */
  layout: "repository" | "exercises";
}

/** How {@linkcode generateClass} builds a class. */
export interface GenerateOptions {
  /** Submissions to write. */
  count: number;
  /** Seed of the mix (which kinds, which mistakes); default 1. */
  seed?: number;
  /** Name prefix: `learner-001`, `learner-002`, … by default. */
  prefix?: string;
}

/** The kinds in the order they are dealt: every kind appears in a class of five or more. */
const KINDS: readonly GeneratedKind[] = [
  "solved",
  "mistakes",
  "unstarted",
  "partial",
  "input_dependent",
];

/** `from "../../NN_x.ts"` in a known mistake's learner file: an import of another solution. */
const SOLUTION_IMPORT = /(["'])\.\.\/\.\.\/(\d\d_[a-z0-9_]+\.ts)\1/g;

/** An `mse_loss` that is right unless the first prediction is above its target. */
const INPUT_DEPENDENT_MSE =
  `/** Right unless pred[0,0] > target[0,0]: then the loss is half what it should be. */
export * from "./ref/08_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import { mseLoss as reference, type MseResult } from "./ref/08_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const out = reference(pred, target);
  return pred.data[0] > target.data[0] ? { ...out, loss: out.loss / 2 } : out;
}
`;

/** The kit's files a generator reads, read once. */
interface Sources {
  solutions: Map<string, string>;
  stubs: Map<string, string>;
  /** Known mistakes' learner files by exercise id, each importing other solutions from `./ref/`. */
  mistakes: Map<string, string[]>;
}

async function readSources(): Promise<Sources> {
  const solutions = new Map<string, string>();
  const stubs = new Map<string, string>();
  const mistakes = new Map<string, string[]>();
  for (const e of MANIFEST) {
    solutions.set(e.file, Deno.readTextFileSync(`${KIT_DIR}/solutions/${e.file}`));
    stubs.set(e.file, Deno.readTextFileSync(`${KIT_DIR}/${STUBS_DIR}/${e.file}`));
    const known = await listMistakes([e], KIT_DIR);
    const texts = Object.values(await mistakeSources(known, KIT_DIR));
    mistakes.set(e.id, texts.map((t) => t.replace(SOLUTION_IMPORT, `$1./ref/$2$1`)));
  }
  return { solutions, stubs, mistakes };
}

/** The exercise files of one submission of `kind` (file name → text), drawn from `rng`. */
function filesOf(kind: GeneratedKind, rng: Rng, src: Sources): Map<string, string> {
  const files = new Map<string, string>();
  const solved = (file: string) => files.set(file, src.solutions.get(file)!);
  const withRef = () => {
    for (const [file, text] of src.solutions) files.set(`ref/${file}`, text);
  };
  switch (kind) {
    case "solved":
      for (const e of MANIFEST) solved(e.file);
      break;
    case "unstarted":
      for (const [file, text] of src.stubs) files.set(file, text);
      break;
    case "partial": {
      // The first k exercises done, the rest untouched: a learner halfway through the course.
      const k = 1 + Math.floor(rng.next() * (MANIFEST.length - 1));
      for (const [i, e] of MANIFEST.entries()) {
        files.set(e.file, i < k ? src.solutions.get(e.file)! : src.stubs.get(e.file)!);
      }
      break;
    }
    case "mistakes": {
      for (const e of MANIFEST) solved(e.file);
      withRef();
      const wrong = 1 + Math.floor(rng.next() * 3);
      for (let i = 0; i < wrong; i++) {
        const e = MANIFEST[Math.floor(rng.next() * MANIFEST.length)];
        const known = src.mistakes.get(e.id)!;
        if (known.length > 0) files.set(e.file, known[Math.floor(rng.next() * known.length)]);
      }
      break;
    }
    case "input_dependent":
      for (const e of MANIFEST) solved(e.file);
      withRef();
      files.set("08_mse_loss.ts", INPUT_DEPENDENT_MSE);
      break;
  }
  return files;
}

/**
 * Writes a class of `options.count` submissions into `dir` (created if need be; one folder per
 * submission) and returns what it wrote, in name order. The same options write the same class.
 *
 * @example
 * ```ts ignore
 * const subs = await generateClass("/tmp/class", { count: 200 });
 * subs[0]; // { name: "learner-001", kind: "solved", layout: "repository" }
 * ```
 */
export async function generateClass(
  dir: string,
  options: GenerateOptions,
): Promise<GeneratedSubmission[]> {
  const src = await readSources();
  const rng = new Rng(options.seed ?? 1);
  const prefix = options.prefix ?? "learner-";
  const width = Math.max(3, String(options.count).length);
  Deno.mkdirSync(dir, { recursive: true });
  const out: GeneratedSubmission[] = [];
  for (let i = 0; i < options.count; i++) {
    const name = `${prefix}${String(i + 1).padStart(width, "0")}`;
    const kind = KINDS[i % KINDS.length];
    const layout = i % 2 === 0 ? "repository" : "exercises";
    const root = `${dir}/${name}`;
    const exercisesDir = layout === "repository" ? `${root}/exercises` : root;
    Deno.mkdirSync(`${exercisesDir}/ref`, { recursive: true });
    if (layout === "repository") {
      Deno.writeTextFileSync(`${root}/README.md`, `# ${name}'s copy of gradkit\n`);
      // What a learner's own copy may hold: the class command never reads it.
      Deno.writeTextFileSync(`${root}/deno.json`, '{ "tasks": { "grade": "echo all passed" } }\n');
    }
    for (const [file, text] of filesOf(kind, rng, src)) {
      Deno.writeTextFileSync(`${exercisesDir}/${file}`, text);
    }
    out.push({ name, kind, layout });
  }
  return out;
}
