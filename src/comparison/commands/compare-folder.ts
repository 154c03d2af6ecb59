import { TFolder } from "obsidian";
import type { PluginHost } from "../../shared/host";
import { openComparison } from "./open-comparison";

export const COMPARE_FOLDER_TITLE = "Compare frameworks in this folder";

/** The folder to compare for a folder itself or a note in it (null for the vault root). */
export function folderScope(folder: TFolder): string | null {
	return folder.isRoot() ? null : folder.path;
}

/**
 * Command "Compare frameworks in this folder" (the active note's folder, e.g. from an index
 * note) and the same entry in a folder's file menu.
 */
export function registerCompareFolderCommand(host: PluginHost): void {
	const { app, plugin } = host;
	plugin.addCommand({
		id: "compare-folder",
		name: COMPARE_FOLDER_TITLE,
		checkCallback: (checking) => {
			const folder = app.workspace.getActiveFile()?.parent;
			if (!folder) return false;
			if (!checking) void openComparison(host, folderScope(folder));
			return true;
		},
	});
	plugin.registerEvent(
		app.workspace.on("file-menu", (menu, file) => {
			if (!(file instanceof TFolder)) return;
			menu.addItem((item) =>
				item
					.setTitle(COMPARE_FOLDER_TITLE)
					.setIcon("table-2")
					.onClick(() => {
						void openComparison(host, folderScope(file));
					}),
			);
		}),
	);
}
