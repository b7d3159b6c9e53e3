/**
 * The stubs and the solutions export the same functions with the same types: each module is
 * assigned to the other's type below, which `deno check` (the test task) verifies. The test
 * checks that every exercise of the course is listed.
 *
 * @module
 */

import assert from "node:assert/strict";
import { MANIFEST } from "../grader/manifest.ts";
import * as e01Stub from "../grader/stubs/01_numerical_gradient.ts";
import * as e01Solution from "./01_numerical_gradient.ts";
import * as e03Stub from "../grader/stubs/03_gates.ts";
import * as e03Solution from "./03_gates.ts";
import * as e04Stub from "../grader/stubs/04_relu.ts";
import * as e04Solution from "./04_relu.ts";
import * as e05Stub from "../grader/stubs/05_fork.ts";
import * as e05Solution from "./05_fork.ts";
import * as e06Stub from "../grader/stubs/06_sigmoid_neuron.ts";
import * as e06Solution from "./06_sigmoid_neuron.ts";
import * as e07Stub from "../grader/stubs/09_affine_layer.ts";
import * as e07Solution from "./09_affine_layer.ts";
import * as e09Stub from "../grader/stubs/08_mse_loss.ts";
import * as e09Solution from "./08_mse_loss.ts";
import * as e11Stub from "../grader/stubs/12_softmax_cross_entropy.ts";
import * as e11Solution from "./12_softmax_cross_entropy.ts";
import * as e10Stub from "../grader/stubs/11_binary_cross_entropy.ts";
import * as e10Solution from "./11_binary_cross_entropy.ts";
import * as e12Stub from "../grader/stubs/14_binary_hinge.ts";
import * as e12Solution from "./14_binary_hinge.ts";
import * as e13Stub from "../grader/stubs/15_multiclass_hinge.ts";
import * as e13Solution from "./15_multiclass_hinge.ts";
import * as e14Stub from "../grader/stubs/16_squared_hinge.ts";
import * as e14Solution from "./16_squared_hinge.ts";
import * as e15Stub from "../grader/stubs/17_l2_regularization.ts";
import * as e15Solution from "./17_l2_regularization.ts";
import * as e08Stub from "../grader/stubs/10_input_scale.ts";
import * as e08Solution from "./10_input_scale.ts";
import * as e17Stub from "../grader/stubs/20_two_layer_net.ts";
import * as e17Solution from "./20_two_layer_net.ts";
import * as e16Stub from "../grader/stubs/19_train_linear_classifier.ts";
import * as e16Solution from "./19_train_linear_classifier.ts";
import * as e02Stub from "../grader/stubs/02_gradient_check.ts";
import * as e02Solution from "./02_gradient_check.ts";
import * as e18Stub from "../grader/stubs/23_capstone.ts";
import * as e18Solution from "./23_capstone.ts";
import * as softLabelCrossEntropyStub from "../grader/stubs/13_soft_label_cross_entropy.ts";
import * as softLabelCrossEntropySolution from "./13_soft_label_cross_entropy.ts";
import * as marginL2Stub from "../grader/stubs/18_margin_l2.ts";
import * as marginL2Solution from "./18_margin_l2.ts";
import * as sigmoidGatesStub from "../grader/stubs/07_sigmoid_gates.ts";
import * as sigmoidGatesSolution from "./07_sigmoid_gates.ts";
import * as clinicSvmStub from "../grader/stubs/21_clinic_svm_loss.ts";
import * as clinicSvmSolution from "./21_clinic_svm_loss.ts";
import * as clinicTwoLayerStub from "../grader/stubs/22_clinic_two_layer.ts";
import * as clinicTwoLayerSolution from "./22_clinic_two_layer.ts";

/** Each pair, both ways: a stub and its solution export the same functions, same types. */
const PAIRS = {
  "01_numerical_gradient.ts": [
    e01Stub satisfies typeof e01Solution,
    e01Solution satisfies typeof e01Stub,
  ],
  "03_gates.ts": [e03Stub satisfies typeof e03Solution, e03Solution satisfies typeof e03Stub],
  "04_relu.ts": [e04Stub satisfies typeof e04Solution, e04Solution satisfies typeof e04Stub],
  "05_fork.ts": [e05Stub satisfies typeof e05Solution, e05Solution satisfies typeof e05Stub],
  "06_sigmoid_neuron.ts": [
    e06Stub satisfies typeof e06Solution,
    e06Solution satisfies typeof e06Stub,
  ],
  "09_affine_layer.ts": [
    e07Stub satisfies typeof e07Solution,
    e07Solution satisfies typeof e07Stub,
  ],
  "08_mse_loss.ts": [e09Stub satisfies typeof e09Solution, e09Solution satisfies typeof e09Stub],
  "12_softmax_cross_entropy.ts": [
    e11Stub satisfies typeof e11Solution,
    e11Solution satisfies typeof e11Stub,
  ],
  "11_binary_cross_entropy.ts": [
    e10Stub satisfies typeof e10Solution,
    e10Solution satisfies typeof e10Stub,
  ],
  "14_binary_hinge.ts": [
    e12Stub satisfies typeof e12Solution,
    e12Solution satisfies typeof e12Stub,
  ],
  "15_multiclass_hinge.ts": [
    e13Stub satisfies typeof e13Solution,
    e13Solution satisfies typeof e13Stub,
  ],
  "16_squared_hinge.ts": [
    e14Stub satisfies typeof e14Solution,
    e14Solution satisfies typeof e14Stub,
  ],
  "17_l2_regularization.ts": [
    e15Stub satisfies typeof e15Solution,
    e15Solution satisfies typeof e15Stub,
  ],
  "10_input_scale.ts": [e08Stub satisfies typeof e08Solution, e08Solution satisfies typeof e08Stub],
  "20_two_layer_net.ts": [
    e17Stub satisfies typeof e17Solution,
    e17Solution satisfies typeof e17Stub,
  ],
  "19_train_linear_classifier.ts": [
    e16Stub satisfies typeof e16Solution,
    e16Solution satisfies typeof e16Stub,
  ],
  "02_gradient_check.ts": [
    e02Stub satisfies typeof e02Solution,
    e02Solution satisfies typeof e02Stub,
  ],
  "23_capstone.ts": [e18Stub satisfies typeof e18Solution, e18Solution satisfies typeof e18Stub],
  "13_soft_label_cross_entropy.ts": [
    softLabelCrossEntropyStub satisfies typeof softLabelCrossEntropySolution,
    softLabelCrossEntropySolution satisfies typeof softLabelCrossEntropyStub,
  ],
  "18_margin_l2.ts": [
    marginL2Stub satisfies typeof marginL2Solution,
    marginL2Solution satisfies typeof marginL2Stub,
  ],
  "07_sigmoid_gates.ts": [
    sigmoidGatesStub satisfies typeof sigmoidGatesSolution,
    sigmoidGatesSolution satisfies typeof sigmoidGatesStub,
  ],
  "21_clinic_svm_loss.ts": [
    clinicSvmStub satisfies typeof clinicSvmSolution,
    clinicSvmSolution satisfies typeof clinicSvmStub,
  ],
  "22_clinic_two_layer.ts": [
    clinicTwoLayerStub satisfies typeof clinicTwoLayerSolution,
    clinicTwoLayerSolution satisfies typeof clinicTwoLayerStub,
  ],
};

Deno.test("every stub and its solution export the same functions with the same types", () => {
  assert.deepEqual(Object.keys(PAIRS).sort(), MANIFEST.map((e) => e.file).sort());
});
