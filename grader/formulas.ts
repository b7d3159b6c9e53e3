/**
 * Each exercise's backward formulas, written as a learner or a textbook would write them: the
 * fragments that give a derivation away. The kit's tests keep them out of every stub, title,
 * test name, hint tier below 3 and failure message (`hints_test.ts`, `catalogue_test.ts`).
 *
 * "The formula" is not guessed: {@linkcode FORMULAS} lists the fragments for each exercise. Text
 * and fragments are compared after {@linkcode normalize}: case, spaces, Unicode minus, the
 * multiplication signs and sub- and superscripts do not matter, so `2·(pred − target)/N` and
 * `2 * (pred - target) / N` are the same fragment.
 *
 * @module
 */

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
