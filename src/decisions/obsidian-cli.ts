/**
 * `obsidian framework-notes:decide note=<path>`: the ranking by a decision note of the open vault,
 * as the Node CLI's `decide` prints it (table, markdown or json; the same functions make the text).
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler, flagValue } from "../shared/obsidian-cli";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import { typedNote } from "../shared/core/vault";
import { decisionJson, decisionMarkdown, decisionText } from "./core/report";
import { runDecision } from "./core/decision-run";

const FORMATS = ["table", "markdown", "json"] as const;

export function registerDecideCliHandler(host: PluginHost): void {
	const { app, plugin } = host;
	addCliHandler(
		plugin,
		"decide",
		"Rank the framework notes by a decision note (table, markdown or json)",
		{
			note: { value: "<path>", description: "The decision note", required: true },
			format: { value: "table|markdown|json", description: "Output format (default: table)" },
		},
		(params) => {
			const format = flagValue(params, "format") ?? "table";
			if (!(FORMATS as readonly string[]).includes(format)) return `Error: format must be table, markdown or json, not ${format}\n`;
			const snapshot = vaultSnapshot(app);
			const { typed, file: node } = typedNote(snapshot, flagValue(params, "note") ?? "");
			if (node === null) return `Error: no note "${typed}" in the vault\n`;
			const { report, errors } = runDecision(snapshot, node.path, {
				settings: host.settings.compare,
				templatesFolder: templatesFolderOf(app).folder(),
			});
			// JSON carries the criteria's errors itself; the text formats say them first.
			if (format === "json") return decisionJson(report);
			const problems = errors.map((line) => `Error: ${node.path}: ${line}\n`).join("");
			return problems + (format === "markdown" ? decisionMarkdown(report) : decisionText(report));
		},
	);
}
