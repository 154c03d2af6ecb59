/** Multi-key sorting of the shown rows: numbers numerically, text naturally, blanks always last. */

import { CellMap } from "./cellmap";
import { collator } from "./cells";
import { buildRankTable, rankEpoch, rankOf } from "./collation";
import { transientCell } from "./model";
import type { Cell, ComparisonModel, RankTable, Row, ViewOptions } from "./types";

/** Sort key for the note name (as in Bases). */
export const NAME_KEY = "file.name";

/** 0 = value, then empty, null, absent: blanks always sort last, whatever the direction. */
export function blankRank(cell: Cell): number {
	return cell.state === "empty" ? 1 : cell.state === "null" ? 2 : cell.state === "absent" ? 3 : 0;
}

/** Compare two sort keys: numbers before strings, numbers numerically, strings naturally. */
export function compareSortKeys(a: number | string, b: number | string): number {
	if (typeof a === "number") {
		if (typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
		return -1;
	}
	if (typeof b === "number") return 1;
	return a === b ? 0 : collator.compare(a, b);
}

/** Sort classes: number value, text value, then the blanks (always last). */
const CLASS_NUMBER = 0;
const CLASS_TEXT = 1;
const CLASS_EMPTY = 2;
const CLASS_NULL = 3;
const CLASS_ABSENT = 4;

function rankTable(model: ComparisonModel, key: string): RankTable {
	let table = model.collation.get(key);
	if (table === undefined) {
		const strings: string[] = [];
		for (const row of model.rows) {
			if (key === NAME_KEY) {
				strings.push(row.basename);
				continue;
			}
			const cell = row.cells.get(key);
			if (cell !== undefined && cell.state === "value" && typeof cell.sortKey === "string") strings.push(cell.sortKey);
		}
		table = buildRankTable(strings);
		model.collation.set(key, table);
	}
	return table;
}

/** Per shown row (in model order): its sort class and value for one key. */
export interface SortColumn {
	readonly cls: Uint8Array;
	readonly val: Float64Array;
}

/** Set row `i`'s class and value in `column` from `row`. */
function setSortKey(model: ComparisonModel, column: SortColumn, i: number, row: Row, key: string): void {
	const { cls, val } = column;
	if (key === NAME_KEY) {
		cls[i] = CLASS_TEXT;
		val[i] = rankOf(rankTable(model, key), row.basename);
		return;
	}
	const cells = row.cells;
	if (cells instanceof CellMap) {
		// A number straight from the frontmatter value (its sort key), without making a cell.
		const number = cells.numberOf(key);
		if (number !== null) {
			cls[i] = CLASS_NUMBER;
			val[i] = number;
			return;
		}
	}
	// Read without keeping the cell: a sort reads one cell of every row, most never shown.
	const cell = transientCell(row, key);
	if (cell.state === "value") {
		if (typeof cell.sortKey === "number") {
			cls[i] = CLASS_NUMBER;
			val[i] = cell.sortKey;
		} else {
			cls[i] = CLASS_TEXT;
			val[i] = rankOf(rankTable(model, key), cell.sortKey);
		}
	} else {
		cls[i] = cell.state === "empty" ? CLASS_EMPTY : cell.state === "null" ? CLASS_NULL : CLASS_ABSENT;
	}
}

function sortColumn(model: ComparisonModel, rows: readonly Row[], key: string): SortColumn {
	const n = rows.length;
	const column = { cls: new Uint8Array(n), val: new Float64Array(n) };
	for (let i = 0; i < n; i++) setSortKey(model, column, i, rows[i], key);
	return column;
}

/**
 * `column` (for `rows` before the rows at `positions` were replaced) made current for `rows`, in
 * place: its owner (the view cache of the model before) hands it over. When a new text took a
 * rank that renumbered the collation table, every row is ranked again (a new column; the order
 * among the other rows is unchanged).
 */
export function updatedSortColumn(
	model: ComparisonModel,
	column: SortColumn,
	rows: readonly Row[],
	positions: readonly number[],
	key: string,
): SortColumn {
	const epoch = rankEpoch();
	for (const at of positions) setSortKey(model, column, at, rows[at], key);
	return epoch === rankEpoch() ? column : sortColumn(model, rows, key);
}

type SortColumns = readonly { readonly cls: Uint8Array; readonly val: Float64Array; readonly dir: number }[];

/** The sort's comparison of two shown rows (by index): keys in turn, then model order. */
function comparator(columns: SortColumns): (a: number, b: number) => number {
	return (a, b) => {
		for (const { cls, val, dir } of columns) {
			const ca = cls[a];
			const cb = cls[b];
			if (ca !== cb) return ca <= CLASS_TEXT && cb <= CLASS_TEXT ? (ca - cb) * dir : ca - cb;
			if (ca > CLASS_TEXT) continue;
			const va = val[a];
			const vb = val[b];
			if (va !== vb) return va < vb ? -dir : dir;
		}
		return a - b;
	};
}

function sortColumns(model: ComparisonModel, rows: readonly Row[], sort: ViewOptions["sort"], cache: Map<string, SortColumn>): SortColumns {
	return sort.map((s) => {
		let column = cache.get(s.key);
		if (column === undefined) {
			column = sortColumn(model, rows, s.key);
			cache.set(s.key, column);
		}
		return { cls: column.cls, val: column.val, dir: s.dir === "desc" ? -1 : 1 };
	});
}

/** The sort's comparison of two shown rows by index (model order when unsorted). */
export function orderComparator(
	model: ComparisonModel,
	rows: readonly Row[],
	sort: ViewOptions["sort"],
	cache: Map<string, SortColumn>,
): (a: number, b: number) => number {
	return comparator(sortColumns(model, rows, sort, cache));
}

/**
 * `order` (the sort of the rows before those at `positions` were replaced) made current, in
 * place (handed over like the sort columns): those rows taken out and put back where their new
 * keys belong, found by binary search. `cache` holds the sort columns already made current.
 * The result is the order `sortOrder` gives.
 */
export function updatedOrder(
	model: ComparisonModel,
	rows: readonly Row[],
	sort: ViewOptions["sort"],
	cache: Map<string, SortColumn>,
	order: number[],
	positions: readonly number[],
): number[] {
	// Unsorted: model order, which replacing rows in place does not change.
	if (sort.length === 0) return order.length === rows.length ? order : sortOrder(model, rows, sort, cache);
	const compare = comparator(sortColumns(model, rows, sort, cache));
	const moved = [...new Set(positions)];
	for (const p of moved) {
		const at = order.indexOf(p);
		if (at >= 0) order.splice(at, 1);
	}
	for (const p of moved) insertSorted(order, p, compare);
	return order;
}

/** Put `item` into `list`, sorted by `compare`, at its place (found by binary search). */
export function insertSorted(list: number[], item: number, compare: (a: number, b: number) => number): void {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (compare(list[mid], item) < 0) lo = mid + 1;
		else hi = mid;
	}
	list.splice(lo, 0, item);
}

/**
 * Multi-key sort. Per key: numbers before text (reversed when descending), text by collation
 * rank, blanks last in both directions (empty, null, absent); ties keep the model order.
 */
export function sortOrder(
	model: ComparisonModel,
	rows: readonly Row[],
	sort: ViewOptions["sort"],
	cache: Map<string, SortColumn>,
): number[] {
	const order = new Array<number>(rows.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	if (sort.length === 0) return order;
	const columns = sortColumns(model, rows, sort, cache);
	if (columns.length === 1 && columns[0] !== undefined) return singleKeyOrder(columns[0], rows.length);
	return order.sort(comparator(columns));
}

/**
 * `sortOrder` for one key (a header click), the same order with less work per comparison: rows
 * are split by class first (numbers and text in the sort direction, then empty, null, absent in
 * row order), and only numbers and text are compared, by value and then by row.
 */
function singleKeyOrder(column: { readonly cls: Uint8Array; readonly val: Float64Array; readonly dir: number }, n: number): number[] {
	const { cls, val, dir } = column;
	const buckets: number[][] = [[], [], [], [], []];
	for (let i = 0; i < n; i++) (buckets[cls[i] ?? CLASS_ABSENT] ?? []).push(i);
	const byValue = (a: number, b: number): number => {
		const va = val[a] ?? 0;
		const vb = val[b] ?? 0;
		if (va !== vb) return va < vb ? -dir : dir;
		return a - b;
	};
	const numbers = (buckets[CLASS_NUMBER] ?? []).sort(byValue);
	const texts = (buckets[CLASS_TEXT] ?? []).sort(byValue);
	const rest = [...(buckets[CLASS_EMPTY] ?? []), ...(buckets[CLASS_NULL] ?? []), ...(buckets[CLASS_ABSENT] ?? [])];
	return dir === 1 ? [...numbers, ...texts, ...rest] : [...texts, ...numbers, ...rest];
}
