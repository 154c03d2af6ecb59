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
	const numbers = valueOrder(buckets[CLASS_NUMBER] ?? [], val, dir);
	const texts = valueOrder(buckets[CLASS_TEXT] ?? [], val, dir);
	const rest = [...(buckets[CLASS_EMPTY] ?? []), ...(buckets[CLASS_NULL] ?? []), ...(buckets[CLASS_ABSENT] ?? [])];
	return dir === 1 ? [...numbers, ...texts, ...rest] : [...texts, ...numbers, ...rest];
}

/** Which half of a float64's two 32-bit words holds its low bits (the machine's byte order). */
const LOW_HALF = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** The radix sort's digits: six of 11 bits (a word's top digit has 10), each a table of 2,048 counts. */
const DIGITS = 6;
const RADIX = 2048;
const MASK = RADIX - 1;

/** Below this many rows the comparison sort is as quick as the radix sort's set-up. */
const RADIX_MIN = 256;

/**
 * `rows` (row indexes, ascending) ordered by `val` in direction `dir`, equal values in row order.
 * Long lists are sorted by the bits of their values, 11 at a time from the lowest (a stable radix
 * sort: a few passes over typed arrays instead of about n·log n calls of a comparison function).
 * A value's bits are made to order as the numbers do: negatives' bits inverted, positives' sign
 * bit set, and all inverted again for a descending sort; -0 is 0, as for the comparison.
 */
function valueOrder(rows: number[], val: Float64Array, dir: number): number[] {
	const n = rows.length;
	const byValue = (a: number, b: number): number => {
		const va = val[a] ?? 0;
		const vb = val[b] ?? 0;
		if (va !== vb) return va < vb ? -dir : dir;
		return a - b;
	};
	if (n < RADIX_MIN) return rows.sort(byValue);
	const word = new Float64Array(1);
	const half = new Uint32Array(word.buffer);
	const low = new Uint32Array(n);
	const high = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const v = (val[rows[i]] ?? 0) + 0;
		// A NaN has no place in the order the comparison gives: keep the comparison.
		if (Number.isNaN(v)) return rows.sort(byValue);
		word[0] = v;
		let h = half[1 - LOW_HALF];
		let l = half[LOW_HALF];
		if (h >= 0x80000000) {
			h = ~h >>> 0;
			l = ~l >>> 0;
		} else {
			h = (h | 0x80000000) >>> 0;
		}
		if (dir < 0) {
			h = ~h >>> 0;
			l = ~l >>> 0;
		}
		high[i] = h;
		low[i] = l;
	}
	// Six digits of 11 bits (10 for a word's top one), lowest first; every digit counted in one pass.
	const counts = new Int32Array(DIGITS * RADIX);
	for (let i = 0; i < n; i++) {
		const l = low[i];
		const h = high[i];
		counts[l & MASK]++;
		counts[RADIX + ((l >>> 11) & MASK)]++;
		counts[2 * RADIX + (l >>> 22)]++;
		counts[3 * RADIX + (h & MASK)]++;
		counts[4 * RADIX + ((h >>> 11) & MASK)]++;
		counts[5 * RADIX + (h >>> 22)]++;
	}
	let perm = new Int32Array(n);
	for (let i = 0; i < n; i++) perm[i] = i;
	let next = new Int32Array(n);
	for (let digit = 0; digit < DIGITS; digit++) {
		const keys = digit < 3 ? low : high;
		const shift = (digit % 3) * 11;
		const base = digit * RADIX;
		// Every value has the same bits here: the pass would not move anything.
		if (counts[base + ((keys[0] >>> shift) & MASK)] === n) continue;
		let total = 0;
		for (let d = base; d < base + RADIX; d++) {
			const c = counts[d];
			counts[d] = total;
			total += c;
		}
		for (let i = 0; i < n; i++) {
			const p = perm[i];
			next[counts[base + ((keys[p] >>> shift) & MASK)]++] = p;
		}
		[perm, next] = [next, perm];
	}
	const out = new Array<number>(n);
	for (let i = 0; i < n; i++) out[i] = rows[perm[i]];
	return out;
}
