import { Notice } from "obsidian";
import { candidateIndexNotes, mayContainIndex } from "../core/index";
import type { PluginHost } from "../../shared/host";
import type { IndexService } from "../index-service";

/** The nearest index note above `path` (a folder note holding a block or flag), or null. */
export async function parentIndexOf(path: string, service: IndexService): Promise<string | null> {
	const settings = service.settings;
	for (const candidate of candidateIndexNotes(path, service.snapshot, settings)) {
		if (candidate === path) continue;
		const text = await service.readIndexable(candidate);
		if (text !== null && mayContainIndex(text, settings)) return candidate;
	}
	return null;
}

/** Open the nearest index note above the active note. */
export async function goToParentIndex(host: PluginHost, service: IndexService): Promise<void> {
	const { workspace, vault } = host.app;
	const active = workspace.getActiveFile();
	if (!active) {
		new Notice("Open a note first: this command goes to the index that lists it.");
		return;
	}
	const target = await parentIndexOf(active.path, service);
	const file = target === null ? null : vault.getFileByPath(target);
	if (!file) {
		new Notice("No index note lists this note: none of the folders above it has a folder note with an index block.");
		return;
	}
	await workspace.getLeaf(false).openFile(file);
}

export function registerGoToParentIndex(host: PluginHost, service: IndexService): void {
	host.plugin.addCommand({
		id: "go-to-parent-index",
		name: "Go to parent index",
		callback: () => {
			void goToParentIndex(host, service);
		},
	});
}
