import type { PluginHost } from "../shared/host";
import { registerFillFactsCommand } from "./commands/fill-facts";
import { gatherFacts, hostsOf } from "./core/index";
import { obsidianHttpGet } from "./http-obsidian";
import { registerFactsCliHandler } from "./obsidian-cli";
import { FactsRun } from "./run";
import { FACTS_SETTINGS } from "./settings-section";

export const FILL_FACTS_ACTION_ID = "fill-facts";

/**
 * Wire facts: the command "Fill facts from registries", the "Fill facts" button of the comparison
 * pane (for the notes it shows), the Obsidian CLI's `framework-notes:facts` and the settings
 * section. The network is used only when one of them is run (the CLI handler only after consent).
 */
export function registerFacts(host: PluginHost): void {
	const run = new FactsRun(host, obsidianHttpGet(), { gather: gatherFacts, hosts: hostsOf });
	registerFillFactsCommand(host, run);
	registerFactsCliHandler(host, run);
	host.paneActions.add({ id: FILL_FACTS_ACTION_ID, name: "Fill facts", icon: "download", run: (paths) => void run.fill(paths) });
	host.addSettingsSection(FACTS_SETTINGS);
}
