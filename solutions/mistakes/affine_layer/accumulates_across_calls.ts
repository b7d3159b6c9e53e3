/**
 * Accumulated into gradient buffers kept between calls (+= without resetting them to zero).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `
import type { Matrix } from "@gradkit/lib";
`,
      learner: `
import { Matrix } from "@gradkit/lib";
`,
    },
    {
      solution: `

/** The backward pass: dX = dout·Wᵀ (N×D), dW = Xᵀ·dout (D×H), db = column sums of dout (1×H). */
`,
      learner: `

let buffers: { dX: Matrix; dW: Matrix; db: Matrix } | undefined;

function sameShape(a: Matrix, rows: number, cols: number): boolean {
  return a.rows === rows && a.cols === cols;
}

/** The backward pass: dX = dout·Wᵀ (N×D), dW = Xᵀ·dout (D×H), db = column sums of dout (1×H). */
`,
    },
    {
      solution: `
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(dout),
    db: dout.colSums(),
  };
`,
      learner: `
  if (
    !buffers || !sameShape(buffers.dX, X.rows, X.cols) || !sameShape(buffers.dW, W.rows, W.cols)
  ) {
    buffers = {
      dX: Matrix.zeros(X.rows, X.cols),
      dW: Matrix.zeros(W.rows, W.cols),
      db: Matrix.zeros(1, W.cols),
    };
  }
  buffers.dX = buffers.dX.add(dout.matmul(W.T));
  buffers.dW = buffers.dW.add(X.T.matmul(dout));
  buffers.db = buffers.db.add(dout.colSums());
  return buffers;
`,
    },
  ],
};
