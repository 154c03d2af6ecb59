/** Filter chips and group headings: the values of a property, and labels for the cell states. */

import { collator, facetTexts } from "./cells";
import { cellOf } from "./model";
import type { ComparisonModel, FacetValue } from "./types";

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

/** Distinct values of a property (list items one by one), most common first, blanks last. */
export function facetValues(model: ComparisonModel, key: string): FacetValue[] {
	const counts = new Map<string, number>();
	for (const row of model.rows) {
		const seen = new Set(facetTexts(cellOf(row, key), STATE_TOKENS));
		for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
	}
	const isToken = (v: string) => STATE_LABELS.has(v);
	return [...counts.entries()]
		.sort(([a, na], [b, nb]) => {
			const ta = isToken(a);
			const tb = isToken(b);
			if (ta !== tb) return ta ? 1 : -1;
			return nb - na || collator.compare(a, b);
		})
		.map(([value, count]) => ({ value, label: facetLabel(value), count }));
}
