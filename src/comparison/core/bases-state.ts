/**
 * The "Comparison" Bases view's own settings, kept per view in the base's config (so they are
 * saved in the `.base` file): the options of Bases' view menu (transpose, hide identical
 * columns, differences first, group by) and what the table changes by itself (header sort,
 * checked notes). Read back untrusted: a `.base` file may be edited by hand.
 */
import type { RowGroup, SortKey, ViewResult } from "./types";
import type { Orientation } from "./view-state";
import { parseViewState } from "./view-state";

/** The view config's keys (prefixed where Bases has a setting of its own by that name). */
export const BASES_KEYS = {
	transpose: "transpose",
	hideIdentical: "hideIdentical",
	differencesFirst: "differencesFirst",
	groupBy: "comparisonGroupBy",
	sort: "comparisonSort",
	selected: "comparisonSelected",
} as const;

export interface BasesViewState {
	readonly orientation: Orientation;
	readonly hideIdentical: boolean;
	readonly differencesFirst: boolean;
	/** Note property to group by when the base itself is not grouped, or null. */
	readonly groupBy: string | null;
	readonly sort: readonly SortKey[];
	readonly selected: readonly string[];
}

/** A Bases property id of a note property (`note.category`) → its key (`category`); null otherwise. */
export function notePropertyKey(id: unknown): string | null {
	return typeof id === "string" && id.startsWith("note.") && id.length > "note.".length ? id.slice("note.".length) : null;
}

/** The view's state from its config values (`get(key)`), any of them missing or malformed. */
export function readBasesViewState(get: (key: string) => unknown): BasesViewState {
	const saved = parseViewState({ sort: get(BASES_KEYS.sort), selected: get(BASES_KEYS.selected) });
	return {
		orientation: get(BASES_KEYS.transpose) === true ? "columns" : "rows",
		hideIdentical: get(BASES_KEYS.hideIdentical) === true,
		differencesFirst: get(BASES_KEYS.differencesFirst) === true,
		groupBy: notePropertyKey(get(BASES_KEYS.groupBy)),
		sort: saved.sort,
		selected: [...new Set(saved.selected)],
	};
}

/** The header sort as the config stores it. */
export function sortConfig(sort: readonly SortKey[]): { key: string; dir: "asc" | "desc" }[] {
	return sort.map((k) => ({ key: k.key, dir: k.dir }));
}

/** One group of the base's own grouping: its heading and the paths of its entries. */
export interface BasesGroup {
	readonly label: string;
	readonly paths: readonly string[];
}

/**
 * The shown rows split into the base's groups, in the base's group order; within a group, rows
 * keep the result's order (its header sort). Groups with no shown row are left out.
 */
export function inBasesGroups(result: ViewResult, groups: readonly BasesGroup[]): ViewResult {
	const at = new Map(result.rows.map((row, i) => [row.path, i]));
	/** A note in several groups (grouped by a list) is shown in the first. */
	const placed = new Set<string>();
	const out: RowGroup[] = [];
	for (const group of groups) {
		const indexes: number[] = [];
		for (const path of group.paths) {
			const i = at.get(path);
			if (i === undefined || placed.has(path)) continue;
			placed.add(path);
			indexes.push(i);
		}
		indexes.sort((a, b) => a - b);
		if (indexes.length > 0) out.push({ value: group.label, label: group.label, rows: indexes.map((i) => result.rows[i]) });
	}
	return { ...result, rows: out.flatMap((g) => g.rows), groups: out };
}
