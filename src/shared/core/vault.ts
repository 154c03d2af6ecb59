/**
 * The read-only picture of a vault that every pure function in a `core/` folder works on.
 *
 * The shapes are structurally compatible with Obsidian's `TFile` / `TFolder`, so the plugin
 * hands `app.vault.getRoot()` over without copying (cost grows with what is read, not with the
 * vault), and the CLI builds the same shapes from a folder on disk.
 */

import type { Slicer } from "./slicer";

export interface VFileStat {
	readonly ctime: number;
	readonly mtime: number;
	readonly size: number;
}

export interface VFile {
	/** Vault-relative path with `/` separators, e.g. `WEBFramework/NOtes/Django.md`. */
	readonly path: string;
	/** File name with extension, e.g. `Django.md`. */
	readonly name: string;
	/** File name without its last extension, e.g. `Django`. */
	readonly basename: string;
	/** Last extension without the dot, lower or mixed case as on disk, e.g. `md`. */
	readonly extension: string;
	readonly parent: VFolder | null;
	readonly stat: VFileStat;
}

export interface VFolder {
	/** Vault-relative path; the root folder's path is `/`. */
	readonly path: string;
	/** Folder name; the root folder's name is the empty string. */
	readonly name: string;
	readonly parent: VFolder | null;
	readonly children: readonly VNode[];
	isRoot(): boolean;
}

export type VNode = VFile | VFolder;

export function isFolder(node: VNode): node is VFolder {
	return "children" in node;
}

export function isFile(node: VNode): node is VFile {
	return !("children" in node);
}

/**
 * A note: extension `md` exactly, as Obsidian and Waypoint read it (`readme.MD` is another file:
 * Obsidian does not index it as a note, and `[[readme]]` does not open it).
 */
export function isMarkdown(file: Pick<VFile, "extension">): boolean {
	return file.extension === "md";
}

/**
 * A Markdown file whatever the letter case of its extension (`Framework.MD` too). The comparison
 * reads such files' frontmatter; indexes follow Obsidian and Waypoint (`isMarkdown`).
 */
export function hasMarkdownExtension(file: Pick<VFile, "extension">): boolean {
	return file.extension.toLowerCase() === "md";
}

/** Frontmatter as parsed YAML: plain data (strings, numbers, booleans, null, arrays, objects). */
export type Frontmatter = Readonly<Record<string, unknown>>;

/** Everything pure code may ask about a vault. */
export interface VaultSnapshot {
	readonly root: VFolder;
	/** A file or folder by vault path, or null. */
	getNode(path: string): VNode | null;
	/** Parsed frontmatter of a markdown note; null when it has none or it is invalid. */
	frontmatter(path: string): Frontmatter | null;
	/** A message when the note's frontmatter is present but is not valid YAML; otherwise null. */
	frontmatterError(path: string): string | null;
}

/** Parent folder path of a vault path (`""` for the root). */
export function parentPath(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "" : path.slice(0, i);
}

/** Every note (`isMarkdown`) below `folder`, in no particular order. */
export function notesIn(folder: VFolder): VFile[] {
	const out: VFile[] = [];
	const stack: VFolder[] = [folder];
	while (stack.length > 0) {
		for (const child of (stack.pop() as VFolder).children) {
			if (isFolder(child)) stack.push(child);
			else if (isMarkdown(child)) out.push(child);
		}
	}
	return out;
}

/** Call `visit` for every file below `folder`, at any depth (iterative: deep vaults cannot overflow the stack). */
export function forEachFile(folder: VFolder, visit: (file: VFile) => void): void {
	const stack: VFolder[] = [folder];
	while (stack.length > 0) {
		const current = stack.pop() as VFolder;
		for (const child of current.children) {
			if (isFolder(child)) stack.push(child);
			else visit(child);
		}
	}
}

/** Nodes visited between two looks at a slicer's clock. */
const NODES_PER_CHECK = 128;

/** What `walkSliced` calls for each node. */
export interface SlicedVisit {
	/** Each folder (the start folder included), before its children. */
	folder?(folder: VFolder): void;
	/** Each file; returning `false` ends the walk. */
	file?(file: VFile): boolean | void;
}

/**
 * Every folder and file below `folder`, at any depth, pausing when `slicer` says so: a vault of
 * 100k notes, or a single folder of 100k notes, never holds the thread for longer than a slice.
 * Each folder's children are taken as they are when the walk reaches that folder. Resolves with
 * false when a visit ended the walk early.
 */
export async function walkSliced(folder: VFolder, slicer: Slicer, visit: SlicedVisit): Promise<boolean> {
	const stack: VFolder[] = [folder];
	let count = 0;
	while (stack.length > 0) {
		const current = stack.pop() as VFolder;
		visit.folder?.(current);
		for (const child of current.children.slice()) {
			if (++count % NODES_PER_CHECK === 0 && slicer.due()) await slicer.pause();
			if (isFolder(child)) stack.push(child);
			else if (visit.file?.(child) === false) return false;
		}
	}
	return true;
}

/** `notesIn` in slices (see `walkSliced`). */
export async function notesInSliced(folder: VFolder, slicer: Slicer): Promise<VFile[]> {
	const out: VFile[] = [];
	await walkSliced(folder, slicer, {
		file: (file) => {
			if (isMarkdown(file)) out.push(file);
		},
	});
	return out;
}

/**
 * The snapshot as the app's metadata cache sees it: a note whose frontmatter is not valid YAML
 * simply has none (Obsidian reports nothing). Living blocks read the vault so, so that the CLI
 * and the plugin write the same bytes for the same vault.
 */
export function withoutFrontmatterErrors(snapshot: VaultSnapshot): VaultSnapshot {
	return {
		get root() {
			return snapshot.root;
		},
		getNode: (path) => snapshot.getNode(path),
		frontmatter: (path) => snapshot.frontmatter(path),
		frontmatterError: () => null,
	};
}

/**
 * A folder as a person typed it (an option, a CLI flag) as a vault path: `\` as `/`, no leading
 * or trailing slashes, blanks trimmed (`""` for the vault's top), and whether the vault has it.
 */
export function typedFolder(snapshot: VaultSnapshot, text: string): { readonly folder: string; readonly found: boolean } {
	const folder = text
		.replace(/\\/g, "/")
		.trim()
		.replace(/^\/+|\/+$/g, "");
	if (folder === "") return { folder, found: true };
	const node = snapshot.getNode(folder);
	return { folder, found: node !== null && isFolder(node) };
}

/** A note as a person typed it, with or without `.md`, `\` as `/`: the file, or null. `typed` is the path as cleaned. */
export function typedNote(snapshot: VaultSnapshot, text: string): { readonly typed: string; readonly file: VFile | null } {
	const typed = text.replace(/\\/g, "/").replace(/^\/+/, "");
	for (const candidate of [typed, `${typed}.md`]) {
		const node = snapshot.getNode(candidate);
		if (node !== null && isFile(node)) return { typed, file: node };
	}
	return { typed, file: null };
}
