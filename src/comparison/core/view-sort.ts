/** Multi-key sorting of the shown rows: numbers numerically, text naturally, blanks always last. */

import { collator } from "./cells";
import { buildRankTable, rankOf } from "./collation";
import { cellOf } from "./model";
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

function sortColumn(model: ComparisonModel, rows: readonly Row[], key: string): SortColumn {
	const n = rows.length;
	const cls = new Uint8Array(n);
	const val = new Float64Array(n);
	let table: RankTable | undefined;
	for (let i = 0; i < n; i++) {
		const row = rows[i];
		if (key === NAME_KEY) {
			table ??= rankTable(model, key);
			cls[i] = CLASS_TEXT;
			val[i] = rankOf(table, row.basename);
			continue;
		}
		const cell = cellOf(row, key);
		if (cell.state === "value") {
			if (typeof cell.sortKey === "number") {
				cls[i] = CLASS_NUMBER;
				val[i] = cell.sortKey;
			} else {
				table ??= rankTable(model, key);
				cls[i] = CLASS_TEXT;
				val[i] = rankOf(table, cell.sortKey);
			}
		} else {
			cls[i] = cell.state === "empty" ? CLASS_EMPTY : cell.state === "null" ? CLASS_NULL : CLASS_ABSENT;
		}
	}
	return { cls, val };
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
	const order = Array.from({ length: rows.length }, (_, i) => i);
	if (sort.length === 0) return order;
	const columns = sort.map((s) => {
		let column = cache.get(s.key);
		if (column === undefined) {
			column = sortColumn(model, rows, s.key);
			cache.set(s.key, column);
		}
		return { cls: column.cls, val: column.val, dir: s.dir === "desc" ? -1 : 1 };
	});
	if (columns.length === 1 && columns[0] !== undefined) return singleKeyOrder(columns[0], rows.length);
	order.sort((a, b) => {
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
	});
	return order;
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
