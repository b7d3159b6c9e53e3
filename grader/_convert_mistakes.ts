// One-off conversion of solutions/mistakes/ from copies to patches (see known_mistakes.ts).
import { type Exercise, MANIFEST } from "./manifest.ts";
import { GradingSession } from "./grade.ts";
import { learnerMessage } from "./verify.ts";
import { relocated } from "./known_mistakes.ts";
import { applyPatch, blockLines, type Replacement } from "./known_mistakes.ts";
import { isMistakeKind } from "./mistake_kinds.ts";

const KIT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const KINDS: Record<string, string> = Object.fromEntries(
  `
affine_layer/accumulates_across_calls state
affine_layer/backward_reads_last_forward state
affine_layer/db_mean_over_rows forgotten-1/N
affine_layer/db_summed_over_columns wrong-axis
affine_layer/dw_divided_by_n forgotten-1/N
affine_layer/dw_ignores_upstream upstream-ignored
affine_layer/dx_transposed transpose
affine_layer/forgot_bias missing-term
binary_cross_entropy/float32 float32
binary_cross_entropy/forgot_mean forgotten-1/N
binary_cross_entropy/gradient_sign_flipped sign
binary_cross_entropy/labels_as_plus_minus_one convention
binary_cross_entropy/naive_log_sigmoid overflow
binary_hinge/forgot_mean forgotten-1/N
binary_hinge/gradient_on_met_margins mask
binary_hinge/gradient_sign_flipped sign
binary_hinge/labels_as_zero_one convention
binary_hinge/margin_zero convention
fork/backward_reads_last_forward state
fork/forgets_to_zero_gradient state
fork/halves_at_fork routing
fork/overwrite_at_fork routing
fork/skips_outer_gate skipped-stage
gates/add_ignores_upstream upstream-ignored
gates/add_one_copy_for_both aliasing
gates/add_returns_dout aliasing
gates/max_to_both routing
gates/max_to_smaller routing
gates/multiply_own_input wrong-operand
gates/sigmoid_backward_from_input wrong-operand
gates/sigmoid_backward_ignores_upstream upstream-ignored
gates/sigmoid_overflow overflow
input_scale/dw_extra_mean_over_batch forgotten-1/N
input_scale/dw_normalized_by_input_norm other
input_scale/dw_transposed transpose
input_scale/dw_uses_x_squared wrong-operand
input_scale/standardize_forgot_centering missing-term
input_scale/standardize_one_std_for_all wrong-axis
input_scale/standardize_sample_std convention
l2_regularization/bias_regularized extra-term
l2_regularization/data_grads_returned_at_zero_lambda aliasing
l2_regularization/grads_updated_in_place modified-input
l2_regularization/half_in_value missing-factor
l2_regularization/lambda_over_n forgotten-1/N
l2_regularization/lambda_w_not_two_lambda_w missing-factor
l2_regularization/penalty_in_a_workspace aliasing
l2_regularization/penalty_missing_from_loss missing-term
mse_loss/float32 float32
mse_loss/forgot_mean forgotten-1/N
mse_loss/gradient_without_two missing-factor
mse_loss/half_factor missing-factor
mse_loss/mean_over_all_elements forgotten-1/N
mse_loss/sign_flipped sign
multiclass_hinge/correct_class_counted correct-class
multiclass_hinge/dw_not_divided_by_n forgotten-1/N
multiclass_hinge/dw_transposed transpose
multiclass_hinge/forgot_correct_class_gradient correct-class
multiclass_hinge/forgot_mean forgotten-1/N
numerical_gradient/divides_by_h missing-factor
numerical_gradient/forward_difference_once other
numerical_gradient/ignores_h other
numerical_gradient/never_restores modified-input
numerical_gradient/one_buffer_for_every_call aliasing
numerical_gradient/one_sided_difference other
numerical_gradient/perturbs_a_copy other
numerical_gradient/restores_by_arithmetic modified-input
numerical_gradient/restores_only_at_the_end modified-input
relu/backward_reads_last_forward state
relu/forward_in_place modified-input
relu/mask_from_upstream mask
relu/mask_ignores_upstream upstream-ignored
relu/no_mask mask
relu/passes_at_zero mask
sigmoid_neuron/backward_reads_last_forward state
sigmoid_neuron/db_averaged forgotten-1/N
sigmoid_neuron/derivative_from_z wrong-operand
sigmoid_neuron/dw_transposed transpose
sigmoid_neuron/forgets_upstream upstream-ignored
sigmoid_neuron/forward_overflow overflow
sigmoid_neuron/skips_sigmoid_stage skipped-stage
softmax_cross_entropy/batch_max_shift overflow
softmax_cross_entropy/float32 float32
softmax_cross_entropy/forgot_one_hot correct-class
softmax_cross_entropy/gradient_not_divided_by_n forgotten-1/N
softmax_cross_entropy/log_of_computed_probability overflow
softmax_cross_entropy/loss_summed forgotten-1/N
softmax_cross_entropy/no_max_shift overflow
softmax_cross_entropy/shift_forgotten_in_loss missing-term
squared_hinge/forgot_factor_two missing-factor
squared_hinge/forgot_mean forgotten-1/N
squared_hinge/half_factor missing-factor
squared_hinge/hinge_gradient missing-factor
squared_hinge/squared_sum other
train_linear_classifier/batch_max_shift overflow
train_linear_classifier/divided_by_n_twice forgotten-1/N
train_linear_classifier/float32 float32
train_linear_classifier/forgot_bias_update missing-term
train_linear_classifier/gradient_ascent sign
train_linear_classifier/learning_rate_ignored missing-factor
train_linear_classifier/loss_recorded_after_update other
train_linear_classifier/losses_without_reg missing-term
train_linear_classifier/reg_gradient_without_two missing-factor
two_layer_net/batch_max_shift overflow
two_layer_net/db1_summed_over_rows wrong-axis
two_layer_net/float32 float32
two_layer_net/forgot_relu_mask mask
two_layer_net/grads_not_divided_by_n forgotten-1/N
two_layer_net/log_of_probability overflow
two_layer_net/loss_summed_not_averaged forgotten-1/N
two_layer_net/relu_applied_to_gradient mask
two_layer_net/softmax_without_max_shift overflow
`.trim().split("\n").map((l) => l.split(" ")),
);

interface Block {
  name: string;
  /** First line of the comment above it (or the decl line), decl line, last line. */
  start: number;
  decl: number;
  end: number;
}

const DECL =
  /^(export )?(async )?(function\*?|const|let|var|class|interface|type) ([A-Za-z_$][\w$]*)/;

function blocks(lines: string[], from = 0): Block[] {
  const out: Block[] = [];
  let commentStart = -1;
  let inComment = false;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (inComment) {
      if (l.includes("*/")) inComment = false;
      continue;
    }
    if (l.startsWith("/*")) {
      if (commentStart < 0) commentStart = i;
      if (!l.includes("*/")) inComment = true;
      continue;
    }
    if (l.startsWith("//")) {
      if (commentStart < 0) commentStart = i;
      continue;
    }
    const m = DECL.exec(l);
    if (m) {
      let end = i;
      const oneLine = /;\s*(\/\/.*)?$/.test(l) && !/[{(\[]\s*$/.test(l);
      if (!oneLine) {
        end = i + 1;
        while (end < lines.length && !(/^[}\])]/.test(lines[end]) && !/\{\s*$/.test(lines[end]))) {
          end++;
        }
      }
      out.push({ name: m[4], start: commentStart < 0 ? i : commentStart, decl: i, end });
      i = end;
    }
    commentStart = -1;
  }
  return out;
}

interface Import {
  names: Map<string, boolean>; // name -> is a value
  from: string;
  start: number;
  end: number;
}

function imports(lines: string[]): Import[] {
  const out: Import[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("import ")) continue;
    let end = i;
    let text = lines[i];
    while (!/from\s*"[^"]+";\s*$/.test(text)) text += " " + lines[++end];
    const m = /^import (type )?\{([^}]*)\}\s*from\s*"([^"]+)";/.exec(text.replace(/\s+/g, " "));
    if (!m) throw new Error(`cannot read import: ${text}`);
    const names = new Map<string, boolean>();
    for (let n of m[2].split(",").map((s) => s.trim()).filter(Boolean)) {
      let value = !m[1];
      if (n.startsWith("type ")) {
        value = false;
        n = n.slice(5).trim();
      }
      names.set(n, value);
    }
    out.push({ names, from: m[3], start: i, end });
    i = end;
  }
  return out;
}

function importLine(names: Map<string, boolean>, from: string): string {
  const all = [...names].sort((a, b) => a[0].localeCompare(b[0]));
  const anyValue = all.some(([, v]) => v);
  const list = all.map(([n, v]) => anyValue && !v ? `type ${n}` : n).join(", ");
  return `import ${anyValue ? "" : "type "}{ ${list} } from "${from}";`;
}

/** The learner's file: the solution with the mistake's declarations in place of its own. */
function learnerFile(solution: string, mistake: string, solutionFile: string): string {
  const s = solution.split("\n");
  const m = mistake.split("\n");
  // The mistake's top-level declarations (after its header and imports).
  const mImports = imports(m);
  const afterImports = Math.max(
    ...mImports.map((x) => x.end),
    m.findIndex((l) => l.startsWith("export *")),
  );
  const mBlocks = blocks(m, afterImports + 1);
  const sBlocks = blocks(s, s.findIndex((l) => l.startsWith("import ")) + 1);
  const replaced = new Map<number, string[]>(); // s decl index -> new lines (decl..end)
  const removed = new Set<number>();
  const inserted: string[] = [];
  let firstReplaced = Infinity;
  for (const b of mBlocks) {
    const own = sBlocks.find((x) => x.name === b.name);
    const body = m.slice(b.decl, b.end + 1);
    if (own) {
      replaced.set(own.decl, body);
      for (let i = own.decl + 1; i <= own.end; i++) removed.add(i);
      firstReplaced = Math.min(firstReplaced, own.start);
    } else {
      inserted.push(...m.slice(b.start, b.end + 1), "");
    }
  }
  if (replaced.size === 0) throw new Error("replaces nothing of the solution");
  // Imports: the solution's, with the mistake's added (its own solution's skipped).
  const sImports = imports(s);
  const importChanges = new Map<number, string[]>();
  const extraImports: string[] = [];
  for (const mi of mImports) {
    if (mi.from === `../../${solutionFile}`) continue;
    const from = mi.from.startsWith("../../") ? `./${mi.from.slice(6)}` : mi.from;
    const si = sImports.find((x) => x.from === from);
    if (!si) {
      extraImports.push(importLine(mi.names, from));
      continue;
    }
    const merged = new Map(si.names);
    for (const [n, v] of mi.names) merged.set(n, (merged.get(n) ?? false) || v);
    const same = merged.size === si.names.size &&
      [...merged].every(([n, v]) => si.names.get(n) === v);
    if (!same) importChanges.set(si.start, [importLine(merged, from)]);
  }
  const out: string[] = [];
  const lastImport = Math.max(...sImports.map((x) => x.end));
  for (let i = 0; i < s.length; i++) {
    if (i === firstReplaced) out.push(...inserted);
    if (removed.has(i)) continue;
    const imp = sImports.find((x) => x.start === i);
    if (imp && importChanges.has(i)) {
      out.push(...importChanges.get(i)!);
      i = imp.end;
    } else if (replaced.has(i)) {
      out.push(...replaced.get(i)!);
    } else {
      out.push(s[i]);
    }
    if (i === lastImport) out.push(...extraImports);
  }
  return out.join("\n");
}

/** Line diff (LCS) of a and b as hunks [aStart, aEnd, bStart, bEnd). */
function diff(a: string[], b: string[], merge = true): [number, number, number, number][] {
  const n = a.length, m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    }
  }
  const hunks: [number, number, number, number][] = [];
  let i = 0, j = 0;
  let cur: [number, number, number, number] | undefined;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (cur) hunks.push(cur), cur = undefined;
      i++, j++;
    } else {
      cur ??= [i, i, j, j];
      if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) j++, cur[3] = j;
      else i++, cur[1] = i;
    }
  }
  if (cur) hunks.push(cur);
  if (!merge) return hunks;
  // Merge hunks one or two lines apart.
  const merged: [number, number, number, number][] = [];
  for (const h of hunks) {
    const last = merged.at(-1);
    if (last && h[0] - last[1] <= 2) {
      last[1] = h[1];
      last[3] = h[3];
    } else merged.push([...h]);
  }
  return merged;
}

function count(lines: string[], block: string[]): number {
  let c = 0;
  for (let i = 0; i + block.length <= lines.length; i++) {
    if (block.every((l, k) => lines[i + k] === l)) c++;
  }
  return c;
}

function patchOf(solution: string, learner: string): Replacement[] {
  const a = solution.split("\n"), b = learner.split("\n");
  const out: Replacement[] = [];
  for (let [a0, a1, b0, b1] of diff(a, b)) {
    // Grow context until the solution's lines are there once, not empty nor only blank.
    let up = true;
    while (
      a1 === a0 || a.slice(a0, a1).every((l) => l.trim() === "") || count(a, a.slice(a0, a1)) !== 1
    ) {
      if ((up && a0 > 0) || a1 >= a.length) a0--, b0--;
      else a1++, b1++;
      up = !up;
    }
    out.push({ solution: block(a.slice(a0, a1)), learner: block(b.slice(b0, b1)) });
  }
  return out;
}

/** A block of lines as a template literal's text: one line break around it (dropped on reading). */
function block(lines: string[]): string {
  return lines.length === 0 ? "" : `\n${lines.join("\n")}\n`;
}

function literal(text: string): string {
  const esc = text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
  return esc === "" ? `""` : "`" + esc + "`";
}

function header(mistake: string): string {
  const end = mistake.indexOf("*/");
  return mistake.slice(0, end + 2);
}

interface Item {
  e: Exercise;
  name: string;
  path: string;
  text: string;
  solution: string;
  units: { a0: number; a1: number; lines: string[] }[];
  keep: boolean[];
}

function unitsOf(a: string[], b: string[]): Item["units"] {
  const out: Item["units"] = [];
  for (const [a0, a1, b0, b1] of diff(a, b, false)) {
    if (a1 - a0 === b1 - b0) {
      for (let k = 0; k < a1 - a0; k++) {
        out.push({ a0: a0 + k, a1: a0 + k + 1, lines: [b[b0 + k]] });
      }
    } else out.push({ a0, a1, lines: b.slice(b0, b1) });
  }
  return out;
}

function build(it: Item, drop = -1): string {
  const a = it.solution.split("\n");
  const out: string[] = [];
  let i = 0;
  it.units.forEach((u, k) => {
    if (!it.keep[k] || k === drop) return;
    out.push(...a.slice(i, u.a0), ...u.lines);
    i = u.a1;
  });
  out.push(...a.slice(i));
  return out.join("\n");
}

let before = JSON.parse(Deno.readTextFileSync("/tmp/mk/before.json"));
const SEEDS = [1, 2, 11];
let SHOW = true;
let seen: Record<string, unknown> = {};

/** The fingerprints of `files` (mistake id → learner text) graded on SEEDS: equal to before? */
async function sameAsBefore(items: Item[], texts: string[]): Promise<boolean[]> {
  const extraFiles: Record<string, string> = {};
  items.forEach((it, k) => extraFiles[`mistakes/${it.e.id}/${it.name}.ts`] = relocated(texts[k]));
  const session = await GradingSession.open({ dir: `${KIT}/solutions`, extraFiles });
  const ok = items.map(() => true);
  try {
    for (const seed of SEEDS) {
      const r = await session.grade({
        seed,
        exercises: items.map((it) => ({
          ...it.e,
          id: `${it.e.id}/${it.name}`,
          file: `mistakes/${it.e.id}/${it.name}.ts`,
        })),
      });
      r.exercises.forEach((e, k) => {
        seen[`${seed} ${e.id}`] = JSON.parse(
          JSON.stringify({
            status: e.status,
            message: learnerMessage(e),
            tests: e.tests.map((t) => [t.name, t.status, t.message ?? ""]),
          }),
        );
        const now = JSON.stringify({
          status: e.status,
          message: learnerMessage(e),
          tests: e.tests.map((t) => [t.name, t.status, t.message ?? ""]),
        });
        if (now !== JSON.stringify(before[`${seed} ${e.id}`])) {
          ok[k] = false;
          if (SHOW) {
            const was = before[`${seed} ${e.id}`];
            console.log(`-- ${seed} ${e.id}: was ${was.status}, now ${e.status}`);
            for (const [k2, t] of e.tests.entries()) {
              const w = was.tests[k2];
              if (w[1] !== t.status || w[2] !== (t.message ?? "")) {
                console.log(
                  `   ${t.name}: was ${w[1]} ${w[2].slice(0, 150)}\n     now ${t.status} ${
                    (t.message ?? "").slice(0, 150)
                  }`,
                );
              }
            }
          }
        }
      });
    }
  } finally {
    await session.close();
  }
  return ok;
}

const items: Item[] = [];
for (const e of MANIFEST) {
  const dir = `${KIT}/solutions/mistakes/${e.id}`;
  const solution = Deno.readTextFileSync(`${KIT}/solutions/${e.file}`);
  for (
    const f of [...Deno.readDirSync(dir)].map((d) => d.name).filter((n) => n.endsWith(".ts")).sort()
  ) {
    const name = f.slice(0, -3);
    const path = `${dir}/${f}`;
    const text = Deno.readTextFileSync(path);
    if (!text.includes("export *")) continue; // converted already
    const learner = learnerFile(solution, text, e.file);
    const units = unitsOf(solution.split("\n"), learner.split("\n"));
    const it = { e, name, path, text, solution, units, keep: units.map(() => true) };
    if (build(it) !== learner) throw new Error(`${path}: units do not rebuild the learner file`);
    items.push(it);
  }
}
const faithful = await sameAsBefore(items, items.map((it) => build(it)));
const bad = items.filter((_, k) => !faithful[k]).map((it) => `${it.e.id}/${it.name}`);
console.log(`faithful conversion differs from before for: ${bad.join(", ") || "none"}`);
// Minimize against the faithful conversion's own reports.
before = seen;
seen = {};
SHOW = false;
if (!Deno.args.includes("--faithful")) {
  const most = Math.max(...items.map((it) => it.units.length));
  for (let c = 0; c < most; c++) {
    const trial = items.filter((it) => c < it.units.length);
    const same = await sameAsBefore(trial, trial.map((it) => build(it, c)));
    trial.forEach((it, k) => {
      if (same[k]) it.keep[c] = false;
    });
    console.error(`round ${c + 1}/${most}: dropped ${same.filter(Boolean).length}`);
  }
  // The minimized set as a whole, once more.
  const final = await sameAsBefore(items, items.map((it) => build(it)));
  const off = items.filter((_, k) => !final[k]);
  for (const it of off) it.keep.fill(true);
  console.log(
    `minimized; restored to faithful (drops interact): ${
      off.map((it) => it.name).join(", ") || "none"
    }`,
  );
}

let converted = 0;
const writes: [string, string][] = [];
const changed: string[] = [];
for (const it of items) {
  const { e, name, path, text, solution } = it;
  {
    const kind = KINDS[`${e.id}/${name}`];
    if (!isMistakeKind(kind)) throw new Error(`${e.id}/${name}: no kind`);
    const learner = build(it);
    const patch = patchOf(solution, learner);
    if (patch.length === 0) throw new Error(`${path}: no difference from the solution`);
    if (applyPatch(solution, patch, path) !== learner) {
      throw new Error(`${path}: patch does not round-trip`);
    }
    const body = patch.map((r) =>
      `    {\n      solution: ${literal(r.solution)},\n      learner: ${
        literal(r.learner)
      },\n    },`
    ).join("\n");
    const out = `${header(text)}

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "${kind}",
  patch: [
${body}
  ],
};
`;
    writes.push([path, out]);
    Deno.mkdirSync(`/tmp/mk/learner/${e.id}`, { recursive: true });
    Deno.writeTextFileSync(`/tmp/mk/learner/${e.id}/${name}.ts`, learner);
    converted++;
    changed.push(
      `${e.id}/${name}: ${patch.length} replacements, ${
        patch.reduce((s, r) => s + blockLines(r.solution).length, 0)
      } solution lines, ${
        patch.reduce((s, r) => s + blockLines(r.learner).length, 0)
      } learner lines`,
    );
  }
}
for (const [path, out] of writes) Deno.writeTextFileSync(path, out);
console.log(changed.join("\n"));
console.log(`converted ${converted}`);
