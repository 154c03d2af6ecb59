import type { PluginHost } from "../shared/host";
import { newDecision, registerNewDecisionCommand } from "./commands/new-decision";
import { registerRankByDecisionCommand } from "./commands/rank-by-decision";
import { registerDecideCliHandler } from "./obsidian-cli";
import { decisionMode } from "./ui/decision-mode";
import { decisionKind } from "./core/decision-block";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";

/** Wire decisions: the comparison pane's "Decision" mode, the two commands, the Obsidian CLI's `framework-notes:decide`. */
export function registerDecisions(host: PluginHost): void {
	host.paneModes.add(decisionMode(host, () => void newDecision(host)));
	registerNewDecisionCommand(host);
	registerRankByDecisionCommand(host);
	registerDecideCliHandler(host);
	// Decision blocks in decision notes, kept current by the index service with its bursts.
	const snapshot = vaultSnapshot(host.app);
	host.livingBlocks.add({
		kind: () => decisionKind({ snapshot, settings: host.settings.compare, templatesFolder: templatesFolderOf(host.app).folder() }),
	});
}
