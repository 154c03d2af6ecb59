/**
 * "What would change the answer": the smallest change of one preference's weight (between 0 and
 * 10× its current weight) that puts the runner-up level with or ahead of the leader.
 *
 * Closed form, not a search. Changing preference i's weight from w to w′ changes neither which
 * notes are ranked nor any s (high/low ranges depend on the ranked notes only), and both notes'
 * scores share the denominator Σw − w + w′. So runner-up − leader has the sign of the numerator
 *   N(w′) = (T_r − T_l) + (w′ − w)·(s_r − s_l),   T = Σ(w·s) (unknown s counted as 0),
 * which is linear in w′: with d = s_r − s_l ≠ 0 it is ≥ 0 from w* = w − (T_r − T_l)/d upwards
 * (d > 0) or downwards (d < 0). The answer is the preference whose w* lies in [0, 10w] nearest
 * to its w (earlier preferences first on ties). When Σw − w + w′ = 0 both scores are 0, and N is
 * 0 too, so the rule still holds. The weight shown is rounded (to 2 decimals, else 4) in the
 * direction that keeps N ≥ 0, and checked again.
 */
import type { Criterion } from "./criteria";

export interface Contender {
	readonly path: string;
	readonly name: string;
	readonly score: number;
	/** Σ(w·s). */
	readonly total: number;
}

export type ChangeAnswer =
	| { readonly kind: "level"; readonly leader: Contender; readonly runnerUp: Contender; readonly sentence: string }
	| {
			readonly kind: "weight";
			readonly leader: Contender;
			readonly runnerUp: Contender;
			/** The preference whose weight changes (its index among the parsed preferences). */
			readonly preference: number;
			readonly criterion: string;
			readonly from: number;
			readonly to: number;
			/** Whether the runner-up would be ahead (true) or level (false) at `to`. */
			readonly overtakes: boolean;
			readonly sentence: string;
	  }
	| { readonly kind: "none"; readonly leader: Contender; readonly runnerUp: Contender; readonly sentence: string };

/** A weight as shown: at most 4 decimals, no trailing zeros (`0.5`, `2`, `1.25`). */
export function formatWeight(w: number): string {
	return String(Math.round(w * 10_000) / 10_000);
}

/** How a preference is named in the sentence: its property, or its text when two preferences share the property. */
function preferenceName(prefs: readonly Criterion[], i: number): string {
	const property = prefs[i].rule.property;
	const shared = prefs.some((p, j) => j !== i && p.rule.property === property);
	return shared ? `"${prefs[i].text}"` : property;
}

/** N(w′) for preference i. */
function numerator(base: number, w: number, d: number, wNew: number): number {
	return base + (wNew - w) * d;
}

/** The shown weight: w* rounded towards the side where N ≥ 0, within [0, limit]. */
function shownWeight(exact: number, up: boolean, limit: number, ok: (w: number) => boolean): number {
	for (const scale of [100, 10_000]) {
		const rounded = up ? Math.ceil(exact * scale - 1e-9) / scale : Math.floor(exact * scale + 1e-9) / scale;
		if (rounded >= 0 && rounded <= limit && ok(rounded)) return rounded;
	}
	return exact;
}

export function whatWouldChange(
	prefs: readonly Criterion[],
	leader: Contender,
	runnerUp: Contender,
	sLeader: readonly (number | null)[],
	sRunnerUp: readonly (number | null)[],
): ChangeAnswer {
	const base = runnerUp.total - leader.total;
	if (runnerUp.score >= leader.score) {
		return { kind: "level", leader, runnerUp, sentence: `${runnerUp.name} and ${leader.name} are level.` };
	}
	let best: { i: number; to: number; distance: number } | null = null;
	for (let i = 0; i < prefs.length; i++) {
		const w = prefs[i].weight;
		const d = (sRunnerUp[i] ?? 0) - (sLeader[i] ?? 0);
		if (d === 0 || w === 0) continue;
		const limit = 10 * w;
		// d > 0: raise the weight to at least w*; d < 0: lower it to at most w*.
		let target = w - base / d;
		if (target < 0 && target > -1e-9 * w) target = 0;
		if (target < 0 || target > limit) continue;
		const distance = Math.abs(target - w);
		if (best === null || distance < best.distance) {
			const to = shownWeight(target, d > 0, limit, (x) => numerator(base, w, d, x) >= 0);
			best = { i, to, distance };
		}
	}
	if (best === null) {
		return {
			kind: "none",
			leader,
			runnerUp,
			sentence: `No single weight change within 10× puts ${runnerUp.name} level with ${leader.name}.`,
		};
	}
	const { i, to } = best;
	const w = prefs[i].weight;
	const overtakes = numerator(base, w, (sRunnerUp[i] ?? 0) - (sLeader[i] ?? 0), to) > 0;
	const verb = overtakes ? `would overtake` : `would draw level with`;
	const sentence = `${runnerUp.name} ${verb} ${leader.name} if ${preferenceName(prefs, i)} weighed ${formatWeight(to)} instead of ${formatWeight(w)}.`;
	return { kind: "weight", leader, runnerUp, preference: i, criterion: prefs[i].text, from: w, to, overtakes, sentence };
}
