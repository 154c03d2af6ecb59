/** Grouping of the shown rows by one property, groups in value order (blanks last). */

import { transientCell } from "./model";
import { STATE_TOKENS, facetLabel } from "./facets";
import { blankRank, compareSortKeys, insertSorted } from "./view-sort";
import type { Cell, Row, RowGroup, SortKey } from "./types";

function groupValue(cell: Cell): string {
	switch (cell.state) {
		case "absent":
			return STATE_TOKENS.absent;
		case "empty":
			return STATE_TOKENS.empty;
		case "null":
			return STATE_TOKENS.null;
		default:
			return cell.display;
	}
}

/**
 * The group of each shown row (model order), and each group's value, a sample cell (that of its
 * first row) and its first row (-1 once it has none).
 */
export interface GroupColumn {
	readonly bucket: Int32Array;
	readonly groups: readonly GroupEntry[];
}

interface GroupEntry {
	readonly value: string;
	readonly cell: Cell;
	readonly first: number;
}

export function groupColumn(rows: readonly Row[], key: string): GroupColumn {
	const index = new Map<string, number>();
	const groups: GroupEntry[] = [];
	const bucket = new Int32Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		// Not kept in the row: grouping reads one cell of every row, most of which are never shown.
		const cell = transientCell(rows[i], key);
		const value = groupValue(cell);
		let b = index.get(value);
		if (b === undefined) {
			b = groups.length;
			index.set(value, b);
			groups.push({ value, cell, first: i });
		}
		bucket[i] = b;
	}
	return { bucket, groups };
}

/**
 * `column` (for `rows` before the rows at `positions` were replaced) made current for `rows`:
 * those rows' groups set again in place (its owner, the view cache of the model before, hands it
 * over), and the first row and sample cell of each group they left or joined found again.
 */
export function updatedGroupColumn(column: GroupColumn, rows: readonly Row[], positions: readonly number[], key: string): GroupColumn {
	const bucket = column.bucket;
	const groups = column.groups.slice();
	const index = new Map(groups.map((g, i) => [g.value, i]));
	const affected = new Set<number>();
	for (const at of positions) {
		affected.add(bucket[at]);
		const value = groupValue(transientCell(rows[at], key));
		let b = index.get(value);
		if (b === undefined) {
			b = groups.length;
			index.set(value, b);
			groups.push({ value, cell: transientCell(rows[at], key), first: -1 });
		}
		bucket[at] = b;
		affected.add(b);
	}
	const moved = new Set(positions);
	for (const b of affected) {
		const group = groups[b];
		let first = group.first;
		if (first >= 0 && moved.has(first) && bucket[first] !== b) {
			let next = -1;
			for (let j = first + 1; j < bucket.length; j++)
				if (bucket[j] === b) {
					next = j;
					break;
				}
			first = next;
		}
		for (const at of positions) if (bucket[at] === b && (first < 0 || at < first)) first = at;
		groups[b] = { value: group.value, cell: first >= 0 ? transientCell(rows[first], key) : group.cell, first };
	}
	return { bucket, groups };
}

/**
 * The shown rows arranged in groups for one grouping and sort: per group of the group column,
 * its rows (indexes) in sort order and the `RowGroup` made of them (null while empty).
 */
export interface Arrangement {
	readonly groupBy: string;
	readonly sort: readonly SortKey[];
	readonly members: number[][];
	readonly made: (RowGroup | null)[];
}

function madeGroup(column: GroupColumn, g: number, rows: readonly Row[], members: readonly number[]): RowGroup | null {
	if (members.length === 0) return null;
	const value = column.groups[g].value;
	const list = new Array<Row>(members.length);
	for (let k = 0; k < members.length; k++) list[k] = rows[members[k]];
	return { value, label: facetLabel(value), rows: list };
}

export function arrange(
	rows: readonly Row[],
	order: readonly number[],
	column: GroupColumn,
	groupBy: string,
	sort: readonly SortKey[],
): Arrangement {
	// Counted first, then filled: lists of their final size (a group can hold 100k rows).
	const { bucket } = column;
	const sizes = new Int32Array(column.groups.length);
	for (let k = 0; k < order.length; k++) sizes[bucket[order[k]]]++;
	const members: number[][] = column.groups.map((_, g) => new Array<number>(sizes[g]));
	const filled = new Int32Array(column.groups.length);
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const g = bucket[i];
		members[g][filled[g]++] = i;
	}
	return { groupBy, sort, members, made: members.map((m, g) => madeGroup(column, g, rows, m)) };
}

/**
 * `arrangement` made current in place (its owner, the view cache of the model before, hands it
 * over) after the rows at `positions` were replaced: each taken out of the group it was in
 * (`oldGroups`) and put into its group now where `compare` (the sort) places it. Only those
 * groups are made again.
 */
export function updatedArrangement(
	arrangement: Arrangement,
	column: GroupColumn,
	rows: readonly Row[],
	positions: readonly number[],
	oldGroups: readonly number[],
	compare: (a: number, b: number) => number,
): Arrangement {
	const { members, made } = arrangement;
	const changed = new Set<number>();
	positions.forEach((p, k) => {
		const a = oldGroups[k];
		const list = members[a];
		const at = list.indexOf(p);
		if (at >= 0) list.splice(at, 1);
		changed.add(a);
	});
	while (members.length < column.groups.length) {
		members.push([]);
		made.push(null);
	}
	for (const p of positions) {
		const b = column.bucket[p];
		insertSorted(members[b], p, compare);
		changed.add(b);
	}
	for (const g of changed) made[g] = madeGroup(column, g, rows, members[g]);
	return arrangement;
}

/** The arranged groups in sorted value order (blanks last; equal values in the order their first rows come). */
export function arrangedGroups(column: GroupColumn, arrangement: Arrangement): RowGroup[] {
	const ranked: number[] = [];
	arrangement.made.forEach((group, g) => {
		if (group !== null) ranked.push(g);
	});
	ranked.sort((x, y) => {
		const a = column.groups[x];
		const b = column.groups[y];
		const ra = blankRank(a.cell);
		const rb = blankRank(b.cell);
		if (ra !== rb) return ra - rb;
		if (a.cell.state === "value" && b.cell.state === "value") {
			const c = compareSortKeys(a.cell.sortKey, b.cell.sortKey);
			if (c !== 0) return c;
		}
		return a.first - b.first;
	});
	return ranked.map((g) => arrangement.made[g] as RowGroup);
}

/** Groups in sorted value order (blanks last; equal values in the order their first rows come), each holding its rows in `order`. */
export function groupRows(rows: readonly Row[], order: readonly number[], column: GroupColumn): RowGroup[] {
	return arrangedGroups(column, arrange(rows, order, column, "", []));
}
