/**
 * The comparison as an aligned terminal table, as both CLIs print it (the Node CLI's `compare`,
 * Obsidian's `framework-notes:compare format=table`): one row per note, grouped like the pane,
 * never wider than `width` (`groupBy` "" for none). The grouping column (its value is the group heading) and columns
 * equal in every row are left out unless the columns were chosen.
 */
import { rowsByName } from "./export-text";
import { columnDiffers } from "./view-differences";
import { transientCell } from "./model";
import { withLinkText } from "./links";
import { tableLines } from "./terminal-table";
import type { Cell, ComparisonModel, Row } from "./types";

/**
 * A cell as the terminal shows it, with the pane's words: not set `—`, `(empty)`, `(no value)`;
 * links by their text, whether a property holds one link or a list of them.
 */
export function cellText(cell: Cell): string {
	switch (cell.state) {
		case "absent":
			return "—";
		case "empty":
			return "(empty)";
		case "null":
			return "(no value)";
		case "value":
			if (cell.items !== undefined) return cell.items.map((item) => item.text).join(", ");
			return cell.links === undefined ? cell.display : withLinkText(cell.display);
	}
}

/** The rows' cells, made each time they are read (the table reads them twice). */
function madeRows(rows: readonly Row[], toRow: (row: Row) => string[]): Iterable<string[]> {
	return {
		*[Symbol.iterator]() {
			for (const row of rows) yield toRow(row);
		},
	};
}

/**
 * The columns a `columns` option asks for (`a,b,c`: in order, without repeats; null when not
 * given), or the problem when it names a property no compared note has.
 */
export function chosenColumns(
	model: ComparisonModel,
	option: string | undefined,
): { readonly columns: readonly string[] | null; readonly problem: string | null } {
	if (option === undefined) return { columns: null, problem: null };
	const columns = [...new Set(option.split(",").map((key) => key.trim()))].filter((key) => key !== "");
	const known = new Set(model.columns.map((c) => c.key));
	const unknown = columns.filter((key) => !known.has(key));
	const problem = unknown.length === 0 ? null : `no property ${unknown.map((k) => `"${k}"`).join(", ")} in the compared notes`;
	return { columns, problem };
}

export interface CompareTable {
	/** The table's lines, made as they are read (each ends with a line break). */
	readonly lines: Iterable<string>;
	/** Columns that did not fit in the width. */
	readonly omitted: readonly string[];
}

/** The table of `model` (null: no note to show); `requested`: the columns chosen, in order (null: the default choice). */
export function compareTable(
	model: ComparisonModel,
	groupBy: string,
	requested: readonly string[] | null,
	width: number,
): CompareTable | null {
	// The view's other facts (which cells differ, number ranges) are not needed here.
	const result = rowsByName(model, groupBy);
	if (result.rows.length === 0) return null;
	const byKey = new Map(model.columns.map((c) => [c.key, c]));
	const columns =
		requested === null
			? model.columns.filter((c) => c.key !== groupBy && (model.rows.length < 2 || columnDiffers(model.rows, c.key)))
			: requested.map((key) => byKey.get(key)).filter((c) => c !== undefined);
	const headers = ["note", ...columns.map((c) => c.key)];
	// Cells are made as the table reads them, not kept in the rows.
	const toRow = (row: Row): string[] => [row.basename, ...columns.map((c) => cellText(transientCell(row, c.key)))];
	const sections = result.groups
		? result.groups.map((g) => ({ label: `${g.label} (${g.rows.length})`, rows: madeRows(g.rows, toRow) }))
		: [{ label: null, rows: madeRows(result.rows, toRow) }];
	return tableLines(headers, sections, width);
}

/** The sentence that names the columns left out, and how to choose them. */
export function omittedColumnsText(
	omitted: readonly string[],
	width: number,
	how: { readonly columns: string; readonly width: string; readonly markdown: string },
): string {
	const n = omitted.length;
	return (
		`${n} column${n === 1 ? "" : "s"} did not fit in ${width} columns and ${n === 1 ? "was" : "were"} left out: ${omitted.join(", ")}. ` +
		`Choose the columns with ${how.columns}${omitted.slice(0, 2).join(",")},…, widen with ${how.width}, or use ${how.markdown}.\n`
	);
}
