/**
 * Which notes are framework notes: the settings' selector (property + value, tag, or folder),
 * optionally within one folder.
 */

import type { CompareSettings } from "../../shared/core/settings";
import {
	isFile,
	isFolder,
	isMarkdown,
	parentPath,
	type Frontmatter,
	type VFile,
	type VFolder,
	type VaultSnapshot,
} from "../../shared/core/vault";
import { collator, wholeLink } from "./cells";
import type { NoteInput } from "./types";

/** `/`, `""`, `A/B/` → `""`, `""`, `A/B`. */
export function normalizeFolder(path: string): string {
	return path.trim().replace(/^\/+|\/+$/g, "");
}

function under(path: string, folder: string): boolean {
	return folder === "" || path.startsWith(`${folder}/`);
}

function markdownFiles(folder: VFolder, out: VFile[]): void {
	for (const child of folder.children) {
		if (isFolder(child)) markdownFiles(child, out);
		else if (isFile(child) && isMarkdown(child)) out.push(child);
	}
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

/**
 * The notes the comparison shows, sorted by path. A note whose YAML is invalid cannot be
 * matched by property or tag; it is kept (with its warning) when it sits in a folder that holds
 * a selected note, so a broken note is listed rather than silently dropped.
 */
export function selectNotes(snapshot: VaultSnapshot, settings: CompareSettings, scopeFolder?: string): VFile[] {
	const scope = normalizeFolder(scopeFolder ?? "");
	const start = scope === "" ? snapshot.root : snapshot.getNode(scope);
	if (start === null || !isFolder(start)) return [];
	const files: VFile[] = [];
	markdownFiles(start, files);

	let chosen: VFile[];
	if (settings.selectorKind === "folder") {
		const folder = normalizeFolder(settings.selectorFolder);
		chosen = files.filter((f) => under(f.path, folder));
	} else {
		const matches = (fm: Frontmatter) =>
			settings.selectorKind === "tag"
				? tagMatches(fm, settings.selectorTag)
				: propertyMatches(fm, settings.selectorProperty, settings.selectorValue);
		const picked = new Set<VFile>();
		const folders = new Set<string>();
		for (const f of files) {
			const fm = snapshot.frontmatter(f.path);
			if (fm !== null && matches(fm)) {
				picked.add(f);
				folders.add(parentPath(f.path));
			}
		}
		chosen = files.filter((f) => picked.has(f) || (folders.has(parentPath(f.path)) && snapshot.frontmatterError(f.path) !== null));
	}
	return chosen.sort((a, b) => collator.compare(a.path, b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The model's input for files of a snapshot. */
export function noteInputs(snapshot: VaultSnapshot, files: readonly VFile[]): NoteInput[] {
	return files.map((f) => ({
		path: f.path,
		basename: f.basename,
		frontmatter: snapshot.frontmatter(f.path),
		frontmatterError: snapshot.frontmatterError(f.path),
		mtime: f.stat.mtime,
	}));
}
