/**
 * `./deno task hint <exercise> [tier]`: an exercise's hints, one tier at a time (tier 1 by
 * default): tier 1 the idea or rule to apply, tier 2 the local gradient or a worked tiny case,
 * tier 3 the formula. They come from the spec's `hints` (its `hint` alone when it has none).
 *
 * @module
 */

import { type Exercise, exerciseNamed } from "../manifest.ts";
import { wrap } from "../reporters/terminal.ts";

/** An exercise's hints, from the gentlest (tier 1) to the most telling. */
export function hintTiers(exercise: Exercise): string[] {
  return exercise.spec.hints ? [...exercise.spec.hints] : [exercise.spec.hint];
}

/** What `hint` prints for `name` and `tier` (a string as typed), and its exit status. */
export function hintText(
  args: readonly string[],
  width: number,
): { text: string; status: number } {
  const [name, tierText = "1", ...rest] = args;
  if (name === undefined || rest.length > 0 || name.startsWith("-")) {
    return { text: "Usage: ./deno task hint <exercise> [tier]\n", status: 2 };
  }
  const exercise = exerciseNamed(name);
  const tiers = hintTiers(exercise);
  if (!/^\d+$/.test(tierText) || Number(tierText) < 1) {
    return {
      text: `gradkit: the tier is a number from 1 to ${tiers.length}, got "${tierText}"\n`,
      status: 2,
    };
  }
  const tier = Number(tierText);
  const file = `exercises/${exercise.file}`;
  if (tier > tiers.length) {
    return {
      text: `${exercise.id} has ${tiers.length === 1 ? "one hint" : `${tiers.length} hint tiers`}` +
        ` and no tier ${tier}; the last: ./deno task hint ${exercise.id}` +
        `${tiers.length === 1 ? "" : ` ${tiers.length}`}\n`,
      status: 1,
    };
  }
  const more = tier < tiers.length
    ? `more: ./deno task hint ${exercise.id} ${tier + 1}`
    : "no further hint tier for this exercise; its doc comment pins every convention the tests check";
  return {
    text: [
      `hint ${tier} of ${tiers.length} for ${exercise.id} (${file}):`,
      wrap(tiers[tier - 1], width, "  "),
      wrap(more, width),
      "",
    ].join("\n"),
    status: 0,
  };
}
