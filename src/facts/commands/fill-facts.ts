import type { PluginHost } from "../../shared/host";
import { factsScopes } from "../notes";
import type { FactsRun } from "../run";
import { FactsScopeModal } from "../ui/scope-modal";

export const FILL_FACTS_COMMAND_ID = "fill-facts";

/** Command "Fill facts from registries": choose the notes (this note, its folder, every framework note), then run. */
export function registerFillFactsCommand(host: PluginHost, run: FactsRun): void {
	host.plugin.addCommand({
		id: FILL_FACTS_COMMAND_ID,
		name: "Fill facts from registries",
		callback: () => {
			const scopes = factsScopes(host.app, host.settings.compare);
			new FactsScopeModal(host.app, scopes, (paths) => void run.fill(paths)).open();
		},
	});
}
