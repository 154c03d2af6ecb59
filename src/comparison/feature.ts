import { registerCompareFolderCommand } from "./commands/compare-folder";
import { registerCompareCliHandler } from "./obsidian-cli";
import { openComparison, registerOpenComparisonCommand } from "./commands/open-comparison";
import type { PluginHost } from "../shared/host";
import { templatesFolderOf } from "../shared/templates-folder";
import { registerComparisonBasesView } from "./ui/bases-view";
import { COMPARE_SETTINGS } from "./settings-section";
import { COMPARISON_ICON, COMPARISON_VIEW_TYPE, ComparisonView } from "./ui/comparison-view";
import { comparisonKind } from "./core/living-note";
import { readPropertyTypes, type PropertyTypes } from "./property-types";
import { vaultSnapshot } from "../shared/live-snapshot";

/** Wire the comparison pane: view, ribbon icon, commands, folder menu, Bases view, settings. */
export function registerComparison(host: PluginHost): void {
	const { app, plugin } = host;
	host.addSettingsSection(COMPARE_SETTINGS);
	plugin.registerView(COMPARISON_VIEW_TYPE, (leaf) => new ComparisonView(leaf, host));
	plugin.registerHoverLinkSource(COMPARISON_VIEW_TYPE, { display: "Framework comparison", defaultMod: true });
	plugin.addRibbonIcon(COMPARISON_ICON, "Open framework comparison", () => {
		void openComparison(host, null);
	});
	registerOpenComparisonCommand(host);
	// Other features' pane modes open in the whole-vault pane.
	host.paneModes.setOpener(async (id, state) => {
		const leaf = await openComparison(host, null);
		if (!(leaf?.view instanceof ComparisonView)) return false;
		leaf.view.showMode(id, state);
		return true;
	});
	registerCompareFolderCommand(host);
	registerCompareCliHandler(host);
	// Comparison blocks in notes, kept current by the index service with its bursts.
	const snapshot = vaultSnapshot(app);
	let propertyTypes: PropertyTypes = {};
	host.livingBlocks.add({
		kind: () =>
			comparisonKind({ snapshot, settings: host.settings.compare, templatesFolder: templatesFolderOf(app).folder(), propertyTypes }),
		prepare: async () => {
			propertyTypes = await readPropertyTypes(app);
		},
	});
	registerComparisonBasesView(host);
	// Know the core Templates folder before a pane asks (its notes are never compared).
	app.workspace.onLayoutReady(() => templatesFolderOf(app));
	host.onSettingsChange((next, previous) => {
		if (next.compare === previous.compare) return;
		for (const leaf of app.workspace.getLeavesOfType(COMPARISON_VIEW_TYPE)) {
			if (leaf.view instanceof ComparisonView) leaf.view.settingsChanged(next.compare);
		}
	});
}
