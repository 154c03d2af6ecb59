/**
 * The comparison as an export text — Markdown table, CSV or JSON — as both CLIs print it (the
 * Node CLI's `compare --format …` and Obsidian's `framework-notes:compare`): every column, by
 * note name, grouped by the settings' property when a column has it; ending with a line break.
 */
import { csvPieces, jsonPieces, markdownPieces, type ExportParts } from "./export";
import { defaultGroupBy } from "./view-state";
import { NAME_KEY, sortOrder } from "./view-sort";
import { groupColumn, groupRows } from "./view-groups";
import type { ComparisonModel, Row, RowGroup } from "./types";

export type ExportFormat = "markdown" | "csv" | "json";

/**
 * The rows and columns an export prints: the view's order (by note name, grouped by the
 * settings' property when a column has it), without the view's per-column facts (which columns
 * differ, number ranges), which no export prints.
 */
export function exportParts(model: ComparisonModel, groupBySetting: string): ExportParts {
	return { columns: model.columns, rows: rowsByName(model, defaultGroupBy(model, groupBySetting)).rows };
}

/**
 * Every row of the model by note name, in groups of `groupBy`'s values when it is not "": the
 * rows and groups `applyView` gives for that sort and grouping, without its column facts.
 */
export function rowsByName(
	model: ComparisonModel,
	groupBy: string,
): { readonly rows: readonly Row[]; readonly groups: readonly RowGroup[] | null } {
	const rows = model.rows;
	const order = sortOrder(model, rows, [{ key: NAME_KEY, dir: "asc" }], new Map());
	if (groupBy === "") return { rows: order.map((i) => rows[i]), groups: null };
	const groups = groupRows(rows, order, groupColumn(rows, groupBy));
	return { rows: groups.flatMap((g) => g.rows), groups };
}

/**
 * `exportText` piece by piece (a line, or a note of the JSON; the pieces joined are the text), so
 * that a long export can be written as it is made instead of held as one string.
 */
export function exportPieces(model: ComparisonModel, format: ExportFormat, groupBySetting: string): Iterable<string> {
	const parts = exportParts(model, groupBySetting);
	return format === "json" ? jsonPieces(parts) : format === "csv" ? csvPieces(parts) : markdownPieces(parts);
}

export function exportText(model: ComparisonModel, format: ExportFormat, groupBySetting: string): string {
	return [...exportPieces(model, format, groupBySetting)].join("");
}
