/**
 * `obsidian framework-notes:compare`: the comparison of the open vault's framework notes, as the
 * Node CLI's `compare --format markdown|csv|json` prints it (the same functions make the text).
 * The terminal table of the Node CLI is not offered: it needs a terminal width.
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler, flagValue } from "../shared/obsidian-cli";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import { typedFolder } from "../shared/core/vault";
import { buildModel, comparedNotes, exportText, noteInputs, type ExportFormat } from "./core/index";
import { readPropertyTypes } from "./property-types";

const FORMATS: readonly string[] = ["markdown", "csv", "json"] satisfies ExportFormat[];

function isExportFormat(format: string): format is ExportFormat {
	return FORMATS.includes(format);
}

export function registerCompareCliHandler(host: PluginHost): void {
	const { app, plugin } = host;
	addCliHandler(
		plugin,
		"compare",
		"Compare the framework notes' properties (markdown, csv or json)",
		{
			folder: { value: "<folder>", description: "Only the notes in this folder" },
			format: { value: "markdown|csv|json", description: "Output format (default: markdown)" },
		},
		async (params) => {
			const format = flagValue(params, "format") ?? "markdown";
			if (!isExportFormat(format)) return `Error: format must be markdown, csv or json, not ${format}\n`;
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
			return exportText(model, format, settings.groupBy);
		},
	);
}
