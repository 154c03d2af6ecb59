import type { PluginHost } from "../shared/host";
import { registerFillFactsCommand } from "./commands/fill-facts";
import { gatherFacts, hostsOf } from "./core/index";
import { obsidianHttpGet } from "./http-obsidian";
import { FactsRun } from "./run";
import { factsSettingsSection } from "./settings-section";

export const FILL_FACTS_ACTION_ID = "fill-facts";

/**
 * Wire facts: the command "Fill facts from registries", the "Fill facts" button of the comparison
 * pane (for the notes it shows) and the settings section. The network is used only when one of
 * the two is run.
 */
export function registerFacts(host: PluginHost): void {
	const run = new FactsRun(host, obsidianHttpGet(), { gather: gatherFacts, hosts: hostsOf });
	registerFillFactsCommand(host, run);
	host.paneActions.add({ id: FILL_FACTS_ACTION_ID, name: "Fill facts", icon: "download", run: (paths) => void run.fill(paths) });
	host.addSettingsSection(factsSettingsSection);
}
