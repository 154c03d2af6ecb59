/** The search box of the view: rows whose text holds every word (or that a fuzzy matcher accepts). */

import { CellMap } from "./cellmap";
import type { FuzzyMatcher, Row } from "./types";

const haystacks = new WeakMap<Row, string>();

function haystack(row: Row): string {
	let text = haystacks.get(row);
	if (text === undefined) {
		const cells = row.cells;
		const parts = [row.basename];
		if (cells instanceof CellMap) parts.push(...cells.displays());
		else for (const cell of cells.values()) if (cell.state === "value") parts.push(cell.display);
		text = parts.join("\n").toLowerCase();
		haystacks.set(row, text);
	}
	return text;
}

export function searchFilter(query: string, fuzzy: FuzzyMatcher | undefined): ((row: Row) => boolean) | null {
	const q = query.trim();
	if (q === "") return null;
	if (fuzzy !== undefined) return (row) => fuzzy(q, haystack(row)) !== null;
	const terms = q.toLowerCase().split(/\s+/);
	return (row) => {
		const text = haystack(row);
		return terms.every((t) => text.includes(t));
	};
}
