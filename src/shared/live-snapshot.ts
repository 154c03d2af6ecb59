import type { App, TAbstractFile } from "obsidian";
import type { Frontmatter, VFolder, VNode, VaultSnapshot } from "./core/vault";

/**
 * Obsidian's `TFile` / `TFolder` already have every field `VFile` / `VFolder` declare (path,
 * name, basename, extension, parent, stat, children, isRoot). TypeScript cannot see that from
 * `TAbstractFile` alone (the base class declares neither `stat` nor `children`), so this is the
 * one place the plugin tells it: the vault's own objects are handed to the core as they are,
 * without copying, so the cost of a refresh grows with what the core reads, not with the vault.
 */
function asNode(file: TAbstractFile): VNode {
	return file as unknown as VNode;
}

/**
 * A live `VaultSnapshot` over the app's vault and metadata cache. "Live": it reads the vault
 * when asked, so it stays valid across events and costs nothing to build.
 */
export function vaultSnapshot(app: App): VaultSnapshot {
	const { vault, metadataCache } = app;
	return {
		get root(): VFolder {
			return asNode(vault.getRoot()) as VFolder;
		},
		getNode(path: string): VNode | null {
			const file = path === "" || path === "/" ? vault.getRoot() : vault.getAbstractFileByPath(path);
			return file ? asNode(file) : null;
		},
		frontmatter(path: string): Frontmatter | null {
			const file = vault.getFileByPath(path);
			if (!file) return null;
			const frontmatter: unknown = metadataCache.getFileCache(file)?.frontmatter;
			return typeof frontmatter === "object" && frontmatter !== null ? (frontmatter as Frontmatter) : null;
		},
		// Obsidian drops frontmatter that is not valid YAML from its cache and reports nothing.
		frontmatterError(): string | null {
			return null;
		},
	};
}
