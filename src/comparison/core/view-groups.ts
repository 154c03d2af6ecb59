/** Grouping of the shown rows by one property, groups in value order (blanks last). */

import { transientCell } from "./model";
import { STATE_TOKENS, facetLabel } from "./facets";
import { blankRank, compareSortKeys } from "./view-sort";
import type { Cell, Row, RowGroup } from "./types";

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
 * `column` (for `rows` before the rows at `positions` were replaced) made current for `rows`: a
 * copy with those rows' groups set again, and the first row and sample cell of each group they
 * left or joined found again.
 */
export function updatedGroupColumn(column: GroupColumn, rows: readonly Row[], positions: readonly number[], key: string): GroupColumn {
	const bucket = column.bucket.slice();
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

/** Groups in sorted value order (blanks last; equal values in the order their first rows come), each holding its rows in `order`. */
export function groupRows(rows: readonly Row[], order: readonly number[], column: GroupColumn): RowGroup[] {
	// Counted first, then filled: lists of their final size (a group can hold 100k rows).
	const { bucket } = column;
	const sizes = new Int32Array(column.groups.length);
	for (let k = 0; k < order.length; k++) sizes[bucket[order[k]]]++;
	const members: Row[][] = column.groups.map((_, g) => new Array<Row>(sizes[g]));
	const filled = new Int32Array(column.groups.length);
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const g = bucket[i];
		members[g][filled[g]++] = rows[i];
	}
	const ranked = column.groups.map((g, i) => ({ ...g, rows: members[i] })).filter((g) => g.rows.length > 0);
	ranked.sort((a, b) => {
		const ra = blankRank(a.cell);
		const rb = blankRank(b.cell);
		if (ra !== rb) return ra - rb;
		if (a.cell.state === "value" && b.cell.state === "value") {
			const c = compareSortKeys(a.cell.sortKey, b.cell.sortKey);
			if (c !== 0) return c;
		}
		return a.first - b.first;
	});
	return ranked.map((g) => ({ value: g.value, label: facetLabel(g.value), rows: g.rows }));
}
