/**
 * The whole network in float32 (every matrix rounded to single precision after each stage):
 * about 7 significant digits, where the kit requires float64.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "float32",
  patch: [
    {
      solution: `

/** Mean softmax cross-entropy of the two-layer network and the gradients of every parameter. */
`,
      learner: `

const f32 = (m: Matrix) => m.map(Math.fround);

/** Mean softmax cross-entropy of the two-layer network and the gradients of every parameter. */
`,
    },
    {
      solution: `
  const { W1, b1, W2, b2 } = params;
  const n = X.rows;

  // Forward.
  const Z = X.matmul(W1).add(b1);
  const A = Z.maximum(0);
  const S = A.matmul(W2).add(b2);

  // Softmax cross-entropy, shifted by each row's maximum.
  const shifted = S.sub(S.rowMax());
  const E = shifted.exp();
  const sums = E.rowSums();
  const P = E.div(sums);
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - correct[i];
  loss /= n;

  // Backward.
  const dS = P.map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n);
  const dW2 = A.T.matmul(dS);
  const db2 = dS.colSums();
  const dA = dS.matmul(W2.T);
  const dZ = dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
  const dW1 = X.T.matmul(dZ);
  const db1 = dZ.colSums();

  return { loss, grads: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
`,
      learner: `
  const [W1, b1, W2, b2] = [params.W1, params.b1, params.W2, params.b2].map(f32);
  const n = X.rows;
  const Z = f32(f32(X).matmul(W1).add(b1));
  const A = Z.maximum(0);
  const S = f32(A.matmul(W2).add(b2));
  const shifted = f32(S.sub(S.rowMax()));
  const E = f32(shifted.exp());
  const sums = f32(E.rowSums());
  const P = f32(E.div(sums));
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    loss = Math.fround(loss + Math.fround(Math.log(sums.data[i])) - correct[i]);
  }
  const dS = f32(P.map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n));
  const dZ = f32(f32(dS.matmul(W2.T)).map((g, i, j) => (Z.get(i, j) > 0 ? g : 0)));
  return {
    loss: Math.fround(loss / n),
    grads: {
      W1: f32(X.T.matmul(dZ)),
      b1: f32(dZ.colSums()),
      W2: f32(A.T.matmul(dS)),
      b2: f32(dS.colSums()),
    },
  };
`,
    },
  ],
};
