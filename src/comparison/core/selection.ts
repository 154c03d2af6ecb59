/**
 * Which notes are compared: the one rule shared by the pane (full reads and live updates),
 * "Save as note" and the CLI. A note is compared when it is a Markdown note inside the scope
 * folder, outside the core Templates plugin's folder, not a generated comparison note, and the
 * settings' selector (property + value, tag, or folder) picks it.
 */

import type { CompareSettings } from "../../shared/core/settings";
import { isFile, isFolder, hasMarkdownExtension, parentPath, type VFile, type VFolder, type VaultSnapshot } from "../../shared/core/vault";
import { collator } from "./cells";
import { isGeneratedFrontmatter } from "./comparison-note";
import { normalizeFolder, propertyMatches, tagMatches } from "./select";

/** What decides which notes are compared. */
export interface NoteSelection {
	readonly settings: CompareSettings;
	/** Folder the comparison is limited to, or null (or "") for the whole vault. */
	readonly scope: string | null;
	/** Folder of the core Templates plugin (its notes are never compared), or null. */
	readonly templatesFolder: string | null;
}

function under(path: string, folder: string): boolean {
	return folder === "" || path.startsWith(`${folder}/`);
}

/**
 * Whether one note is compared. `folderHasSelected` tells whether another compared note with
 * valid properties shares a folder: a note whose YAML is invalid cannot be matched by property or
 * tag, so it is kept (with its warning) next to compared notes rather than silently dropped.
 */
export function isComparedNote(
	snapshot: VaultSnapshot,
	selection: NoteSelection,
	path: string,
	folderHasSelected: (folder: string) => boolean,
): boolean {
	const { settings } = selection;
	if (!path.toLowerCase().endsWith(".md")) return false;
	if (!under(path, normalizeFolder(selection.scope ?? ""))) return false;
	const templates = normalizeFolder(selection.templatesFolder ?? "");
	if (templates !== "" && path.startsWith(`${templates}/`)) return false;
	const fm = snapshot.frontmatter(path);
	if (isGeneratedFrontmatter(fm)) return false;
	if (settings.selectorKind === "folder") return under(path, normalizeFolder(settings.selectorFolder));
	if (fm !== null) {
		return settings.selectorKind === "tag"
			? tagMatches(fm, settings.selectorTag)
			: propertyMatches(fm, settings.selectorProperty, settings.selectorValue);
	}
	return snapshot.frontmatterError(path) !== null && folderHasSelected(parentPath(path));
}

function markdownFiles(folder: VFolder, out: VFile[]): void {
	for (const child of folder.children) {
		if (isFolder(child)) markdownFiles(child, out);
		else if (isFile(child) && hasMarkdownExtension(child)) out.push(child);
	}
}

/** The compared notes of a snapshot, sorted by path (natural order). */
export function comparedNotes(snapshot: VaultSnapshot, selection: NoteSelection): VFile[] {
	const scope = normalizeFolder(selection.scope ?? "");
	const start = scope === "" ? snapshot.root : snapshot.getNode(scope);
	if (start === null || !isFolder(start)) return [];
	const files: VFile[] = [];
	markdownFiles(start, files);
	// First the notes the selector picks by their properties, then invalid ones beside them.
	const folders = new Set<string>();
	const picked = new Set<VFile>();
	for (const f of files) {
		if (isComparedNote(snapshot, selection, f.path, () => false)) {
			picked.add(f);
			if (snapshot.frontmatterError(f.path) === null) folders.add(parentPath(f.path));
		}
	}
	const chosen = files.filter((f) => picked.has(f) || isComparedNote(snapshot, selection, f.path, (folder) => folders.has(folder)));
	return chosen.sort((a, b) => collator.compare(a.path, b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `comparedNotes` without a templates folder (optionally within one folder). */
export function selectNotes(snapshot: VaultSnapshot, settings: CompareSettings, scopeFolder?: string): VFile[] {
	return comparedNotes(snapshot, { settings, scope: scopeFolder ?? null, templatesFolder: null });
}

/** `isComparedNote` without a templates folder. */
export function isSelectedNote(
	snapshot: VaultSnapshot,
	settings: CompareSettings,
	scope: string | null,
	path: string,
	folderHasSelected: (folder: string) => boolean,
): boolean {
	return isComparedNote(snapshot, { settings, scope, templatesFolder: null }, path, folderHasSelected);
}
