/**
 * Links as Obsidian writes them (`FileManager.generateMarkdownLink`), computed from a snapshot.
 * Used where Obsidian is not running (the CLI) so that index links follow the vault's own
 * "New link format" and "Use [[Wikilinks]]" settings exactly as in the app.
 *
 * Link resolution follows Obsidian's rules for a link path: an exact vault path, then a path
 * relative to the source note, then the file with that name in the source's folder, then the
 * one with the shortest path; names compare case-insensitively.
 */
import { forEachFile, isMarkdown, parentPath, type VFile, type VFolder, type VaultSnapshot } from "./vault";

export type NewLinkFormat = "shortest" | "relative" | "absolute";

export interface LinkConfig {
	/** Obsidian's `newLinkFormat` (Files and links → New link format). */
	readonly newLinkFormat: NewLinkFormat;
	/** Obsidian's `useMarkdownLinks` (the inverse of "Use [[Wikilinks]]"). */
	readonly useMarkdownLinks: boolean;
}

export const DEFAULT_LINK_CONFIG: LinkConfig = Object.freeze({ newLinkFormat: "shortest", useMarkdownLinks: false });

/** Read Obsidian's `app.json` values (any shape) into a link configuration. */
export function linkConfigFrom(raw: unknown): LinkConfig {
	const source = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
	const format = source.newLinkFormat;
	return {
		newLinkFormat: format === "relative" || format === "absolute" || format === "shortest" ? format : "shortest",
		useMarkdownLinks: source.useMarkdownLinks === true,
	};
}

/** `(file, sourcePath, subpath?, alias?) => link`, the shape of `generateMarkdownLink`. */
export type LinkGenerator = (file: VFile, sourcePath: string, subpath?: string, alias?: string) => string;

interface NameIndex {
	/** Lower-case path → file. */
	readonly byPath: Map<string, VFile>;
	/** Lower-case file name → files with that name. */
	readonly byName: Map<string, VFile[]>;
}

function buildIndex(root: VFolder): NameIndex {
	const byPath = new Map<string, VFile>();
	const byName = new Map<string, VFile[]>();
	forEachFile(root, (file) => {
		byPath.set(file.path.toLowerCase(), file);
		const key = file.name.toLowerCase();
		const list = byName.get(key);
		if (list) list.push(file);
		else byName.set(key, [file]);
	});
	return { byPath, byName };
}

function normalizeSegments(p: string): string {
	const out: string[] = [];
	for (const part of p.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") out.pop();
		else out.push(part);
	}
	return out.join("/");
}

function comparePaths(a: VFile, b: VFile): number {
	if (a.path.length !== b.path.length) return a.path.length - b.path.length;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Obsidian's `getFirstLinkpathDest` over a name index. */
function resolveLinkpath(index: NameIndex, linkpath: string, sourcePath: string): VFile | null {
	const byPath = (p: string): VFile | null => {
		const lower = p.toLowerCase();
		return index.byPath.get(lower) ?? index.byPath.get(lower + ".md") ?? null;
	};
	const exact = byPath(linkpath);
	if (exact) return exact;
	const sourceFolder = parentPath(sourcePath);
	const relative = byPath(normalizeSegments(`${sourceFolder}/${linkpath}`));
	if (relative) return relative;
	const wanted = linkpath.toLowerCase();
	const slash = wanted.lastIndexOf("/");
	const name = slash < 0 ? wanted : wanted.slice(slash + 1);
	const candidates = [...(index.byName.get(name) ?? []), ...(index.byName.get(name + ".md") ?? [])].filter((f) => {
		const p = f.path.toLowerCase();
		return slash < 0 || p.endsWith("/" + wanted) || p.endsWith("/" + wanted + ".md");
	});
	if (candidates.length === 0) return null;
	const sameFolder = candidates.find((f) => parentPath(f.path) === sourceFolder);
	if (sameFolder) return sameFolder;
	return [...candidates].sort(comparePaths)[0] ?? null;
}

function relativeTarget(file: VFile, sourcePath: string): string {
	const from = parentPath(sourcePath).split("/").filter(Boolean);
	const to = file.path.split("/");
	let common = 0;
	while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
	return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * A link generator for one snapshot and link configuration. The name index is built on first
 * use and reused, so generating links for a whole vault costs one pass over it.
 */
export function createLinkGenerator(snapshot: VaultSnapshot, config: LinkConfig): LinkGenerator {
	let index: NameIndex | null = null;
	const getIndex = (): NameIndex => (index ??= buildIndex(snapshot.root));
	return (file, sourcePath, subpath, alias) => {
		const md = isMarkdown(file);
		let target: string;
		if (config.newLinkFormat === "absolute") {
			target = file.path;
		} else if (config.newLinkFormat === "relative") {
			target = relativeTarget(file, sourcePath);
		} else {
			const short = md ? file.basename : file.name;
			target = resolveLinkpath(getIndex(), short, sourcePath) === file ? file.name : file.path;
		}
		const sub = subpath ? `#${subpath}` : "";
		if (config.useMarkdownLinks) {
			const text = alias ?? (md ? file.basename : file.name);
			return `[${text}](${encodeURI(target)}${sub})`;
		}
		if (md && target.toLowerCase().endsWith(".md")) target = target.slice(0, -3);
		return alias ? `[[${target}${sub}|${alias}]]` : `[[${target}${sub}]]`;
	};
}
