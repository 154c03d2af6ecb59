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

/** The group of each shown row (model order), and each group's value, label and a sample cell. */
export interface GroupColumn {
	readonly bucket: Int32Array;
	readonly groups: readonly { readonly value: string; readonly cell: Cell }[];
}

export function groupColumn(rows: readonly Row[], key: string): GroupColumn {
	const index = new Map<string, number>();
	const groups: { value: string; cell: Cell }[] = [];
	const bucket = new Int32Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		// Not kept in the row: grouping reads one cell of every row, most of which are never shown.
		const cell = transientCell(rows[i], key);
		const value = groupValue(cell);
		let b = index.get(value);
		if (b === undefined) {
			b = groups.length;
			index.set(value, b);
			groups.push({ value, cell });
		}
		bucket[i] = b;
	}
	return { bucket, groups };
}

/** Groups in sorted value order (blanks last), each holding its rows in `order`. */
export function groupRows(rows: readonly Row[], order: readonly number[], column: GroupColumn): RowGroup[] {
	const members: Row[][] = column.groups.map(() => []);
	for (const i of order) members[column.bucket[i]].push(rows[i]);
	const ranked = column.groups.map((g, i) => ({ ...g, rows: members[i] })).filter((g) => g.rows.length > 0);
	ranked.sort((a, b) => {
		const ra = blankRank(a.cell);
		const rb = blankRank(b.cell);
		if (ra !== rb) return ra - rb;
		if (a.cell.state !== "value" || b.cell.state !== "value") return 0;
		return compareSortKeys(a.cell.sortKey, b.cell.sortKey);
	});
	return ranked.map((g) => ({ value: g.value, label: facetLabel(g.value), rows: g.rows }));
}
