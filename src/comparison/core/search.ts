/** Search in the comparison pane: every word of the query must match the row. */

/** A prepared fuzzy search, e.g. Obsidian's `prepareFuzzySearch(query)`. */
export type PreparedSearch = (text: string) => { readonly score: number } | null;

/**
 * A search matcher for the model built on a fuzzy search, but stricter than running it over a
 * row's whole text: every word of the query must occur in the row as a substring, or fuzzily
 * within one word of one value ("fstapi" finds FastAPI). A plain subsequence over all values
 * joined would let "zappa" match "emphasiZes ... eAse ... web2Py ... APi".
 */
export function wordwiseMatcher(prepare: (query: string) => PreparedSearch): (query: string, text: string) => number | null {
	let query: string | null = null;
	let terms: { readonly text: string; readonly search: PreparedSearch }[] = [];
	const words = new Map<string, string[]>();
	return (q, text) => {
		if (q !== query) {
			query = q;
			terms = q
				.toLowerCase()
				.split(/\s+/)
				.filter((t) => t !== "")
				.map((t) => ({ text: t, search: prepare(t) }));
		}
		const lower = text.toLowerCase();
		let total = 0;
		for (const term of terms) {
			if (lower.includes(term.text)) {
				total += 100;
				continue;
			}
			let list = words.get(lower);
			if (list === undefined) {
				if (words.size > 50_000) words.clear();
				list = lower.split(/[\s,;|/()[\]]+/).filter((w) => w !== "");
				words.set(lower, list);
			}
			let best: number | null = null;
			for (const word of list) {
				if (word.length < term.text.length) continue;
				const match = term.search(word);
				if (match !== null && (best === null || match.score > best)) best = match.score;
			}
			if (best === null) return null;
			total += best;
		}
		return total;
	};
}
