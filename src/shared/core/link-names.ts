/**
 * Which files a bare name would not open. Obsidian resolves `[[Note]]` by name, comparing
 * case-insensitively, so when two files share a name (`a/Note.md` and `b/note.md`) the bare
 * name opens only one of them. A link that must open a given file then needs a longer target:
 * the shortest trailing part of its vault path (`.md` left off for notes) that no other file's
 * path ends with (`[[a/Note]]`), or the whole path when no shorter part is unique (Obsidian
 * resolves a full vault path first).
 *
 * One pass over the vault builds the index; each link then costs one map lookup (plus, for a
 * shared name only, a look at the few files sharing it).
 */
import type { Slicer } from "./slicer";
import { forEachFile, isMarkdown, walkSliced, type VFile, type VFolder } from "./vault";

/** What naming a file needs (a `VFile` has it). */
export type LinkedFile = Pick<VFile, "path" | "name" | "basename" | "extension">;

export interface LinkNames {
	/** The link target that opens `file`: its name (basename for notes) when unique, else the shortest unique trailing path. */
	linkPath(file: LinkedFile): string;
	/** Names (lower case) shared by more than one file, with the vault paths sharing each. */
	readonly shared: ReadonlyMap<string, readonly string[]>;
}

/** The full link target of a file: its vault path, without `.md` for a note. */
export function linkTargetOf(file: Pick<VFile, "path" | "extension">): string {
	return isMarkdown(file) ? file.path.slice(0, -3) : file.path;
}

function nameKey(file: Pick<VFile, "name" | "basename" | "extension">): string {
	return (isMarkdown(file) ? file.basename : file.name).toLowerCase();
}

/** The index, one file at a time. */
class NamesBuilder {
	private readonly first = new Map<string, string>();
	private readonly shared = new Map<string, string[]>();

	add(file: VFile): void {
		const key = nameKey(file);
		const seen = this.first.get(key);
		if (seen === undefined) {
			this.first.set(key, file.path);
			return;
		}
		const group = this.shared.get(key);
		if (group === undefined) this.shared.set(key, [seen, file.path]);
		else group.push(file.path);
	}

	finish(): LinkNames {
		for (const group of this.shared.values()) group.sort();
		return new NameIndex(this.shared);
	}
}

/** Build the index from the vault's root folder: one pass over every file. */
export function buildLinkNames(root: VFolder): LinkNames {
	const builder = new NamesBuilder();
	forEachFile(root, (file) => builder.add(file));
	return builder.finish();
}

/** The files whose shared name gained or lost a member between two builds (their links change). */
export function namesakeChanges(before: LinkNames, after: LinkNames): string[] {
	const out: string[] = [];
	for (const [key, group] of before.shared) {
		const now = after.shared.get(key);
		if (now === undefined || now.join("\n") !== group.join("\n")) {
			// Item by item: a name shared by 100k notes is too many to spread as arguments.
			for (const path of group) out.push(path);
			for (const path of now ?? []) out.push(path);
		}
	}
	for (const [key, group] of after.shared) if (!before.shared.has(key)) for (const path of group) out.push(path);
	return out;
}

/** `buildLinkNames` in slices: pauses when `slicer` says so (a 100k-note vault takes a few slices). */
export async function buildLinkNamesSliced(root: VFolder, slicer: Slicer): Promise<LinkNames> {
	const builder = new NamesBuilder();
	await walkSliced(root, slicer, { file: (file) => builder.add(file) });
	return builder.finish();
}

class NameIndex implements LinkNames {
	private readonly memo = new Map<string, string>();
	/** Per shared name: how many of the files sharing it end with each trailing path (lower case). */
	private readonly tails = new Map<string, Map<string, number>>();

	/** Every path whose name another file shares: most links are answered by this one lookup. */
	private readonly sharing = new Set<string>();

	constructor(readonly shared: ReadonlyMap<string, readonly string[]>) {
		for (const group of shared.values()) for (const path of group) this.sharing.add(path);
	}

	linkPath(file: LinkedFile): string {
		if (!this.sharing.has(file.path)) return isMarkdown(file) ? file.basename : file.name;
		const known = this.memo.get(file.path);
		if (known !== undefined) return known;
		const key = nameKey(file);
		const group = this.shared.get(key) ?? [];
		const path = this.shortest(linkTargetOf(file), key, group);
		this.memo.set(file.path, path);
		return path;
	}

	/** Counts of every trailing path of the group's files, made once per shared name: linear in the group. */
	private tailCounts(key: string, group: readonly string[]): Map<string, number> {
		let counts = this.tails.get(key);
		if (counts !== undefined) return counts;
		counts = new Map();
		for (const path of group) {
			const lower = (path.endsWith(".md") ? path.slice(0, -3) : path).toLowerCase();
			for (let at = lower.length; at >= 0;) {
				at = lower.lastIndexOf("/", at - 1);
				const tail = lower.slice(at + 1);
				counts.set(tail, (counts.get(tail) ?? 0) + 1);
				if (at < 0) break;
			}
		}
		this.tails.set(key, counts);
		return counts;
	}

	private shortest(target: string, key: string, group: readonly string[]): string {
		const counts = this.tailCounts(key, group);
		const lower = target.toLowerCase();
		let at = lower.length;
		for (;;) {
			at = lower.lastIndexOf("/", at - 1);
			if (at < 0) return target;
			if ((counts.get(lower.slice(at + 1)) ?? 0) <= 1) return target.slice(at + 1);
		}
	}
}
