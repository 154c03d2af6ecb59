/**
 * The comparison as an export text — Markdown table, CSV or JSON — as both CLIs print it (the
 * Node CLI's `compare --format …` and Obsidian's `framework-notes:compare`): every column, by
 * note name, grouped by the settings' property when a column has it; ending with a line break.
 */
import { toCsv, toJson, toMarkdownTable } from "./export";
import { applyView, DEFAULT_VIEW_OPTIONS } from "./view";
import { defaultGroupBy } from "./view-state";
import { NAME_KEY } from "./view-sort";
import type { ComparisonModel } from "./types";

export type ExportFormat = "markdown" | "csv" | "json";

export function exportText(model: ComparisonModel, format: ExportFormat, groupBySetting: string): string {
	const groupBy = defaultGroupBy(model, groupBySetting);
	const result = applyView(model, {
		...DEFAULT_VIEW_OPTIONS,
		sort: [{ key: NAME_KEY, dir: "asc" }],
		groupBy: groupBy === "" ? null : groupBy,
	});
	const text = format === "json" ? toJson(model, result) : format === "csv" ? toCsv(model, result) : toMarkdownTable(model, result);
	return text.endsWith("\n") ? text : `${text}\n`;
}
