/**
 * Model + view options → what to show: selection, filters, search, multi-key sort, groups,
 * visible columns, and which cells differ. Each step lives in its own `view-*.ts` module; this
 * one applies them in order and caches what depends only on which rows are shown.
 */

import { facetTexts } from "./cells";
import { STATE_TOKENS } from "./facets";
import { NO_FILTERS } from "./filters";
import { searchFilter } from "./view-search";
import { sortOrder } from "./view-sort";
import { arrange, arrangedGroups, groupColumn } from "./view-groups";
import { carriedEntry, type FactsEntry, sameSort } from "./view-carry";
import { columnFacts, internTable, updatedFacts, type ColumnFacts } from "./view-differences";
import { cellOf } from "./model";
import type { ComparisonModel, FuzzyMatcher, Row, RowGroup, ViewColumn, ViewOptions, ViewResult } from "./types";

export const DEFAULT_VIEW_OPTIONS: Readonly<ViewOptions> = Object.freeze({
	sort: [],
	search: "",
	filters: NO_FILTERS,
	groupBy: null,
	hiddenColumns: [],
	hideIdentical: false,
	differencesFirst: false,
});

/** Per model, what depends only on which rows are shown (see `FactsEntry`). */
const factsCache = new WeakMap<ComparisonModel, FactsEntry>();

/** The selection, filters and search of `view` as one string. */
function shownKey(view: ViewOptions): string {
	const filters = Object.entries(view.filters).filter(([, v]) => v.length > 0);
	return JSON.stringify([view.selected ?? [], filters, view.search.trim()]);
}

/** Whether one row passes the selection, filters and search, or null when every row does. */
function shownTest(view: ViewOptions, fuzzy: FuzzyMatcher | undefined): ((row: Row) => boolean) | null {
	const tests: ((row: Row) => boolean)[] = [];
	const selected = view.selected ?? [];
	if (selected.length > 0) {
		const wanted = new Set(selected);
		tests.push((r) => wanted.has(r.path));
	}
	for (const [key, accepted] of Object.entries(view.filters)) {
		if (accepted.length === 0) continue;
		const set = new Set(accepted);
		tests.push((r) => facetTexts(cellOf(r, key), STATE_TOKENS).some((t) => set.has(t)));
	}
	const matches = searchFilter(view.search, fuzzy);
	if (matches !== null) tests.push(matches);
	return tests.length === 0 ? null : (row) => tests.every((t) => t(row));
}

function factsFor(model: ComparisonModel, view: ViewOptions, fuzzy: FuzzyMatcher | undefined): FactsEntry {
	const key = shownKey(view);
	const cached = factsCache.get(model);
	if (cached !== undefined && cached.key === key && cached.fuzzy === fuzzy) return cached;
	const test = shownTest(view, fuzzy);
	let entry = carriedEntry(model, key, fuzzy, test, factsCache);
	if (entry === null) {
		const rows = test === null ? model.rows : model.rows.filter(test);
		entry = {
			key,
			fuzzy,
			rows,
			facts: new Map(),
			shown: new Set(rows.map((r) => r.path)),
			carried: null,
			sortColumns: new Map(),
			groupColumns: new Map(),
			order: null,
			arrangement: null,
		};
	}
	factsCache.set(model, entry);
	return entry;
}

function factsOf(model: ComparisonModel, entry: FactsEntry, rows: readonly Row[], key: string, numeric: boolean): ColumnFacts {
	let facts = entry.facts.get(key);
	if (facts !== undefined) return facts;
	const table = internTable(model, key);
	const previous = entry.carried?.facts.get(key);
	if (previous !== undefined && entry.carried !== null)
		facts = updatedFacts(previous, key, numeric, entry.carried.pairs, entry.shown, table) ?? undefined;
	facts ??= columnFacts(rows, key, numeric, () => entry.shown, table);
	entry.facts.set(key, facts);
	return facts;
}

function orderedColumns(model: ComparisonModel, view: ViewOptions) {
	const hidden = new Set(view.hiddenColumns);
	const byKey = new Map(model.columns.map((c) => [c.key, c]));
	const out = [];
	const seen = new Set<string>();
	for (const key of view.columnOrder ?? []) {
		const col = byKey.get(key);
		if (col !== undefined && !seen.has(key)) {
			out.push(col);
			seen.add(key);
		}
	}
	for (const col of model.columns) if (!seen.has(col.key)) out.push(col);
	return out.filter((c) => !hidden.has(c.key));
}

/**
 * Select, filter, search, sort and group the rows, then work out the visible columns and the
 * differences among the shown rows.
 */
export function applyView(model: ComparisonModel, view: ViewOptions, fuzzy?: FuzzyMatcher): ViewResult {
	// Everything below depends on which rows are shown, not on their order: cached per model and
	// row set (`FactsEntry`), so a header click only sorts numbers and regroups.
	const entry = factsFor(model, view, fuzzy);
	const rows = entry.rows;
	let order = entry.order !== null && sameSort(entry.order.sort, view.sort) ? entry.order.order : null;
	if (order === null) {
		order = sortOrder(model, rows, view.sort, entry.sortColumns);
		entry.order = { sort: [...view.sort], order };
	}
	let sorted: Row[];
	let groups: RowGroup[] | null = null;
	if (view.groupBy !== null && view.groupBy !== "") {
		let column = entry.groupColumns.get(view.groupBy);
		if (column === undefined) {
			column = groupColumn(rows, view.groupBy);
			entry.groupColumns.set(view.groupBy, column);
		}
		let arrangement = entry.arrangement;
		if (arrangement === null || arrangement.groupBy !== view.groupBy || !sameSort(arrangement.sort, view.sort)) {
			arrangement = arrange(rows, order, column, view.groupBy, [...view.sort]);
			entry.arrangement = arrangement;
		}
		groups = arrangedGroups(column, arrangement);
		sorted = ([] as Row[]).concat(...groups.map((g) => g.rows));
	} else {
		sorted = new Array<Row>(order.length);
		for (let i = 0; i < order.length; i++) sorted[i] = rows[order[i]];
	}

	const sortIndex = new Map(view.sort.map((s, i) => [s.key, i]));
	const differingCells = new Map<string, ReadonlySet<string>>();
	let columns: ViewColumn[] = orderedColumns(model, view).map((col) => {
		const colFacts = factsOf(model, entry, rows, col.key, col.type === "number");
		if (colFacts.differing !== null) differingCells.set(col.key, colFacts.differing);
		const out: { -readonly [K in keyof ViewColumn]: ViewColumn[K] } = { ...col, differs: colFacts.differs };
		if (colFacts.min !== undefined) out.min = colFacts.min;
		if (colFacts.max !== undefined) out.max = colFacts.max;
		const si = sortIndex.get(col.key);
		if (si !== undefined) {
			out.sortIndex = si;
			out.sortDir = view.sort[si]?.dir;
		}
		return out;
	});
	if (view.hideIdentical) columns = columns.filter((c) => c.differs);
	if (view.differencesFirst) columns = [...columns.filter((c) => c.differs), ...columns.filter((c) => !c.differs)];
	return { model, columns, rows: sorted, groups, totalRows: model.rows.length, differingCells };
}

/** Whether the cell of `path` in column `key` is marked as differing. */
export function cellDiffers(view: ViewResult, key: string, path: string): boolean {
	return view.differingCells.get(key)?.has(path) ?? false;
}
