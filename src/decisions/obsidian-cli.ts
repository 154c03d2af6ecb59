/**
 * `obsidian framework-notes:decide note=<path>`: the ranking by a decision note of the open vault,
 * as the Node CLI's `decide` prints it (table, markdown or json; the same functions make the text).
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler, flagValue } from "../shared/obsidian-cli";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import { isFolder, typedNote } from "../shared/core/vault";
import { decisionCandidates } from "./core/candidates";
import { readDecision } from "./core/decision-note";
import { decide } from "./core/engine";
import { decisionJson, decisionMarkdown, decisionText, errorLines } from "./core/report";

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
			const spec = readDecision(snapshot.frontmatter(node.path));
			const errors = errorLines(spec);
			if (spec.scope !== null) {
				const folder = snapshot.getNode(spec.scope);
				if (folder === null || !isFolder(folder)) errors.push(`scope: no folder "${spec.scope}" in the vault`);
			}
			const notes = decisionCandidates(snapshot, {
				settings: host.settings.compare,
				scope: spec.scope,
				templatesFolder: templatesFolderOf(app).folder(),
				decision: node.path,
			});
			const report = { decision: node.path, spec, result: decide(spec, notes) };
			// JSON carries the criteria's errors itself; the text formats say them first.
			if (format === "json") return decisionJson(report);
			const problems = errors.map((line) => `Error: ${node.path}: ${line}\n`).join("");
			return problems + (format === "markdown" ? decisionMarkdown(report) : decisionText(report));
		},
	);
}
