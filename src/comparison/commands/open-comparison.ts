import { requireApiVersion, type Workspace, type WorkspaceLeaf } from "obsidian";
import type { PluginHost } from "../../shared/host";
import { COMPARISON_VIEW_TYPE } from "../ui/comparison-view";

async function reveal(workspace: Workspace, leaf: WorkspaceLeaf): Promise<void> {
	if (requireApiVersion("1.7.2")) await workspace.revealLeaf(leaf);
	else workspace.setActiveLeaf(leaf, { focus: true });
}

/**
 * Show the comparison pane for a scope (a folder path, or null for the whole vault): reuse an
 * open pane with the same scope, otherwise open one in a tab or the right sidebar per settings.
 */
export async function openComparison(host: PluginHost, scope: string | null = null): Promise<WorkspaceLeaf | null> {
	const { workspace } = host.app;
	const existing = workspace.getLeavesOfType(COMPARISON_VIEW_TYPE).find((leaf) => {
		const state = leaf.getViewState().state;
		const leafScope = state && typeof state.scope === "string" && state.scope !== "" ? state.scope : null;
		return leafScope === scope;
	});
	if (existing) {
		await reveal(workspace, existing);
		return existing;
	}
	const leaf = host.settings.compare.openIn === "sidebar" ? workspace.getRightLeaf(false) : workspace.getLeaf("tab");
	if (!leaf) return null;
	await leaf.setViewState({ type: COMPARISON_VIEW_TYPE, active: true, state: { scope } });
	await reveal(workspace, leaf);
	return leaf;
}

/** Command "Open framework comparison" (whole vault). */
export function registerOpenComparisonCommand(host: PluginHost): void {
	host.plugin.addCommand({
		id: "open-comparison",
		name: "Open framework comparison",
		callback: () => {
			void openComparison(host, null);
		},
	});
}
