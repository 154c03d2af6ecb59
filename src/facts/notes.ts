import { type App, TFile } from "obsidian";
import { comparedNotes } from "../shared/core/selection";
import type { CompareSettings } from "../shared/core/settings";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import type { FactsNote } from "./core/index";

/** The notes a run of "Fill facts from registries" can cover, from the active note. */
export interface FactsScopes {
	/** The active Markdown note, or null. */
	readonly active: TFile | null;
	/** Its folder ("" for the vault's top), or null without an active note. */
	readonly folder: string | null;
	/** The framework notes in that folder and below (the shared selection rule). */
	readonly inFolder: readonly string[];
	/** Every framework note of the vault. */
	readonly all: readonly string[];
}

/** The framework notes within `folder` (null: the whole vault), by the rule the comparison pane uses. */
export function frameworkNotes(app: App, settings: CompareSettings, folder: string | null): string[] {
	const selection = { settings, scope: folder, templatesFolder: templatesFolderOf(app).folder() };
	return comparedNotes(vaultSnapshot(app), selection).map((file) => file.path);
}

export function factsScopes(app: App, settings: CompareSettings): FactsScopes {
	const file = app.workspace.getActiveFile();
	const active = file instanceof TFile && file.extension === "md" ? file : null;
	const parent = active?.parent;
	const folder = active === null ? null : parent && !parent.isRoot() ? parent.path : "";
	return {
		active,
		folder,
		inFolder: folder === null ? [] : frameworkNotes(app, settings, folder === "" ? null : folder),
		all: frameworkNotes(app, settings, null),
	};
}

/**
 * The notes at `paths` as the facts core reads them: path, name and frontmatter (from the
 * metadata cache, in a Map: property names are the user's). Paths that are no longer Markdown
 * notes are left out.
 */
export function readFactsNotes(app: App, paths: readonly string[]): FactsNote[] {
	const notes: FactsNote[] = [];
	for (const path of new Set(paths)) {
		const file = app.vault.getFileByPath(path);
		if (!file || file.extension !== "md") continue;
		const frontmatter: unknown = app.metadataCache.getFileCache(file)?.frontmatter;
		const entries = typeof frontmatter === "object" && frontmatter !== null ? Object.entries(frontmatter) : [];
		notes.push({ path, name: file.basename, frontmatter: new Map(entries) });
	}
	return notes;
}
