/**
 * `obsidian framework-notes:facts`: the Node CLI's `facts` over the open vault, through the app's
 * network (`requestUrl`) and the plugin's settings (source URLs, the GitHub token in Obsidian's
 * keychain). It prints the same lines as `framework-notes facts` on its one output: the changes,
 * what is worth knowing about each note, the failures and the summary. Network use needs the
 * user's consent given in the app first; without it nothing is fetched.
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler, flagValue } from "../shared/obsidian-cli";
import { typedFolder, typedNote } from "../shared/core/vault";
import { vaultSnapshot } from "../shared/live-snapshot";
import { changeLines, factsSummary, failureLines, noteMessages, onlyOption, ticked, type FactValue, type NoteFacts } from "./core/index";
import { frameworkNotes } from "./notes";
import type { FactsRun } from "./run";
import { applyFacts } from "./write";

const NAME = "framework-notes";

export function registerFactsCliHandler(host: PluginHost, run: FactsRun): void {
	const { app, plugin } = host;
	addCliHandler(
		plugin,
		"facts",
		"Fill framework notes' properties from package registries and GitHub",
		{
			folder: { value: "<folder>", description: "Only the framework notes in this folder" },
			note: { value: "<path>", description: "Only this framework note" },
			"dry-run": { description: "Say what would change; write nothing" },
			update: { description: "Also replace values that differ from the registries" },
			only: { value: "<keys>", description: "Only these properties, separated by commas" },
		},
		async (params) => {
			if (!host.settings.facts.networkConsent) {
				return 'Error: network use is not allowed yet: run "Fill facts from registries" once in Obsidian, or turn on "Network use allowed" in the plugin\'s Facts settings.\n';
			}
			const only = onlyOption(flagValue(params, "only"));
			if (typeof only === "string") return `Error: only${only}\n`;
			const dryRun = params["dry-run"] === "true";
			const update = params.update === "true";
			const folderOption = flagValue(params, "folder");
			const { folder, found } =
				folderOption === undefined ? { folder: "", found: true } : typedFolder(vaultSnapshot(app), folderOption);
			if (!found) return `Error: no folder "${folder}" in the vault\n`;
			let paths = frameworkNotes(app, host.settings.compare, folder === "" ? null : folder);
			const noteOption = flagValue(params, "note");
			if (noteOption !== undefined) {
				const { typed, file } = typedNote(vaultSnapshot(app), noteOption);
				if (file === null || !paths.includes(file.path)) return `Error: "${typed}" is not a framework note of the vault\n`;
				paths = [file.path];
			}
			if (paths.length === 0) return "Error: no framework notes found\n";
			const result = await run.fetchFor(paths);
			if (result === null) return "Error: facts are already being fetched; try again when that run ends\n";
			const lines: string[] = [];
			let filled = 0;
			let replaced = 0;
			let failed = 0;
			const failures: NoteFacts[] = [];
			for (const nf of result.notes) {
				if (nf.error !== null) failures.push(nf);
				let values: ReadonlyMap<string, FactValue> = ticked(nf, { update, only });
				if (values.size > 0 && !dryRun) {
					const outcome = await applyFacts(app, [{ path: nf.path, proposals: nf.proposals.filter((p) => values.has(p.key)) }]);
					if (outcome.failed.length > 0) {
						if (nf.error === null) failed++;
						lines.push(...outcome.failed.map((why) => `${NAME}: ${why}`));
						continue;
					}
					// A value the user changed while the facts were fetched stays as the user left it.
					const meanwhile = new Set(outcome.changedMeanwhile);
					values = new Map([...values].filter(([key]) => !meanwhile.has(`${nf.path}: ${key}`)));
				}
				const changes = changeLines(nf, values);
				lines.push(...changes.lines);
				filled += changes.filled;
				replaced += changes.replaced;
				lines.push(...noteMessages(nf, values, { update, only }).map((text) => `${NAME}: ${nf.path}: ${text}`));
			}
			failed += failures.length;
			for (const line of failureLines(failures, result.messages, (path) => path)) {
				lines.push(line.path === null ? `${NAME}: ${line.text}` : `${NAME}: ${line.path}: ${line.text}`);
			}
			lines.push(factsSummary(paths.length, filled, replaced, failed, dryRun));
			return `${lines.join("\n")}\n`;
		},
	);
}
