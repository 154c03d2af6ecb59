/**
 * An in-memory VaultSnapshot for tests, benchmarks and anything else that needs a vault without
 * Obsidian or a disk.
 *
 * ```ts
 * const vault = snapshotFromFiles({
 *   "Projects/Projects.md": "# Projects\n%% Waypoint %%\n",
 *   "Projects/Note.md": { frontmatter: { title: "A note" }, mtime: 5 },
 *   "Projects/Empty/": {},            // a key ending in "/" is an (empty) folder
 * });
 * vault.getNode("Projects/Note.md"); vault.text("Projects/Projects.md");
 * ```
 * - A string value is the note's text.
 * - Frontmatter: `frontmatter` when given (null = none); otherwise parsed from the text's leading
 *   `---` block with `yaml` (invalid YAML → `frontmatter()` null and `frontmatterError()` set).
 * - Folders are created for every parent path. Children keep the order of the record's keys, so
 *   a test can shuffle the record to shuffle the tree.
 * - `stat.size` is the text length (or `size`), times default to 0.
 */
import { parse } from "yaml";
import { hasMarkdownExtension, type Frontmatter, type VFile, type VFolder, type VNode, type VaultSnapshot } from "../vault";
import { locateFrontmatter } from "../frontmatter-block";
import { errorMessage } from "../errors";

export interface FileSpec {
	readonly text?: string;
	readonly frontmatter?: Frontmatter | null;
	readonly mtime?: number;
	readonly ctime?: number;
	readonly size?: number;
}

export interface TestSnapshot extends VaultSnapshot {
	/** The text of a file, or null when it has none / does not exist. */
	text(path: string): string | null;
	/** Every file, in creation order. */
	files(): readonly VFile[];
	/** Every folder except the root, in creation order. */
	folders(): readonly VFolder[];
}

class MemFolder implements VFolder {
	readonly children: VNode[] = [];
	constructor(
		readonly path: string,
		readonly name: string,
		readonly parent: MemFolder | null,
	) {}
	isRoot(): boolean {
		return this.parent === null;
	}
}

function splitName(name: string): { basename: string; extension: string } {
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? { basename: name, extension: "" } : { basename: name.slice(0, dot), extension: name.slice(dot + 1) };
}

function parseFrontmatter(text: string): { value: Frontmatter | null; error: string | null } {
	const yaml = locateFrontmatter(text)?.yaml;
	if (yaml === undefined) return { value: null, error: null };
	try {
		const value: unknown = parse(yaml);
		if (value === null || value === undefined) return { value: null, error: null };
		if (typeof value !== "object" || Array.isArray(value)) return { value: null, error: "Frontmatter is not a mapping." };
		return { value: value as Frontmatter, error: null };
	} catch (e) {
		return { value: null, error: errorMessage(e) };
	}
}

export function snapshotFromFiles(files: Readonly<Record<string, FileSpec | string>>): TestSnapshot {
	const root = new MemFolder("/", "", null);
	const nodes = new Map<string, VNode>([
		["/", root],
		["", root],
	]);
	const texts = new Map<string, string>();
	const fms = new Map<string, { value: Frontmatter | null; error: string | null }>();
	const fileList: VFile[] = [];
	const folderList: VFolder[] = [];

	const folderAt = (path: string): MemFolder => {
		if (path === "") return root;
		const existing = nodes.get(path);
		if (existing !== undefined) {
			if (!(existing instanceof MemFolder)) throw new Error(`"${path}" is both a file and a folder`);
			return existing;
		}
		const i = path.lastIndexOf("/");
		const parent = folderAt(i < 0 ? "" : path.slice(0, i));
		const folder = new MemFolder(path, path.slice(i + 1), parent);
		parent.children.push(folder);
		nodes.set(path, folder);
		folderList.push(folder);
		return folder;
	};

	for (const [rawPath, rawSpec] of Object.entries(files)) {
		const spec: FileSpec = typeof rawSpec === "string" ? { text: rawSpec } : rawSpec;
		if (rawPath.endsWith("/")) {
			folderAt(rawPath.replace(/\/+$/, ""));
			continue;
		}
		const path = rawPath.replace(/^\/+/, "");
		if (nodes.has(path)) throw new Error(`duplicate path "${path}"`);
		const i = path.lastIndexOf("/");
		const parent = folderAt(i < 0 ? "" : path.slice(0, i));
		const name = path.slice(i + 1);
		const { basename, extension } = splitName(name);
		const text = spec.text;
		const file: VFile = {
			path,
			name,
			basename,
			extension,
			parent,
			stat: { ctime: spec.ctime ?? 0, mtime: spec.mtime ?? 0, size: spec.size ?? text?.length ?? 0 },
		};
		parent.children.push(file);
		nodes.set(path, file);
		fileList.push(file);
		if (text !== undefined) texts.set(path, text);
		if (spec.frontmatter !== undefined) fms.set(path, { value: spec.frontmatter, error: null });
		else if (text !== undefined && hasMarkdownExtension({ extension })) fms.set(path, parseFrontmatter(text));
	}

	return {
		root,
		getNode: (path) => nodes.get(path) ?? null,
		frontmatter: (path) => fms.get(path)?.value ?? null,
		frontmatterError: (path) => fms.get(path)?.error ?? null,
		text: (path) => texts.get(path) ?? null,
		files: () => fileList,
		folders: () => folderList,
	};
}
