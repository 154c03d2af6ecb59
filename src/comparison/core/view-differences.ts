/** Which columns differ among the shown rows, which of their cells are marked, and number ranges. */

import { ABSENT, EMPTY, NULL, cellIdentity } from "./cells";
import { CellMap, type InternTable, internId } from "./cellmap";
import { patchedSet } from "./view-patched-set";

import type { ComparisonModel, Row } from "./types";

export interface ColumnFacts {
	readonly differs: boolean;
	readonly differing: ReadonlySet<string> | null;
	readonly min?: number;
	readonly max?: number;
	/** How many shown rows have the smallest and the largest number. */
	readonly atMin: number;
	readonly atMax: number;
	readonly numeric: boolean;
	/** Shown rows per value id (null when all shown cells are equal); owned by one cache entry. */
	readonly counts: Int32Array | null;
	/** The most common value id, and whether more than half of the shown rows have it. */
	readonly top: number;
	readonly majority: boolean;
}

/** Value ids of the cell states; values get ids from 3 on. */
const ABSENT_ID = 0;

export function internTable(model: ComparisonModel, key: string): InternTable {
	let table = model.interns.get(key);
	if (table === undefined) {
		table = {
			ids: new Map<unknown, number>([
				[ABSENT, ABSENT_ID],
				[EMPTY, 1],
				[NULL, 2],
			]),
		};
		model.interns.set(key, table);
	}
	return table;
}

function valueId(row: Row, key: string, table: InternTable): number {
	const cells = row.cells;
	if (cells instanceof CellMap) return cells.valueId(key, table, ABSENT_ID);
	return internId(table, cellIdentity(cells.get(key) ?? ABSENT));
}

/**
 * Whether the rows do not all have the same cell (state and value) for `key`: a column's
 * `differs` in `applyView`, found without its other facts (it stops at the first difference) and
 * without keeping the cells it reads.
 */
export function columnDiffers(rows: readonly Row[], key: string): boolean {
	const identity = (row: Row): unknown =>
		row.cells instanceof CellMap ? row.cells.identityOf(key) : cellIdentity(row.cells.get(key) ?? ABSENT);
	if (rows.length < 2) return false;
	const first = identity(rows[0]);
	for (let i = 1; i < rows.length; i++) {
		const other = identity(rows[i]);
		// Equal as the intern table's keys are (SameValueZero: NaN equals NaN).
		if (other !== first && !(Number.isNaN(other) && Number.isNaN(first))) return true;
	}
	return false;
}

/**
 * Which cells of a column are marked as differing (the highlight rule):
 * - a column *differs* when the shown rows do not all have the same value (its header says so);
 * - when exactly two rows are shown (two notes compared, e.g. a selection of two), both cells of
 *   every differing column are marked: comparing two notes is about seeing every difference;
 * - otherwise a cell is marked only when the column has a *strict majority* value (more than half
 *   of the shown rows share it) and the cell's value is not that value. Without a strict majority
 *   (e.g. 5 categories × 2 notes each) no cell is marked: the header marker alone says that the
 *   property differs, instead of painting the whole column.
 */
type MarkRule = "both" | "minority" | "none";

function markRule(shown: number, topCount: number): MarkRule {
	if (shown === 2) return "both";
	return topCount * 2 > shown ? "minority" : "none";
}

/** Whether a column differs among the shown rows, which of its cells are marked, its number range. */
export function columnFacts(
	rows: readonly Row[],
	key: string,
	numeric: boolean,
	allShown: () => ReadonlySet<string>,
	table: InternTable,
): ColumnFacts {
	const n = rows.length;
	const ids = new Int32Array(n);
	let min = Infinity;
	let max = -Infinity;
	let atMin = 0;
	let atMax = 0;
	let same = true;
	for (let i = 0; i < n; i++) {
		const row = rows[i];
		const id = valueId(row, key, table);
		ids[i] = id;
		if (i > 0 && id !== ids[0]) same = false;
		if (numeric) {
			const value = numberOf(row, key);
			if (value !== null) {
				if (value < min) {
					min = value;
					atMin = 0;
				}
				if (value === min) atMin++;
				if (value > max) {
					max = value;
					atMax = 0;
				}
				if (value === max) atMax++;
			}
		}
	}
	const range = numeric && min <= max ? { min, max, atMin, atMax } : { atMin: 0, atMax: 0 };
	if (same) return { differs: false, differing: null, ...range, numeric, counts: null, top: n > 0 ? ids[0] : -1, majority: n > 0 };
	const counts = new Int32Array(table.ids.size);
	for (let i = 0; i < n; i++) counts[ids[i]]++;
	const { top, topCount } = mode(counts);
	const rule = markRule(n, topCount);
	const majority = topCount * 2 > n;
	if (rule === "both") return { differs: true, differing: allShown(), ...range, numeric, counts, top, majority };
	if (rule === "none") return { differs: true, differing: null, ...range, numeric, counts, top, majority };
	const differing = new Set<string>();
	for (let i = 0; i < n; i++) if (ids[i] !== top) differing.add(rows[i].path);
	return { differs: true, differing, ...range, numeric, counts, top, majority };
}

/** The number of a number cell (as it sorts), else null. */
function numberOf(row: Row, key: string): number | null {
	const cells = row.cells;
	if (cells instanceof CellMap) return cells.numberOf(key);
	const cell = cells.get(key);
	return cell !== undefined && cell.state === "value" && cell.type === "number" && typeof cell.sortKey === "number" ? cell.sortKey : null;
}

/** The most common id (the lowest id among equals), its count, and how many ids occur at all. */
function mode(counts: Int32Array): { top: number; topCount: number; distinct: number } {
	let top = -1;
	let topCount = 0;
	let distinct = 0;
	for (let id = 0; id < counts.length; id++) {
		const count = counts[id];
		if (count === 0) continue;
		distinct++;
		if (count > topCount) {
			top = id;
			topCount = count;
		}
	}
	return { top, topCount, distinct };
}

/**
 * The number range after `pairs` of rows were replaced (old, new), or null when the smallest or
 * largest number left without another row having it (then it must be found again).
 */
function updatedRange(
	previous: ColumnFacts,
	key: string,
	pairs: readonly (readonly [Row, Row])[],
): { min?: number; max?: number; atMin: number; atMax: number } | null {
	let { min, max, atMin, atMax } = previous;
	for (const [old] of pairs) {
		const before = numberOf(old, key);
		if (before === null) continue;
		if (before === min) atMin--;
		if (before === max) atMax--;
	}
	for (const [, row] of pairs) {
		const after = numberOf(row, key);
		if (after === null) continue;
		if (min === undefined || max === undefined) {
			min = after;
			max = after;
			atMin = 0;
			atMax = 0;
		}
		if (after < min || (after === min && atMin <= 0)) {
			min = after;
			atMin = 0;
		}
		if (after === min) atMin++;
		if (after > max || (after === max && atMax <= 0)) {
			max = after;
			atMax = 0;
		}
		if (after === max) atMax++;
	}
	if (min === undefined || max === undefined) return { atMin: 0, atMax: 0 };
	return atMin > 0 && atMax > 0 ? { min, max, atMin, atMax } : null;
}

/**
 * Column facts after some shown rows were replaced (same paths, same shown set), or null when
 * they must be recounted. Takes over `previous.counts`; copies the differing set before changing it.
 */
export function updatedFacts(
	previous: ColumnFacts,
	key: string,
	numeric: boolean,
	pairs: readonly (readonly [Row, Row])[],
	shown: ReadonlySet<string>,
	table: InternTable,
): ColumnFacts | null {
	if (previous.numeric !== numeric) return null;
	const range = numeric ? updatedRange(previous, key, pairs) : { atMin: 0, atMax: 0 };
	if (range === null) return null;
	const changes = pairs.map(([o, n]) => [o.path, valueId(o, key, table), valueId(n, key, table)] as const);
	if (changes.every(([, before, after]) => before === after)) return { ...previous, ...range };
	let counts = previous.counts;
	if (counts === null) return null;
	if (counts.length < table.ids.size) {
		const grown = new Int32Array(table.ids.size);
		grown.set(counts);
		counts = grown;
	}
	for (const [, before, after] of changes) {
		counts[before]--;
		counts[after]++;
	}
	const { top, topCount, distinct } = mode(counts);
	if (distinct <= 1) return null;
	const n = shown.size;
	const rule = markRule(n, topCount);
	const majority = topCount * 2 > n;
	if (rule === "both") return { differs: true, differing: shown, ...range, numeric, counts, top, majority };
	if (rule === "none") return { differs: true, differing: null, ...range, numeric, counts, top, majority };
	if (!previous.majority || !previous.differs || top !== previous.top || previous.differing === null) return null;
	const differing = patchedSet(
		previous.differing,
		changes.map(([path, , after]) => [path, after !== top] as const),
	);
	return { differs: true, differing, ...range, numeric, counts, top, majority };
}
