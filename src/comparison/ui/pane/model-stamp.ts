import type { ComparisonModel } from "../../core/index";

const stamps = new WeakMap<ComparisonModel, string>();
let count = 0;

/** A short id per model object, to tell whether parts derived from the model need drawing again. */
export function modelStamp(model: ComparisonModel): string {
	let stamp = stamps.get(model);
	if (stamp === undefined) {
		stamp = String(++count);
		stamps.set(model, stamp);
	}
	return stamp;
}
