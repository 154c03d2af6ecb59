/**
 * What the comparison pane's controls do to its state: each action is a pure
 * `(state, action) → state` step, so toolbar, filter bar, header menus and checkboxes share one
 * set of rules.
 */
import { filterValues, withFilterValues } from "./filters";
import type { SortKey } from "./types";
import { type ComparisonViewState, clickSort } from "./view-state";

export type ToggleFlag = "hideIdentical" | "differencesFirst" | "onlySelected";

export type PaneAction =
	| { readonly type: "search"; readonly text: string }
	| { readonly type: "transpose" }
	| { readonly type: "toggle"; readonly flag: ToggleFlag }
	| { readonly type: "groupBy"; readonly key: string | null }
	| { readonly type: "filterKey"; readonly key: string | null }
	| { readonly type: "toggleFilterValue"; readonly key: string; readonly value: string }
	| { readonly type: "clearFilter"; readonly key: string }
	| { readonly type: "select"; readonly paths: readonly string[]; readonly checked: boolean }
	| { readonly type: "clickSort"; readonly key: string; readonly additive: boolean }
	| { readonly type: "sortBy"; readonly key: string; readonly dir: SortKey["dir"] }
	/** Move `key` by `delta` places among the columns in view (`visible`, in display order). */
	| { readonly type: "moveColumn"; readonly visible: readonly string[]; readonly key: string; readonly delta: number }
	| { readonly type: "hideColumn"; readonly key: string; readonly hidden: boolean }
	| { readonly type: "showAllColumns" }
	| { readonly type: "resetColumnOrder" };

function toggled(values: readonly string[], value: string, on: boolean): string[] {
	const set = new Set(values);
	if (on) set.add(value);
	else set.delete(value);
	return [...set];
}

function withFilters(state: ComparisonViewState, key: string, values: readonly string[]): ComparisonViewState {
	return { ...state, filters: withFilterValues(state.filters, key, values) };
}

/** The pane state after one user action (the input is never changed). */
export function paneReducer(state: ComparisonViewState, action: PaneAction): ComparisonViewState {
	switch (action.type) {
		case "search":
			return { ...state, search: action.text };
		case "transpose":
			return { ...state, orientation: state.orientation === "rows" ? "columns" : "rows" };
		case "toggle":
			return { ...state, [action.flag]: !state[action.flag] };
		case "groupBy":
			return { ...state, groupBy: action.key };
		case "filterKey":
			return { ...state, filterKey: action.key };
		case "toggleFilterValue": {
			const current = filterValues(state.filters, action.key);
			return withFilters(state, action.key, toggled(current, action.value, !current.includes(action.value)));
		}
		case "clearFilter":
			return withFilters(state, action.key, []);
		case "select": {
			let selected = state.selected;
			for (const path of action.paths) selected = toggled(selected, path, action.checked);
			return { ...state, selected, onlySelected: selected.length === 0 ? false : state.onlySelected };
		}
		case "clickSort":
			return { ...state, sort: clickSort(state.sort, action.key, action.additive) };
		case "sortBy":
			return { ...state, sort: [{ key: action.key, dir: action.dir }] };
		case "moveColumn": {
			const keys = [...action.visible];
			const at = keys.indexOf(action.key);
			const to = at + action.delta;
			if (at < 0 || to < 0 || to >= keys.length) return state;
			[keys[at], keys[to]] = [keys[to] ?? action.key, action.key];
			return { ...state, columnOrder: keys };
		}
		case "hideColumn":
			return { ...state, hiddenColumns: toggled(state.hiddenColumns, action.key, action.hidden) };
		case "showAllColumns":
			return { ...state, hiddenColumns: [] };
		case "resetColumnOrder":
			return { ...state, columnOrder: [] };
	}
}
