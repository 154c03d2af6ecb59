/**
 * An in-memory vault with the shapes Obsidian hands the plugin (`VFile` / `VFolder`, mutable in
 * place like `TFile` / `TFolder`), for engine tests and benchmarks: create, delete, rename,
 * texts, and counters of what the engine read and wrote.
 */
import type { IndexSettings } from "../src/shared/core/settings";
import type { Frontmatter, VFile, VFileStat, VFolder, VNode, VaultSnapshot } from "../src/shared/core/vault";
import type { IndexIO } from "../src/index-notes/core/engine";

export class MemFolder implements VFolder {
	readonly children: MemNode[] = [];
	constructor(
		public path: string,
		public name: string,
		public parent: MemFolder | null,
	) {}
	isRoot(): boolean {
		return this.parent === null;
	}
}

export class MemFile implements VFile {
	name = "";
	basename = "";
	extension = "";
	readonly stat: { -readonly [K in keyof VFileStat]: VFileStat[K] };
	constructor(
		public path: string,
		public parent: MemFolder,
		time: number,
	) {
		this.setName(path.slice(path.lastIndexOf("/") + 1));
		this.stat = { ctime: time, mtime: time, size: 0 };
	}
	setName(name: string): void {
		this.name = name;
		const dot = name.lastIndexOf(".");
		this.basename = dot < 0 ? name : name.slice(0, dot);
		this.extension = dot < 0 ? "" : name.slice(dot + 1);
	}
}

export type MemNode = MemFile | MemFolder;

function parentOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

export class MemoryVault implements VaultSnapshot {
	readonly root = new MemFolder("/", "", null);
	private readonly nodes = new Map<string, MemNode>();
	readonly texts = new Map<string, string>();
	readonly frontmatters = new Map<string, Frontmatter>();
	reads = 0;
	writes: string[] = [];
	errors: string[] = [];
	private clock = 1_700_000_000_000;

	getNode(path: string): VNode | null {
		return path === "" || path === "/" ? this.root : (this.nodes.get(path) ?? null);
	}
	frontmatter(path: string): Frontmatter | null {
		return this.frontmatters.get(path) ?? null;
	}
	frontmatterError(): string | null {
		return null;
	}

	/** The folder at `path`, created with its parents when missing. */
	folder(path: string): MemFolder {
		if (path === "" || path === "/") return this.root;
		const existing = this.nodes.get(path);
		if (existing instanceof MemFolder) return existing;
		const parent = this.folder(parentOf(path));
		const folder = new MemFolder(path, path.slice(path.lastIndexOf("/") + 1), parent);
		parent.children.push(folder);
		this.nodes.set(path, folder);
		return folder;
	}

	addFile(path: string, text: string): MemFile {
		const parent = this.folder(parentOf(path));
		const file = new MemFile(path, parent, this.clock++);
		parent.children.push(file);
		this.nodes.set(path, file);
		this.texts.set(path, text);
		return file;
	}

	/** Every path at or below `node`. */
	private subtree(node: MemNode): MemNode[] {
		const out: MemNode[] = [node];
		if (node instanceof MemFolder) for (const child of node.children) out.push(...this.subtree(child));
		return out;
	}

	delete(path: string): void {
		const node = this.nodes.get(path);
		if (!node || !node.parent) return;
		for (const n of this.subtree(node)) {
			this.nodes.delete(n.path);
			this.texts.delete(n.path);
			this.frontmatters.delete(n.path);
		}
		const siblings = node.parent.children;
		siblings.splice(siblings.indexOf(node), 1);
	}

	/** Move `path` to `newPath` (its new parent folder must exist or is created). */
	rename(path: string, newPath: string): void {
		const node = this.nodes.get(path);
		if (!node || !node.parent || this.nodes.has(newPath)) return;
		const moved = this.subtree(node);
		const siblings = node.parent.children;
		siblings.splice(siblings.indexOf(node), 1);
		const parent = this.folder(parentOf(newPath));
		node.parent = parent;
		parent.children.push(node);
		for (const n of moved) {
			const oldPath = n.path;
			const next = newPath + oldPath.slice(path.length);
			this.nodes.delete(oldPath);
			n.path = next;
			this.nodes.set(next, n);
			const text = this.texts.get(oldPath);
			if (text !== undefined) {
				this.texts.delete(oldPath);
				this.texts.set(next, text);
			}
			const frontmatter = this.frontmatters.get(oldPath);
			if (frontmatter !== undefined) {
				this.frontmatters.delete(oldPath);
				this.frontmatters.set(next, frontmatter);
			}
		}
		const name = newPath.slice(newPath.lastIndexOf("/") + 1);
		if (node instanceof MemFile) node.setName(name);
		else node.name = name;
	}

	/** An IndexIO over this vault; `settings` is read on every call. */
	io(settings: () => IndexSettings): IndexIO {
		return {
			snapshot: this,
			settings,
			read: (path) => {
				const node = this.nodes.get(path);
				if (!(node instanceof MemFile) || node.extension !== "md" || path.startsWith("Templates/")) return Promise.resolve(null);
				this.reads++;
				return Promise.resolve(this.texts.get(path) ?? "");
			},
			process: (path, edit) => {
				this.writes.push(path);
				this.texts.set(path, edit(this.texts.get(path) ?? ""));
				return Promise.resolve();
			},
			reportError: (path) => {
				this.errors.push(path);
			},
		};
	}
}
