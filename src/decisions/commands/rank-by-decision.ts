import type { PluginHost } from "../../shared/host";
import { isDecisionFrontmatter } from "../core/decision-note";
import { DECISION_MODE_ID } from "../ui/decision-mode";

/** Command "Rank frameworks by this decision": the pane in decision mode on the active decision note. */
export function registerRankByDecisionCommand(host: PluginHost): void {
	host.plugin.addCommand({
		id: "rank-by-decision",
		name: "Rank frameworks by this decision",
		checkCallback: (checking) => {
			const file = host.app.workspace.getActiveFile();
			if (file === null || !isDecisionFrontmatter((host.app.metadataCache.getFileCache(file)?.frontmatter as never) ?? null))
				return false;
			if (!checking) void host.paneModes.show(DECISION_MODE_ID, { note: file.path });
			return true;
		},
	});
}
