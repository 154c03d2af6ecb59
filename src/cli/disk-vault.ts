/**
 * A `VaultSnapshot` built from a vault folder on disk: the same shapes the plugin gets from
 * Obsidian, so the pure core runs unchanged.
 *
 * - Like Obsidian, files and folders whose name starts with a dot (the config folder, `.git`,
 *   `.trash`) are not part of the vault.
 * - Symbolic links are never followed out of the vault: a link to a folder is never followed
 *   (it would list notes twice or leave the vault); a link to a file is listed only when its
 *   target is a file inside the vault.
 * - File stats and frontmatter are read lazily, so a command pays only for what it uses.
 */
import * as fs from "node:fs";
import { errorMessage } from "../shared/core/errors";
import * as path from "node:path";
import { sep } from "node:path";
import {
	hasMarkdownExtension,
	type Frontmatter,
	type VFile,
	type VFileStat,
	type VFolder,
	type VNode,
	type VaultSnapshot,
} from "../shared/core/vault";
import { fileContains, scanBuffer, scanBufferSize, usableNeedles } from "./byte-scan";
import { parseFrontmatter, type FrontmatterEntry } from "./frontmatter-parse";
import { mayHoldKeys } from "./frontmatter-keys";
import { ByteScan } from "./parallel-scan";
import { NO_PROGRESS, type ProgressSink } from "./progress";
import { decodeUtf8, frontmatterSource, HeadReader } from "./text";

export class DiskFolder implements VFolder {
	readonly children: VNode[] = [];
	/** Children by name, built on the first lookup in a large folder. */
	private byName: Map<string, VNode> | null = null;
	constructor(
		readonly path: string,
		readonly name: string,
		readonly parent: DiskFolder | null,
	) {}
	isRoot(): boolean {
		return this.parent === null;
	}
	/** The child called `name`, or null. (The tree is complete before the first lookup.) */
	child(name: string): VNode | null {
		if (this.children.length <= 32) {
			for (const c of this.children) if (c.name === name) return c;
			return null;
		}
		if (this.byName === null) this.byName = new Map(this.children.map((c) => [c.name, c]));
		return this.byName.get(name) ?? null;
	}
}

export class DiskFile implements VFile {
	readonly basename: string;
	readonly extension: string;
	private cachedStat: VFileStat | null = null;
	constructor(
		readonly path: string,
		readonly name: string,
		readonly parent: DiskFolder,
		private readonly vaultRoot: string,
		/** For a symbolic link: the real path of its target (inside the vault); otherwise null. */
		readonly linkTarget: string | null,
	) {
		const dot = name.lastIndexOf(".");
		this.basename = dot > 0 ? name.slice(0, dot) : name;
		this.extension = dot > 0 ? name.slice(dot + 1) : "";
	}
	/**
	 * Absolute path of the bytes: the file itself, or the in-vault target of a symbolic link.
	 * Made on each use (a file is read once or twice), not kept with every file of the vault.
	 */
	get realPath(): string {
		return this.linkTarget ?? this.vaultRoot + sep + (sep === "/" ? this.path : this.path.split("/").join(sep));
	}
	get stat(): VFileStat {
		if (this.cachedStat === null) {
			try {
				const s = fs.statSync(this.realPath);
				const ctime = s.birthtimeMs > 0 ? s.birthtimeMs : s.ctimeMs;
				this.cachedStat = { ctime: Math.floor(ctime), mtime: Math.floor(s.mtimeMs), size: s.size };
			} catch {
				this.cachedStat = { ctime: 0, mtime: 0, size: 0 };
			}
		}
		return this.cachedStat;
	}
}

/** A problem met while reading the vault; never fatal for the rest of the vault. */
export interface VaultProblem {
	/** Vault-relative path of the file or folder concerned. */
	readonly path: string;
	readonly message: string;
}

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Reads the bytes of a file by absolute path (throws like `fs.readFileSync`). */
export type ReadFile = (absolutePath: string) => Uint8Array;

export interface DiskVaultOptions {
	/** Name of the config folder at the vault root (skipped). Default `.obsidian`. */
	readonly configDir?: string;
	/** How notes are read; default `fs.readFileSync`. (Tests inject failures such as EACCES.) */
	readonly readFile?: ReadFile;
	/** Told of files listed and notes read, for progress output. */
	readonly progress?: ProgressSink;
}

const readFileSync: ReadFile = (absolutePath) => fs.readFileSync(absolutePath);

/** A `startContainsScan` under way. */
export interface ContainsScan {
	finish(onProgress?: (done: number, total: number) => void): boolean[];
}

export type { FrontmatterEntry };
export { parseFrontmatter };

export class DiskVault implements VaultSnapshot {
	readonly root: DiskFolder;
	/** Real (symlink-free) absolute path of the vault folder. */
	readonly rootReal: string;
	/** Folders that could not be listed, links that lead out of the vault. */
	readonly problems: VaultProblem[] = [];
	readonly skippedLinks: string[] = [];
	private readonly files: DiskFile[] = [];
	private readonly fmSource = new Map<string, string | null>();
	private readonly fmCache = new Map<string, FrontmatterEntry>();
	private readonly readFile: ReadFile;
	/** Reads go through an injected `readFile` (tests); otherwise `bytesContain` reads in chunks. */
	private readonly injectedRead: boolean;
	/** One buffer for `bytesContain`'s chunked reads, and one for reading the top of notes. */
	private chunk: Buffer | null = null;
	private head: HeadReader | null = null;
	/** Needles looked for whenever a note's frontmatter is read (see `watchNeedles`), and the answers. */
	private readonly progress: ProgressSink;
	/** Top-level keys a command reads (null: any). See `limitFrontmatterKeys`. */
	private keyFilter: ReadonlySet<string> | null = null;
	private keyFilterVersion = 0;
	/** Notes whose parse was skipped, with the `keyFilterVersion` that allowed it. */
	private readonly skipped = new Map<string, number>();

	private constructor(rootReal: string, options: DiskVaultOptions) {
		this.rootReal = rootReal;
		this.readFile = options.readFile ?? readFileSync;
		this.injectedRead = options.readFile !== undefined;
		this.progress = options.progress ?? NO_PROGRESS;
		this.root = new DiskFolder("/", "", null);
		this.walk(options.configDir ?? ".obsidian");
	}

	/** Read the folder tree of the vault at `dir`. Throws when `dir` is not a readable folder. */
	static load(dir: string, options: DiskVaultOptions = {}): DiskVault {
		const rootReal = fs.realpathSync(dir);
		if (!fs.statSync(rootReal).isDirectory()) throw new Error("not a folder");
		return new DiskVault(rootReal, options);
	}

	/** Every file of the vault, in walk order. */
	allFiles(): readonly DiskFile[] {
		return this.files;
	}

	/** A node by vault path: a walk down the tree (no vault-wide map to build and keep). */
	getNode(p: string): VNode | null {
		if (p === "" || p === "/") return this.root;
		let node: VNode = this.root;
		for (const part of p.split("/")) {
			if (!(node instanceof DiskFolder)) return null;
			const next: VNode | null = node.child(part);
			if (next === null) return null;
			node = next;
		}
		return node;
	}

	/** Absolute path on disk of a vault path (the vault folder itself for the root). */
	absolute(vaultPath: string): string {
		return vaultPath === "/" || vaultPath === "" ? this.rootReal : path.join(this.rootReal, ...vaultPath.split("/"));
	}

	/** True when an absolute real path lies inside the vault folder. */
	contains(realPath: string): boolean {
		return realPath === this.rootReal || realPath.startsWith(this.rootReal + path.sep);
	}

	/**
	 * The text of a note. Remembers its frontmatter source so that frontmatter asked for later
	 * does not read the file a second time.
	 */
	readText(p: string): ReadResult {
		const node = this.getNode(p);
		if (!(node instanceof DiskFile)) return { ok: false, message: "no such file in the vault" };
		let text: string;
		try {
			text = decodeUtf8(this.readFile(node.realPath));
		} catch (e) {
			return { ok: false, message: errorMessage(e) };
		}
		this.progress.noteRead();
		if (!this.fmCache.has(p)) this.fmSource.set(p, frontmatterSource(text));
		return { ok: true, text };
	}

	/**
	 * Whether the bytes of `file` hold any of `needles` (UTF-8), without decoding or remembering
	 * anything: the quick test that lets a run look at every note and keep only the few that
	 * matter. A file that cannot be read answers false.
	 */
	bytesContain(file: DiskFile, needles: readonly Buffer[]): boolean {
		const wanted = usableNeedles(needles);
		if (wanted.length === 0) return false;
		if (this.injectedRead) {
			try {
				const bytes = this.readFile(file.realPath);
				const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
				return wanted.some((needle) => buffer.includes(needle));
			} catch {
				return false;
			}
		}
		if (this.chunk === null || this.chunk.length < scanBufferSize(wanted)) this.chunk = scanBuffer(wanted);
		return fileContains(file.realPath, wanted, this.chunk);
	}

	/**
	 * `bytesContain` for many files, started now and answered by `finish()` (one answer per file,
	 * in order): on a long list the files are read by worker threads while the caller goes on.
	 * With `heads`, the same reads also take each file's frontmatter source, which `finish` keeps
	 * for `frontmatter()` (so titles on every note cost no second open, and no main-thread read).
	 */
	startContainsScan(files: readonly DiskFile[], needles: readonly Buffer[], options: { heads?: boolean } = {}): ContainsScan {
		if (this.injectedRead) {
			return {
				finish: (onProgress) =>
					files.map((file, i) => {
						onProgress?.(i + 1, files.length);
						return this.bytesContain(file, needles);
					}),
			};
		}
		const scan = ByteScan.start(
			files.map((file) => file.realPath),
			needles,
			{ heads: options.heads === true },
		);
		return {
			finish: (onProgress) => {
				const hits = scan.finish(onProgress);
				const sources = scan.sources();
				if (sources !== null) {
					files.forEach((file, i) => {
						if (!hasMarkdownExtension(file) || this.fmCache.has(file.path) || this.fmSource.has(file.path)) return;
						this.fmSource.set(file.path, sources[i] ?? null);
						this.progress.noteRead();
					});
				}
				return hits;
			},
		};
	}

	/**
	 * Announce the only top-level frontmatter keys the caller will read (null: it may read any).
	 * A note whose frontmatter source certainly holds none of them is then not parsed:
	 * `frontmatter()` answers null for it, which gives the same (absent) value for those keys as
	 * a parse would. The set may be widened later: notes skipped before are checked again.
	 * `frontmatterError()` always parses.
	 */
	limitFrontmatterKeys(keys: Iterable<string> | null): void {
		this.keyFilter = keys === null ? null : new Set(keys);
		this.keyFilterVersion++;
	}

	frontmatter(p: string): Frontmatter | null {
		const filter = this.keyFilter;
		if (filter !== null && !this.fmCache.has(p)) {
			if (this.skipped.get(p) === this.keyFilterVersion) return null;
			const source = this.sourceOf(p);
			if (source !== null && !mayHoldKeys(source, filter)) {
				this.skipped.set(p, this.keyFilterVersion);
				return null;
			}
		}
		return this.parsedFrontmatter(p).data;
	}

	/**
	 * Let go of every frontmatter parsed or read so far (read again when asked for): a command that
	 * has taken what it needs from a large vault need not keep two copies.
	 */
	forgetFrontmatter(): void {
		this.fmCache.clear();
		this.fmSource.clear();
		this.skipped.clear();
	}

	frontmatterError(p: string): string | null {
		return this.parsedFrontmatter(p).error;
	}

	/** The frontmatter source of a note, read from disk once (null: none, not a note, unreadable). */
	private sourceOf(p: string): string | null {
		const known = this.fmSource.get(p);
		if (known !== undefined) return known;
		let source: string | null = null;
		const node = this.getNode(p);
		if (node instanceof DiskFile && hasMarkdownExtension(node)) {
			if (this.injectedRead) {
				const read = this.readText(p);
				source = read.ok ? (this.fmSource.get(p) ?? null) : null;
			} else {
				source = (this.head ??= new HeadReader()).read(node.realPath).source;
				this.progress.noteRead();
			}
		}
		this.fmSource.set(p, source);
		return source;
	}

	private parsedFrontmatter(p: string): FrontmatterEntry {
		const cached = this.fmCache.get(p);
		if (cached) return cached;
		const entry = parseFrontmatter(this.sourceOf(p));
		this.fmSource.delete(p);
		this.skipped.delete(p);
		this.fmCache.set(p, entry);
		return entry;
	}

	private walk(configDir: string): void {
		const stack: DiskFolder[] = [this.root];
		while (stack.length > 0) {
			const folder = stack.pop() as DiskFolder;
			const abs = this.absolute(folder.path);
			let entries: fs.Dirent[];
			try {
				entries = fs.readdirSync(abs, { withFileTypes: true });
			} catch (e) {
				this.problems.push({ path: folder.path, message: `cannot read folder: ${errorMessage(e)}` });
				continue;
			}
			const prefix = folder.isRoot() ? "" : folder.path + "/";
			for (const entry of entries) {
				const name = entry.name;
				if (name.startsWith(".")) continue;
				if (folder.isRoot() && name === configDir) continue;
				const vaultPath = prefix + name;
				if (entry.isDirectory()) {
					const child = new DiskFolder(vaultPath, name, folder);
					folder.children.push(child);
					stack.push(child);
				} else if (entry.isFile()) {
					this.addFile(new DiskFile(vaultPath, name, folder, this.rootReal, null));
				} else if (entry.isSymbolicLink()) {
					this.addLink(folder, vaultPath, name, path.join(abs, name));
				}
			}
			this.progress.listed(this.files.length);
		}
	}

	private addLink(folder: DiskFolder, vaultPath: string, name: string, abs: string): void {
		let target: string;
		try {
			target = fs.realpathSync(abs);
		} catch {
			this.skippedLinks.push(vaultPath);
			return;
		}
		let isFile = false;
		try {
			isFile = fs.statSync(target).isFile();
		} catch {
			isFile = false;
		}
		if (!isFile || !this.contains(target) || target === this.rootReal) {
			this.skippedLinks.push(vaultPath);
			return;
		}
		this.addFile(new DiskFile(vaultPath, name, folder, this.rootReal, target));
	}

	private addFile(file: DiskFile): void {
		file.parent.children.push(file);
		this.files.push(file);
	}
}
