/**
 * The settings' selector (property + value, or tag) matched against one note's frontmatter, and
 * the model's input for chosen notes. Which notes are compared is decided in `selection.ts`.
 */

import type { Frontmatter, VFile, VaultSnapshot } from "../../shared/core/vault";
import { wholeLink } from "./links";
import type { NoteInput } from "./types";

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
