/**
 * What `applyView` keeps per model and set of shown rows (`FactsEntry`), and how a model that
 * `updateModel` made by replacing a few rows takes it over from the model it came from: the
 * shown rows with the new rows in place, the sort keys and groups of those rows set again, the
 * last sort order with those rows moved to where they now belong, and the column facts updated
 * column by column (in `view.ts`). The result is the one computing everything afresh gives.
 */

import type { ColumnFacts } from "./view-differences";
import { type Arrangement, updatedArrangement, updatedGroupColumn, type GroupColumn } from "./view-groups";
import { orderComparator, updatedOrder, updatedSortColumn, type SortColumn } from "./view-sort";
import type { ComparisonModel, FuzzyMatcher, Row, SortKey } from "./types";

/** What depends on which rows are shown, not on their order or grouping, for one model. */
export interface FactsEntry {
	/** The selection, filters and search it is for (see `shownKey` in `view.ts`). */
	readonly key: string;
	readonly fuzzy: FuzzyMatcher | undefined;
	/** The shown rows, in model order (the model's own list when every row is shown). */
	readonly rows: readonly Row[];
	readonly facts: Map<string, ColumnFacts>;
	/** Paths of the shown rows. */
	readonly shown: ReadonlySet<string>;
	/** Sort keys and groups per property over the shown rows (model order): a re-sort reuses them. */
	readonly sortColumns: Map<string, SortColumn>;
	readonly groupColumns: Map<string, GroupColumn>;
	/** The last arrangement in groups made (see `Arrangement`). */
	arrangement: Arrangement | null;
	/** The last sort order made (indexes into `rows`) and its sort keys. */
	order: { readonly sort: readonly SortKey[]; readonly order: number[] } | null;
	/** Facts of the model this one came from, to update column by column. */
	readonly carried: { readonly facts: Map<string, ColumnFacts>; readonly pairs: readonly (readonly [Row, Row])[] } | null;
}

/** More replaced rows than this are cheaper to take afresh than to move one by one. */
const CARRY_MAX_ROWS = 32;

/** Whether two sorts use the same keys in the same directions. */
export function sameSort(a: readonly SortKey[], b: readonly SortKey[]): boolean {
	return a.length === b.length && a.every((k, i) => k.key === b[i]?.key && k.dir === b[i]?.dir);
}

/**
 * The entry of `model` taken over from that of the model it came from, or null when it must be
 * made afresh: rows were added or deleted, many were replaced, the origin's entry is for other
 * rows, or a replaced row joins or leaves the shown rows. The origin's entry is consumed (its
 * facts, sort columns, groups and order are taken over and changed in place), so it is removed
 * from `cache` first: the model before then computes its view afresh if asked again.
 */
export function carriedEntry(
	model: ComparisonModel,
	key: string,
	fuzzy: FuzzyMatcher | undefined,
	test: ((row: Row) => boolean) | null,
	cache: WeakMap<ComparisonModel, FactsEntry>,
): FactsEntry | null {
	const origin = model.origin;
	if (!origin?.model || origin.structural || origin.replaced.length > CARRY_MAX_ROWS) return null;
	const before = cache.get(origin.model);
	if (before === undefined || before.key !== key || before.fuzzy !== fuzzy) return null;
	const all = before.rows === origin.model.rows;
	if (all !== (test === null) || (all && model.rows.length !== before.rows.length)) return null;
	const positions: number[] = [];
	const pairs: (readonly [Row, Row])[] = [];
	let rows: Row[] | null = null;
	for (const pair of origin.replaced) {
		const [old, row] = pair;
		const was = before.shown.has(old.path);
		if (was !== (test === null || test(row))) return null;
		if (!was) continue;
		const at = before.rows.indexOf(old);
		if (at < 0) return null;
		if (!all) {
			rows ??= before.rows.slice();
			rows[at] = row;
		} else if (model.rows[at] !== row) return null;
		positions.push(at);
		pairs.push(pair);
	}
	const shownRows = all ? model.rows : (rows ?? before.rows);
	cache.delete(origin.model);
	const sortColumns = new Map<string, SortColumn>();
	for (const [k, column] of before.sortColumns) sortColumns.set(k, updatedSortColumn(model, column, shownRows, positions, k));
	const arranged = before.arrangement;
	const groupColumns = new Map<string, GroupColumn>();
	let oldGroups: number[] | null = null;
	for (const [k, column] of before.groupColumns) {
		if (arranged !== null && k === arranged.groupBy) oldGroups = positions.map((p) => column.bucket[p]);
		groupColumns.set(k, updatedGroupColumn(column, shownRows, positions, k));
	}
	const order =
		before.order === null
			? null
			: {
					sort: before.order.sort,
					order: updatedOrder(model, shownRows, before.order.sort, sortColumns, before.order.order, positions),
				};
	const column = arranged === null ? undefined : groupColumns.get(arranged.groupBy);
	const arrangement =
		arranged === null || column === undefined || oldGroups === null
			? null
			: updatedArrangement(
					arranged,
					column,
					shownRows,
					positions,
					oldGroups,
					orderComparator(model, shownRows, arranged.sort, sortColumns),
				);
	return {
		key,
		fuzzy,
		rows: shownRows,
		arrangement,
		facts: new Map(),
		shown: before.shown,
		sortColumns,
		groupColumns,
		order,
		carried: { facts: before.facts, pairs },
	};
}
