/**
 * `obsidian framework-notes:compare`: the comparison of the open vault's framework notes, as the
 * Node CLI's `compare` prints it (the same functions make the text): Markdown by default, CSV,
 * JSON, or the Node CLI's aligned terminal table (`format=table`, `width=` columns, 100 unless
 * given: the handler cannot ask the terminal), with `columns=` to choose the table's columns.
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler, flagValue } from "../shared/obsidian-cli";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import { typedFolder } from "../shared/core/vault";
import {
	buildModel,
	chosenColumns,
	compareTable,
	comparedNotes,
	defaultGroupBy,
	exportText,
	noteInputs,
	omittedColumnsText,
	type ExportFormat,
} from "./core/index";
import { readPropertyTypes } from "./property-types";

const FORMATS: readonly string[] = ["markdown", "csv", "json"] satisfies ExportFormat[];
/** The table's width when `width=` is not given (a handler cannot ask the terminal). */
const TABLE_WIDTH = 100;
/** Narrower than this, no column but the note's name fits. */
const MIN_TABLE_WIDTH = 20;

function isExportFormat(format: string): format is ExportFormat {
	return FORMATS.includes(format);
}

export function registerCompareCliHandler(host: PluginHost): void {
	const { app, plugin } = host;
	addCliHandler(
		plugin,
		"compare",
		"Compare the framework notes' properties (markdown, csv, json or an aligned table)",
		{
			folder: { value: "<folder>", description: "Only the notes in this folder" },
			format: { value: "markdown|csv|json|table", description: "Output format (default: markdown)" },
			width: { value: "<columns>", description: "Width of the table (default: 100)" },
			columns: { value: "<a,b,c>", description: "The table's columns, in order" },
		},
		async (params) => {
			const format = flagValue(params, "format") ?? "markdown";
			if (format !== "table" && !isExportFormat(format)) return `Error: format must be markdown, csv, json or table, not ${format}\n`;
			const widthText = flagValue(params, "width");
			const width = widthText === undefined ? TABLE_WIDTH : Number(widthText);
			if (!Number.isInteger(width) || width < MIN_TABLE_WIDTH)
				return `Error: width must be a whole number of at least ${MIN_TABLE_WIDTH}\n`;
			const snapshot = vaultSnapshot(app);
			const folderOption = flagValue(params, "folder");
			const chosen = folderOption === undefined ? null : typedFolder(snapshot, folderOption);
			if (chosen !== null && !chosen.found) return `Error: no folder "${chosen.folder}" in the vault\n`;
			const folder = chosen?.folder ?? null;
			const settings = host.settings.compare;
			const files = comparedNotes(snapshot, {
				settings,
				scope: folder === "" ? null : folder,
				templatesFolder: templatesFolderOf(app).folder(),
			});
			const model = buildModel(noteInputs(snapshot, files, false), { propertyTypes: await readPropertyTypes(app) });
			if (format !== "table") return exportText(model, format, settings.groupBy);
			const { columns: requested, problem } = chosenColumns(model, flagValue(params, "columns"));
			if (problem !== null) return `Error: ${problem}\n`;
			const table = compareTable(model, defaultGroupBy(model, settings.groupBy), requested, width);
			if (table === null) return "No framework notes found.\n";
			const text = [...table.lines].join("");
			if (table.omitted.length === 0) return text;
			return text + omittedColumnsText(table.omitted, width, { columns: "columns=", width: "width=", markdown: "format=markdown" });
		},
	);
}
