/**
 * Which notes are framework notes: the one rule shared by the comparison pane (full reads and
 * live updates), "Save as note", the CLI, and every feature that works on "the framework notes". A note is compared when it is a Markdown note inside the scope
 * folder, outside the core Templates plugin's folder, not a generated comparison note, and the
 * settings' selector (property + value, tag, or folder) picks it.
 */

import type { CompareSettings } from "./settings";
import {
	isFile,
	isFolder,
	hasMarkdownExtension,
	parentPath,
	type Frontmatter,
	type VFile,
	type VFolder,
	type VaultSnapshot,
} from "./vault";
import { wholeLink } from "./wikilink";

/** Natural, case-insensitive order of names and paths (`Note 2` before `Note 10`). */
export const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** The frontmatter key and value that mark a note written by "Save as note". */
export const GENERATED_KEY = "framework-notes";
export const GENERATED_VALUE = "comparison";

/** A note written by "Save as note" (never compared itself). */
export function isGeneratedFrontmatter(fm: Frontmatter | null): boolean {
	return fm !== null && Object.prototype.hasOwnProperty.call(fm, GENERATED_KEY) && fm[GENERATED_KEY] === GENERATED_VALUE;
}

/** `/`, `""`, `A/B/` → `""`, `""`, `A/B`. */
export function normalizeFolder(path: string): string {
	return path.trim().replace(/^\/+|\/+$/g, "");
}

function norm(text: string): string {
	return text.trim().toLowerCase();
}

function scalarMatches(value: unknown, wanted: string): boolean {
	if (typeof value === "string") {
		if (norm(value) === wanted) return true;
		const link = wholeLink(value);
		return link !== null && norm(link.target) === wanted;
	}
	if (typeof value === "number" || typeof value === "boolean") return String(value) === wanted;
	return false;
}

/** Property selector: equal to the value (case-insensitive), or any list item equal; empty value = has the property. */
export function propertyMatches(fm: Frontmatter, property: string, value: string): boolean {
	if (!Object.prototype.hasOwnProperty.call(fm, property)) return false;
	const v = fm[property];
	const wanted = norm(value);
	if (wanted === "") return v !== undefined;
	return Array.isArray(v) ? v.some((item) => scalarMatches(item, wanted)) : scalarMatches(v, wanted);
}

/** Frontmatter tags (`tags` / `tag`, list or comma/space separated text), without `#`, lower case. */
export function frontmatterTags(fm: Frontmatter): string[] {
	const out: string[] = [];
	for (const key of ["tags", "tag"]) {
		if (!Object.prototype.hasOwnProperty.call(fm, key)) continue;
		const v = fm[key];
		const items = Array.isArray(v) ? v : [v];
		for (const item of items) {
			if (typeof item !== "string" && typeof item !== "number") continue;
			for (const piece of String(item).split(/[,\s]+/)) {
				const tag = norm(piece.startsWith("#") ? piece.slice(1) : piece);
				if (tag !== "") out.push(tag);
			}
		}
	}
	return out;
}

/** Tag selector: the tag itself or a nested tag under it (`framework` matches `framework/python`); empty = any tag. */
export function tagMatches(fm: Frontmatter, tag: string): boolean {
	const wanted = norm(tag.startsWith("#") ? tag.trim().slice(1) : tag).replace(/\/+$/, "");
	const tags = frontmatterTags(fm);
	if (wanted === "") return tags.length > 0;
	return tags.some((t) => t === wanted || t.startsWith(`${wanted}/`));
}

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

/** A choice of notes that replaces the settings' selector: by a property's value, or by a tag. */
export type SelectorChoice =
	{ readonly kind: "property"; readonly key: string; readonly value: string } | { readonly kind: "tag"; readonly tag: string };

/** `KEY=VALUE` split at its first `=` (both trimmed), or null when there is no key. */
export function propertyChoice(text: string): { readonly key: string; readonly value: string } | null {
	const eq = text.indexOf("=");
	if (eq < 0) return null;
	const key = text.slice(0, eq).trim();
	return key === "" ? null : { key, value: text.slice(eq + 1).trim() };
}

/** `#framework/python/` → `framework/python/`: what the tag selector compares. */
export function bareTag(text: string): string {
	const trimmed = text.trim();
	return trimmed.startsWith("#") ? trimmed.slice(1) : trimmed;
}

/** Whether `tag` (from `bareTag`) is one tag: not empty, no blanks or commas. */
export function isOneTag(tag: string): boolean {
	return tag !== "" && !/[\s,]/.test(tag);
}

/** The comparison settings with their selector replaced by `choice` (null: unchanged). */
export function withSelector(settings: CompareSettings, choice: SelectorChoice | null): CompareSettings {
	if (choice === null) return settings;
	if (choice.kind === "property")
		return { ...settings, selectorKind: "property", selectorProperty: choice.key, selectorValue: choice.value };
	return { ...settings, selectorKind: "tag", selectorTag: choice.tag };
}
