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
import { hasMarkdownExtension, type Frontmatter, type VNode, type VaultSnapshot } from "../shared/core/vault";
import { DiskFile, DiskFolder } from "./disk-nodes";
import { fileContains, scanBuffer, scanBufferSize, usableNeedles } from "./byte-scan";
import { HeadPipeline, MIN_FILES_FOR_HEAD_WORKER, warmHeadWorker } from "./head-pipeline";
import { parseFrontmatter, type FrontmatterEntry } from "./frontmatter-parse";
import { mayHoldKeys } from "./frontmatter-keys";
import { ByteScan } from "./parallel-scan";
import { NO_PROGRESS, type ProgressSink } from "./progress";
import { decodeUtf8, frontmatterSource, HeadReader } from "./text";

export { DiskFile, DiskFolder };

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
	/**
	 * The command will read the frontmatter of many notes (`prefetchFrontmatter`): once the
	 * listing holds that many, the worker that reads them ahead starts, while the walk goes on.
	 */
	readonly readAhead?: boolean;
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
	/** Frontmatter sources read ahead (`prefetchFrontmatter`), and each note's place among them. */
	private ahead: { readonly pipeline: HeadPipeline; readonly index: Map<string, number> } | null = null;

	private constructor(rootReal: string, options: DiskVaultOptions) {
		this.rootReal = rootReal;
		this.readFile = options.readFile ?? readFileSync;
		this.injectedRead = options.readFile !== undefined;
		this.progress = options.progress ?? NO_PROGRESS;
		this.root = new DiskFolder("/", "", null);
		this.walk(options.configDir ?? ".obsidian", options.readAhead === true && !this.injectedRead);
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
	 * Say that the frontmatter of `files` will be asked for in this order: on a long list their
	 * sources are read ahead on a worker thread while the earlier ones are parsed
	 * (`head-pipeline.ts`). The answers are the same; a note asked for out of order is read as usual.
	 */
	prefetchFrontmatter(files: readonly DiskFile[]): void {
		this.endPrefetch();
		if (this.injectedRead) return;
		const notes = files.filter((f) => hasMarkdownExtension(f) && !this.fmCache.has(f.path) && !this.fmSource.has(f.path));
		if (notes.length < MIN_FILES_FOR_HEAD_WORKER) return;
		const pipeline = HeadPipeline.start(notes.map((f) => f.realPath));
		this.ahead = { pipeline, index: new Map(notes.map((f, i) => [f.path, i])) };
	}

	/**
	 * Let go of every frontmatter parsed or read so far (read again when asked for): a command that
	 * has taken what it needs from a large vault need not keep two copies.
	 */
	forgetFrontmatter(): void {
		this.endPrefetch();
		this.fmCache.clear();
		this.fmSource.clear();
		this.skipped.clear();
	}

	private endPrefetch(): void {
		this.ahead?.pipeline.close();
		this.ahead = null;
	}

	frontmatterError(p: string): string | null {
		return this.parsedFrontmatter(p).error;
	}

	/** The frontmatter source of a note, read from disk once (null: none, not a note, unreadable). */
	private sourceOf(p: string): string | null {
		const known = this.fmSource.get(p);
		if (known !== undefined) return known;
		const place = this.ahead?.index.get(p);
		const early = place === undefined ? undefined : this.ahead?.pipeline.source(place);
		if (early !== undefined) {
			this.progress.noteRead();
			this.fmSource.set(p, early);
			return early;
		}
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

	private walk(configDir: string, readAhead: boolean): void {
		let warm = readAhead;
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
			if (warm && this.files.length >= MIN_FILES_FOR_HEAD_WORKER) {
				warmHeadWorker();
				warm = false;
			}
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
