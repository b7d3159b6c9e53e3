/**
 * The course's text keeps the derivations for the learner: no stub states the backward formula
 * or an answer gradient of its own exercise (the one model derivation aside), and every
 * exercise has three hint tiers, the formula appearing in tier 3 only.
 *
 * "The formula" is not guessed: {@linkcode FORMULAS} lists, for each exercise, the fragments
 * that give its backward away, written as a learner or a textbook would write them. Text and
 * fragments are compared after {@linkcode normalize}: case, spaces, Unicode minus, the
 * multiplication signs and sub- and superscripts do not matter, so `2·(pred − target)/N` and
 * `2 * (pred - target) / N` are the same fragment.
 *
 * @module
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";

/**
 * The exercise whose stub walks one full derivation as the model for the others, and says so:
 * the only stub allowed to state its own backward.
 */
export const MODEL_DERIVATION = "sigmoid_neuron";

/** Each exercise's backward formulas and answer fragments: in no stub, in hint tier 3 only. */
export const FORMULAS: Readonly<Record<string, readonly string[]>> = {
  numerical_gradient: [
    "/ (2h)",
    "/ (2 * h)",
    "/ 2h",
    "divided by 2h",
    "(f(x + h) − f(x − h))",
    "(fPlus - fMinus)",
  ],
  gradient_check: [
    "(plus − minus) / (2 * h)",
    "/ (2h)",
    "divided by 2h",
    "(f(x + h) − f(x − h))",
    "minus = f(x); x.data[i] = old",
  ],
  gates: [
    "out ⊙ (1 − out)",
    "out · (1 − out)",
    "(1 − out) ⊙ out",
    "σ(x)·(1 − σ(x))",
    "σ(x)(1 − σ(x))",
    "dx = y ⊙ dout",
    "y ⊙ dout",
    "x ⊙ dout",
    "dout ⊙ y",
    "dx = dout",
    "dy = dout",
    "both equal to dout",
    "dx gets dout",
    "∂out/∂x = y",
  ],
  relu: [
    "dx = dout where x > 0",
    "dout where x > 0",
    "x > 0 ? dout",
    "blocked where x ≤ 0",
    "dx = [[10, 0], [0, 40]]",
    "mask over dout",
  ],
  fork: [
    "m + a ⊙ z",
    "m + a·z",
    "dz = a ⊙ x",
    "dz = a·x",
    "dy = m",
    "multiplyBackward(a, m, dout)",
    "multiplyBackward(x, z, dm)",
    "dxFromAdd.add(dxFromMultiply)",
  ],
  sigmoid_neuron: [
    "out · (1 − out)",
    "outᵢ · (1 − outᵢ)",
    "σ(z)·(1 − σ(z))",
    "out ⊙ (1 − out)",
    "dw = xᵀ · dz",
    "dx = dz · wᵀ",
    "dw[d] = x[d]·dz",
    "dx[d] = w[d]·dz",
  ],
  affine_layer: [
    "dout·Wᵀ",
    "Xᵀ·dout",
    "column sums of dout",
    "dout.matmul(W.T)",
    "X.T.matmul(dout)",
    "dout.colSums()",
  ],
  mse_loss: [
    "2 * (pred - target) / N",
    "2(pred − target)/N",
    "2·(pred[i,k] − target[i,k]) / N",
    "(2/N)·(pred − target)",
    "2/N · (pred",
    "pred.sub(target).mul(2",
  ],
  softmax_cross_entropy: [
    "p − onehot",
    "p − one-hot",
    "(p − y)",
    "probabilities minus one-hot",
    "p[i, j] − [j = y[i]]",
    "p[i][j] − [j = y[i]]",
    "(j === y[i] ? 1 : 0)",
    "minus 1 for the correct",
    "[[1/3, 1/3 − 1, 1/3]]",
    "1/C − one-hot",
  ],
  binary_cross_entropy: [
    "σ(sᵢ) − yᵢ",
    "σ(s) − y",
    "sigmoid(s) - y",
    "(0.5 − 1)/2",
    "[[−0.25], [0.25]]",
  ],
  binary_hinge: [
    "−yᵢ / N",
    "-y / N",
    "gradient −yᵢ",
    "[[0], [−1/3], [1/3]]",
  ],
  multiclass_hinge: [
    "number of violating classes",
    "count of violating classes",
    "[[−1, 1, 0]]",
    "dW = Xᵀ · dS",
    "dW = Xᵀ · ∂L/∂S",
    "X.T.matmul(dS)",
  ],
  squared_hinge: [
    "2·max(0",
    "−2·yᵢ·uᵢ",
    "−2·y·u",
    "2·u[i, j]",
    "2·u[i][j]",
    "slope 2u",
    "[[−4, 3, 1]]",
  ],
  l2_regularization: [
    "2λW",
    "2λ · W",
    "2·λ·W",
    "2 * lambda * W",
    "2λ·weights[k]",
    "dataGrads[k] + 2λ",
    "column sums of dS",
    "Xᵀ · dS",
  ],
  input_scale: [
    "dW = Xᵀ·dS",
    "`dW = Xᵀ·dS`",
    "X.T.matmul(dS)",
    "Σ_i X[i][d]·dS[i][c]",
    "transpose of X times dS",
    "dS = 2·(s − y)/N",
    "2·(s − y)/N",
    "(2/N)·(s − y)",
    "2·(X·w − y)/N",
    "Xᵀ·(X·w − y)",
  ],
  // A clinic's stub is the broken code: its formulas are the fixes, which the stub must not hold.
  clinic_two_layer: [
    "dW2 = Aᵀ·dS",
    "A.T.matmul(dS)",
    "dZ = dA where Z > 0",
    "Z.get(i, j) > 0 ? g : 0",
  ],
  clinic_svm_loss: [
    "if (j === y[i]) continue",
    "d[row + j] = 1 / n",
    "−violations / n",
    "-violations / n",
  ],
  two_layer_net: [
    "(softmax(S) − onehot(y)) / N",
    "dW2 = Aᵀ·dS",
    "dA = dS·W2ᵀ",
    "dW1 = Xᵀ·dZ",
    "dZ = dA where Z > 0",
    "column sums of dS",
    "column sums of dZ",
  ],
  soft_label_cross_entropy: [
    "(softmax(scores) − targets) / N",
    "(p − t) / N",
    "(p − targets)",
    "probs.sub(targets)",
    "p · Σt − t",
  ],
  margin_l2: [
    "2λ·W",
    "2 * lambda * W",
    "W.mul(2 * lambda)",
    "−y/N where",
    "−yᵢ / N",
    "Xᵀ·dS",
  ],
  sigmoid_gates: [
    "−1/x²",
    "−dout / x²",
    "−dout / c²",
    "exp(x) ⊙ dout",
    "exp(a) ⊙ db",
    "dx = −dout",
    "a copy of dout",
    "out ⊙ (1 − out)",
    "out · (1 − out)",
    "σ(x)·(1 − σ(x))",
  ],
  train_linear_classifier: [
    "dW = Xᵀ·dScores",
    "2·reg·W",
    "2 * reg * W",
    "column sums of dScores",
  ],
  capstone: [
    "+ 2·reg·W1",
    "2·reg·W2",
    "2 * reg * W1",
  ],
};

/**
 * Text as compared: NFKC (so ᵀ is T, sᵢ is si, ² is 2), lower case, every dash-like minus as
 * `-`, and no spaces, multiplication signs (`*`, `·`, `×`, `⊙`, `∗`) or backticks.
 */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase()
    .replace(/[\u2212\u2012\u2013\u2014\u2010\u2011]/g, "-")
    .replace(/[\s*·×⊙∗⋅`]/g, "");
}

/** The fragments of `id`'s formulas that `text` contains, as listed. */
export function formulasIn(id: string, text: string): string[] {
  const haystack = normalize(text);
  return (FORMULAS[id] ?? []).filter((f) => haystack.includes(normalize(f)));
}

/** The pristine stub of `file` (identical to `exercises/<file>` in the instructor's kit). */
function stubText(file: string): string {
  return Deno.readTextFileSync(`${KIT_DIR}/${STUBS_DIR}/${file}`);
}

Deno.test("the formula list covers the course, and normalizing finds a formula however it is spaced", () => {
  assert.deepEqual(Object.keys(FORMULAS).sort(), MANIFEST.map((e) => e.id).sort());
  for (const [id, list] of Object.entries(FORMULAS)) {
    assert.ok(list.length >= 3, `${id}: at least three fragments`);
  }
  assert.deepEqual(formulasIn("mse_loss", "so dPred = 2 · (pred − target) / N here"), [
    "2 * (pred - target) / N",
    "2(pred − target)/N",
  ]);
  assert.deepEqual(formulasIn("softmax_cross_entropy", "the gradient is\n *   (p - y)"), [
    "(p − y)",
  ]);
  assert.deepEqual(formulasIn("l2_regularization", "its gradient is 2 * lambda * W"), [
    "2 * lambda * W",
  ]);
});

Deno.test("no stub states its own backward formula or answer gradient (the model derivation aside)", () => {
  // The manifest's title and concept too: `grade --list` shows them to learners.
  const found = MANIFEST.filter((e) => e.id !== MODEL_DERIVATION)
    .map((e) => ({ id: e.id, text: `${e.title}\n${e.concept}\n${stubText(e.file)}` }))
    .map((e) => ({ id: e.id, fragments: formulasIn(e.id, e.text) }))
    .filter((f) => f.fragments.length > 0)
    .map((f) => `${f.id}: ${f.fragments.join(" | ")}`);
  assert.deepEqual(found, []);
});

Deno.test("the model derivation states its formulas, and says it is the model", () => {
  const model = MANIFEST.find((e) => e.id === MODEL_DERIVATION)!;
  const text = stubText(model.file);
  assert.ok(formulasIn(model.id, text).length >= 3, "the model derivation derives the backward");
  assert.ok(
    normalize(text).includes(normalize("the model derivation of the course")),
    `${model.file} does not say it is the model derivation of the course`,
  );
});

Deno.test("every exercise has three distinct hint tiers, tier 1 its hint, the formula in tier 3 only", () => {
  const problems: string[] = [];
  for (const e of MANIFEST) {
    const tiers = e.spec.hints;
    if (!tiers || tiers.length !== 3) {
      problems.push(`${e.id}: no three hint tiers`);
      continue;
    }
    if (tiers.some((t) => t.trim().length < 21)) problems.push(`${e.id}: an empty or short tier`);
    if (new Set(tiers.map(normalize)).size !== 3) problems.push(`${e.id}: two tiers are the same`);
    if (e.spec.hint !== tiers[0]) problems.push(`${e.id}: the hint is not tier 1`);
    for (const tier of [1, 2]) {
      const early = formulasIn(e.id, tiers[tier - 1]);
      if (early.length > 0) problems.push(`${e.id}: tier ${tier} states ${early.join(" | ")}`);
    }
    if (formulasIn(e.id, tiers[2]).length === 0) {
      problems.push(`${e.id}: tier 3 states none of the exercise's formulas`);
    }
  }
  assert.deepEqual(problems, []);
});

Deno.test("no hidden test's name states its exercise's backward formula (learners read them)", () => {
  const found = MANIFEST.filter((e) => e.id !== MODEL_DERIVATION).flatMap((e) =>
    e.spec.tests.map((t) => ({ id: e.id, name: t.name, fragments: formulasIn(e.id, t.name) }))
  ).filter((t) => t.fragments.length > 0)
    .map((t) => `${t.id}: "${t.name}" states ${t.fragments.join(" | ")}`);
  assert.deepEqual(found, []);
});
