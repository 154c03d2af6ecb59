/** Filter chips and group headings: the values of a property, and labels for the cell states. */

import { collator, facetTexts } from "./cells";
import { cellOf } from "./model";
import type { ComparisonModel, FacetValue, Row } from "./types";

/** Facet / group values standing for the cell states (never equal to a real value's text). */
export const STATE_TOKENS = Object.freeze({ absent: "\u0000absent", empty: "\u0000empty", null: "\u0000null" });

export const STATE_LABELS: ReadonlyMap<string, string> = new Map([
	[STATE_TOKENS.absent, "(absent)"],
	[STATE_TOKENS.empty, "(empty)"],
	[STATE_TOKENS.null, "(null)"],
]);

/** Plain-text label of a facet value or group value. */
export function facetLabel(value: string): string {
	return STATE_LABELS.get(value) ?? value;
}

/** Per model and property: how many rows have each facet value (see `facetCounts`). */
const countsCache = new WeakMap<ComparisonModel, Map<string, ReadonlyMap<string, number>>>();

function countRow(counts: Map<string, number>, row: Row, key: string, sign: 1 | -1): void {
	for (const t of new Set(facetTexts(cellOf(row, key), STATE_TOKENS))) {
		const n = (counts.get(t) ?? 0) + sign;
		if (n > 0) counts.set(t, n);
		else counts.delete(t);
	}
}

/**
 * Rows per facet value of a property, kept per model. A model made from another by replacing
 * some rows (a live update) starts from that model's counts and recounts only those rows.
 */
function facetCounts(model: ComparisonModel, key: string): ReadonlyMap<string, number> {
	let perKey = countsCache.get(model);
	if (perKey === undefined) {
		perKey = new Map();
		countsCache.set(model, perKey);
	}
	const known = perKey.get(key);
	if (known !== undefined) return known;
	const origin = model.origin;
	const before = origin?.model && !origin.structural ? countsCache.get(origin.model)?.get(key) : undefined;
	let counts: Map<string, number>;
	if (origin !== undefined && before !== undefined) {
		counts = new Map(before);
		for (const [old, row] of origin.replaced) {
			countRow(counts, old, key, -1);
			countRow(counts, row, key, 1);
		}
	} else {
		counts = new Map();
		for (const row of model.rows) countRow(counts, row, key, 1);
	}
	perKey.set(key, counts);
	return counts;
}

/** Distinct values of a property (list items one by one), most common first, blanks last. */
export function facetValues(model: ComparisonModel, key: string): FacetValue[] {
	const counts = facetCounts(model, key);
	const isToken = (v: string) => STATE_LABELS.has(v);
	return [...counts.entries()]
		.sort(([a, na], [b, nb]) => {
			const ta = isToken(a);
			const tb = isToken(b);
			if (ta !== tb) return ta ? 1 : -1;
			return nb - na || collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
		})
		.map(([value, count]) => ({ value, label: facetLabel(value), count }));
}
