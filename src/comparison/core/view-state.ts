/**
 * The comparison pane's saved view state: what it restores on reload (repaired when the saved
 * JSON is old or edited), how it turns into the model's view options, and header sort clicks.
 */

import { type Filters, NO_FILTERS, filtersOf } from "./filters";
import type { ComparisonModel, SortKey, ViewOptions } from "./types";

export type Orientation = "rows" | "columns";

/** Everything the pane saves in the workspace (view state) and restores on reload. */
export interface ComparisonViewState {
	/** Folder the pane is limited to, or null for the whole vault. */
	readonly scope: string | null;
	/** `rows`: one row per note. `columns`: notes side by side (transposed). */
	readonly orientation: Orientation;
	readonly sort: readonly SortKey[];
	readonly search: string;
	/** Per property, the accepted facet values; a record without a prototype (see `Filters`). */
	readonly filters: Filters;
	/** Property whose values the filter bar shows as chips, or null. */
	readonly filterKey: string | null;
	/** Group rows by this property; null for none; undefined means the settings' default. */
	readonly groupBy: string | null | undefined;
	readonly hiddenColumns: readonly string[];
	readonly columnOrder: readonly string[];
	/** Checked notes (paths). */
	readonly selected: readonly string[];
	/** Compare only the checked notes. */
	readonly onlySelected: boolean;
	readonly hideIdentical: boolean;
	readonly differencesFirst: boolean;
}

export const DEFAULT_VIEW_STATE: Readonly<ComparisonViewState> = Object.freeze({
	scope: null,
	orientation: "rows",
	sort: [],
	search: "",
	filters: NO_FILTERS,
	filterKey: null,
	groupBy: undefined,
	hiddenColumns: [],
	columnOrder: [],
	selected: [],
	onlySelected: false,
	hideIdentical: false,
	differencesFirst: false,
});

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function optionalString(value: unknown): string | null {
	return typeof value === "string" && value !== "" ? value : null;
}

function sortKeys(value: unknown): SortKey[] {
	if (!Array.isArray(value)) return [];
	const out: SortKey[] = [];
	for (const item of value) {
		if (!isRecord(item) || typeof item.key !== "string") continue;
		if (out.some((k) => k.key === item.key)) continue;
		out.push({ key: item.key, dir: item.dir === "desc" ? "desc" : "asc" });
	}
	return out;
}

/** Saved filters; every key the JSON holds is kept, `__proto__` and `constructor` too. */
function filterMap(value: unknown): Filters {
	if (!isRecord(value)) return NO_FILTERS;
	return filtersOf(Object.entries(value).map(([key, list]) => [key, stringList(list)]));
}

/** Read a saved view state (untrusted: workspace.json may be old or edited); never throws. */
export function parseViewState(raw: unknown): ComparisonViewState {
	const src = isRecord(raw) ? raw : {};
	let groupBy: string | null | undefined = undefined;
	if (src.groupBy === null) groupBy = null;
	else if (typeof src.groupBy === "string") groupBy = src.groupBy === "" ? null : src.groupBy;
	return {
		scope: optionalString(src.scope),
		orientation: src.orientation === "columns" ? "columns" : "rows",
		sort: sortKeys(src.sort),
		search: typeof src.search === "string" ? src.search : "",
		filters: filterMap(src.filters),
		filterKey: optionalString(src.filterKey),
		groupBy,
		hiddenColumns: stringList(src.hiddenColumns),
		columnOrder: stringList(src.columnOrder),
		selected: stringList(src.selected),
		onlySelected: src.onlySelected === true,
		hideIdentical: src.hideIdentical === true,
		differencesFirst: src.differencesFirst === true,
	};
}

/** The state as plain JSON for `getState()` (undefined group means "use the settings"). */
export function serializeViewState(state: ComparisonViewState): Record<string, unknown> {
	const out: Record<string, unknown> = {
		scope: state.scope,
		orientation: state.orientation,
		sort: state.sort.map((k) => ({ key: k.key, dir: k.dir })),
		search: state.search,
		filters: Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, [...v]])),
		filterKey: state.filterKey,
		hiddenColumns: [...state.hiddenColumns],
		columnOrder: [...state.columnOrder],
		selected: [...state.selected],
		onlySelected: state.onlySelected,
		hideIdentical: state.hideIdentical,
		differencesFirst: state.differencesFirst,
	};
	if (state.groupBy !== undefined) out.groupBy = state.groupBy;
	return out;
}

/** The model's view options for a state; `defaultGroupBy` comes from the settings. */
export function toViewOptions(state: ComparisonViewState, defaultGroupBy: string): ViewOptions {
	const groupBy = state.groupBy === undefined ? (defaultGroupBy.trim() === "" ? null : defaultGroupBy.trim()) : state.groupBy;
	return {
		sort: state.sort,
		search: state.search,
		filters: state.filters,
		groupBy,
		hiddenColumns: state.hiddenColumns,
		columnOrder: state.columnOrder,
		selected: state.onlySelected && state.selected.length > 0 ? state.selected : undefined,
		hideIdentical: state.hideIdentical,
		differencesFirst: state.differencesFirst,
	};
}

/**
 * The property the pane groups by when the saved state names none: the settings' property when a
 * column of the model has it, otherwise no grouping ("").
 */
export function defaultGroupBy(model: ComparisonModel | null, setting: string): string {
	const wanted = setting.trim();
	return wanted !== "" && model !== null && model.columns.some((c) => c.key === wanted) ? wanted : "";
}

/**
 * A header click on `key`. Plain click: sort by it alone (asc → desc → unsorted). Shift-click:
 * add it as the next key, or flip it (asc → desc → removed) where it already is.
 */
export function clickSort(sort: readonly SortKey[], key: string, additive: boolean): SortKey[] {
	const at = sort.findIndex((k) => k.key === key);
	const existing = at >= 0 ? sort[at] : undefined;
	if (additive) {
		if (!existing) return [...sort, { key, dir: "asc" }];
		if (existing.dir === "asc") return sort.map((k, i) => (i === at ? { key, dir: "desc" } : k));
		return sort.filter((_, i) => i !== at);
	}
	if (existing && sort.length === 1) return existing.dir === "asc" ? [{ key, dir: "desc" }] : [];
	return [{ key, dir: "asc" }];
}
