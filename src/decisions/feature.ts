import type { PluginHost } from "../shared/host";
import { newDecision, registerNewDecisionCommand } from "./commands/new-decision";
import { registerRankByDecisionCommand } from "./commands/rank-by-decision";
import { decisionMode } from "./ui/decision-mode";

/** Wire decisions: the comparison pane's "Decision" mode and the two commands. */
export function registerDecisions(host: PluginHost): void {
	host.paneModes.add(decisionMode(host, () => void newDecision(host)));
	registerNewDecisionCommand(host);
	registerRankByDecisionCommand(host);
}
