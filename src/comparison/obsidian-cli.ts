/**
 * `obsidian framework-notes:compare`: the comparison of the open vault's framework notes, as the
 * Node CLI's `compare --format markdown|csv|json` prints it (the same functions make the text).
 * The terminal table of the Node CLI is not offered: it needs a terminal width.
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler, flagValue } from "../shared/obsidian-cli";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import { isFolder } from "../shared/core/vault";
import {
	applyView,
	buildModel,
	comparedNotes,
	DEFAULT_VIEW_OPTIONS,
	defaultGroupBy,
	NAME_KEY,
	noteInputs,
	toCsv,
	toJson,
	toMarkdownTable,
} from "./core/index";
import { readPropertyTypes } from "./property-types";

const FORMATS = ["markdown", "csv", "json"] as const;

function ensureNewline(text: string): string {
	return text.endsWith("\n") ? text : `${text}\n`;
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
			if (!(FORMATS as readonly string[]).includes(format)) return `Error: format must be markdown, csv or json, not ${format}\n`;
			const snapshot = vaultSnapshot(app);
			const folderOption = flagValue(params, "folder");
			const folder = folderOption === undefined ? null : folderOption.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
			if (folder !== null && folder !== "") {
				const node = snapshot.getNode(folder);
				if (node === null || !isFolder(node)) return `Error: no folder "${folder}" in the vault\n`;
			}
			const settings = host.settings.compare;
			const files = comparedNotes(snapshot, {
				settings,
				scope: folder === "" ? null : folder,
				templatesFolder: templatesFolderOf(app).folder(),
			});
			const model = buildModel(noteInputs(snapshot, files, false), { propertyTypes: await readPropertyTypes(app) });
			const groupBy = defaultGroupBy(model, settings.groupBy);
			const result = applyView(model, {
				...DEFAULT_VIEW_OPTIONS,
				sort: [{ key: NAME_KEY, dir: "asc" }],
				groupBy: groupBy === "" ? null : groupBy,
			});
			if (format === "json") return ensureNewline(toJson(model, result));
			if (format === "csv") return ensureNewline(toCsv(model, result));
			return ensureNewline(toMarkdownTable(model, result));
		},
	);
}
