/**
 * The gaps between obsidian-test-mocks (v3.11) and Obsidian that the plugin can notice, and the
 * fixes for them. Free of Vitest, so the happy-dom harness (`plugin-harness.ts`) and the
 * browser test page (`test/browser/page`) share one implementation.
 *
 * 1. `metadataCache` fires `changed` synchronously inside `vault.create/modify`, and never fires
 *    `resolved`. Obsidian parses later and then fires `resolved`. → `changed` is queued and
 *    delivered on a timer, followed by one `resolved`.
 * 2. A note whose frontmatter is invalid YAML makes the mock's parser throw (the `create` event
 *    rejects). Obsidian keeps the note, with no frontmatter in its cache. → parse failures are
 *    caught and the note is cached without frontmatter.
 * 3. `vault.rename` / `vault.delete` leave the metadata cache keyed by the old path (Obsidian moves
 *    or drops the entry and fires `deleted`). → the cache follows renames and deletes.
 * 4. `TFile.stat` stays `{ctime: 0, mtime: 0, size: 0}` for ever. → create/modify set the times
 *    from `Date.now()` and the size from the text.
 * 6. `getFirstLinkpathDest` ignores the source path, case and duplicate names (first match wins).
 *    → Obsidian's rules: exact path, then relative to the source, then by name preferring the
 *    source's folder, then the shortest path; case-insensitive. Lookups go through maps kept
 *    current by vault events, so resolving links in a 10,000-note vault is not quadratic.
 * 7. `fileManager.generateMarkdownLink` always returns `[[basename]]`. → it honours the vault's
 *    `useMarkdownLinks` and `newLinkFormat` (shortest / relative / absolute) config.
 * 9. Renaming a folder fires one `rename` event, for the folder; Obsidian also fires one for every
 *    file and folder inside it. → the descendants' events follow the folder's, each in a task of
 *    its own, not all in the task of the rename.
 * 10. The in-memory adapter's rename of a folder rebuilds its case-insensitive table of every path
 *    in the vault (a main-thread pass over 100k paths; Obsidian's rename of a folder is one file
 *    system call). → only the moved paths' entries change.
 * 11. A folder's own `rename` event is triggered inside the vault's rename, in the same task as the
 *    mock's synchronous move of every entry below it (its maps, the adapter's). Obsidian's events
 *    come from the file system afterwards. → the folder's event is delivered in the next task, so
 *    the test bed's own move and the plugin's handling are separate tasks (the start-up bench
 *    reports them apart).
 * 12. The mock parses a note on the main thread, so its cache entry's strings (frontmatter values,
 *    links) are slices of the note's text, which they keep alive. Obsidian parses in its "Metadata
 *    Cache Worker" and receives the entry by `postMessage` (and reads it back from IndexedDB at
 *    start-up), both structured clones: flat strings that share nothing with the text. → each
 *    parsed entry is replaced by its `structuredClone`, in the cache and in its `changed` event.
 * (Gaps 5 and 8 concern views and plugin data: see plugin-harness.ts.)
 */
import type { TAbstractFile, TFile as TFileOriginal } from "obsidian";
import { type App, TFile, TFolder } from "obsidian-test-mocks/obsidian";

export type MockApp = ReturnType<typeof App.createConfigured__>;

interface EventsInternals {
	_: Record<string, unknown[] | undefined>;
	trigger(name: string, ...data: unknown[]): void;
}

interface MetadataCacheInternals extends EventsInternals {
	cache__: Map<string, unknown>;
	parseFileMetadata(file: unknown): void;
}

/** Gap 1, 2, 3: deferred `changed`, `resolved`, invalid YAML, cache follows rename/delete. */
function patchMetadataCache(app: MockApp, nextTask: (task: () => void) => void): void {
	const cache = app.metadataCache as unknown as MetadataCacheInternals;
	const trigger = cache.trigger.bind(cache);
	let queue: unknown[][] = [];
	let scheduled = false;
	const flush = (): void => {
		scheduled = false;
		const batch = queue;
		queue = [];
		for (const data of batch) trigger("changed", ...data);
		if (batch.length > 0) trigger("resolved");
	};
	cache.trigger = (name: string, ...data: unknown[]): void => {
		if (name !== "changed") {
			trigger(name, ...data);
			return;
		}
		queue.push(data);
		if (!scheduled) {
			scheduled = true;
			window.setTimeout(flush, 0);
		}
	};

	const parse = cache.parseFileMetadata.bind(cache);
	cache.parseFileMetadata = (file: unknown): void => {
		try {
			parse(file);
			// Gap 12: the entry as Obsidian's worker hands it over, a structured clone.
			if (file instanceof TFile) {
				const entry = cache.cache__.get(file.path);
				if (entry !== undefined) {
					const cloned: unknown = structuredClone(entry);
					cache.cache__.set(file.path, cloned);
					const queued = queue[queue.length - 1];
					if (queued !== undefined && queued[0] === file && queued[2] === entry) queued[2] = cloned;
				}
			}
		} catch {
			// Obsidian keeps a note whose YAML is invalid, with no frontmatter in its cache.
			if (file instanceof TFile) {
				cache.cache__.set(file.path, {});
				cache.trigger("changed", file, "", {});
			}
		}
	};

	const vault = app.vault.asOriginalType2__();
	let replaying = false;
	/** The cache follows a rename at once; only the moved paths' entries are touched, not every entry. */
	const moveEntries = (moves: readonly (readonly [string, string])[]): void => {
		const entries = cache.cache__;
		const taken: [string, unknown][] = [];
		for (const [from, to] of moves) {
			if (!entries.has(from)) continue;
			taken.push([to, entries.get(from)]);
			entries.delete(from);
		}
		for (const [to, entry] of taken) entries.set(to, entry);
	};
	const events = vault as unknown as EventsInternals;
	const triggerVault = events.trigger.bind(events);
	events.trigger = (name: string, ...data: unknown[]): void => {
		const [file, oldPath] = data as [TAbstractFile, string];
		if (name !== "rename" || replaying) {
			triggerVault(name, ...data);
			return;
		}
		if (!(file instanceof TFolder)) {
			moveEntries([[oldPath, file.path]]);
			triggerVault(name, ...data);
			return;
		}
		const descendants: TAbstractFile[] = [];
		const walk = (folder: TFolder): void => {
			for (const child of folder.children) {
				descendants.push(child as unknown as TAbstractFile);
				if (child instanceof TFolder) walk(child);
			}
		};
		walk(file);
		const renamed = descendants.map((child) => [child, oldPath + child.path.slice(file.path.length)] as const);
		moveEntries([[oldPath, file.path], ...renamed.map(([child, from]) => [from, child.path] as const)]);
		// Gap 11: the folder's own event in the task after the rename's, as a file system watcher's
		// would come, not inside the test bed's synchronous move of its entries. Gap 9: then one
		// event per descendant, each in a task of its own.
		let next = 0;
		const deliver = (): void => {
			const event = renamed[next++];
			if (event === undefined) return;
			replaying = true;
			try {
				triggerVault("rename", event[0], event[1]);
			} finally {
				replaying = false;
			}
			nextTask(deliver);
		};
		nextTask(() => {
			triggerVault(name, ...data);
			nextTask(deliver);
		});
	};
	vault.on("delete", (file: TAbstractFile) => {
		const entry = cache.cache__.get(file.path);
		if (entry !== undefined) {
			cache.cache__.delete(file.path);
			trigger("deleted", file, null, entry);
		}
	});
}

interface AdapterInternals {
	textFiles: Map<string, unknown>;
	binaryFiles: Map<string, unknown>;
	fileMeta: Map<string, unknown>;
	directories: Set<string>;
	lowerCaseKeys: Set<string>;
	ensureParentDirs(path: string): void;
	rename(from: string, to: string): Promise<void>;
}

/** Gap 10: a folder's rename moves the entries below it and nothing else. */
function patchFolderRename(app: MockApp): void {
	const adapter = app.vault.adapter as unknown as AdapterInternals;
	const rename = adapter.rename.bind(adapter);
	adapter.rename = async (from: string, to: string): Promise<void> => {
		// The adapter's fields once: every access through the mock's proxy costs a trap.
		const { textFiles, binaryFiles, fileMeta, directories, lowerCaseKeys } = adapter;
		const lower = from.toLowerCase();
		// Another folder spelled like this one in another letter case shares its lower-case keys.
		let twin = false;
		for (const dir of directories) if (dir !== from && dir.toLowerCase() === lower) twin = true;
		if (!directories.has(from) || twin) return rename(from, to);
		await Promise.resolve();
		const prefix = `${from}/`;
		const moved = (key: string): string | null => (key === from ? to : key.startsWith(prefix) ? to + key.slice(from.length) : null);
		const moves: [string, string][] = [];
		for (const map of [textFiles, binaryFiles]) {
			for (const key of map.keys()) {
				const target = moved(key);
				if (target !== null) moves.push([key, target]);
			}
		}
		for (const [key, target] of moves) {
			for (const map of [textFiles, binaryFiles, fileMeta]) {
				if (!map.has(key)) continue;
				map.set(target, map.get(key));
				map.delete(key);
			}
			lowerCaseKeys.delete(key.toLowerCase());
		}
		for (const [, target] of moves) lowerCaseKeys.add(target.toLowerCase());
		const dirs: [string, string][] = [];
		for (const dir of directories) {
			const target = moved(dir);
			if (target !== null) dirs.push([dir, target]);
		}
		for (const [dir] of dirs) {
			directories.delete(dir);
			lowerCaseKeys.delete(dir.toLowerCase());
		}
		for (const [, target] of dirs) {
			directories.add(target);
			lowerCaseKeys.add(target.toLowerCase());
		}
		adapter.ensureParentDirs(to);
	};
}

/** Gap 4: file times and sizes. */
function patchStats(app: MockApp): void {
	const touch = (file: TAbstractFile, created: boolean): void => {
		if (!(file instanceof TFile)) return;
		const now = Date.now();
		const size =
			(app.vault as unknown as { adapter: { readSync__?: (p: string) => string } }).adapter.readSync__?.(file.path)?.length ?? 0;
		file.stat = { ctime: created ? now : file.stat.ctime || now, mtime: now, size };
	};
	const vault = app.vault.asOriginalType2__();
	vault.on("create", (file: TAbstractFile) => touch(file, true));
	vault.on("modify", (file: TAbstractFile) => touch(file, false));
}

export function folderOf(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "" : path.slice(0, i);
}

function stripMd(path: string): string {
	return path.toLowerCase().endsWith(".md") ? path.slice(0, -3) : path;
}

function normalizeSegments(path: string): string {
	const out: string[] = [];
	for (const part of path.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") out.pop();
		else out.push(part);
	}
	return out.join("/");
}

/** Gap 6: link resolution close to Obsidian's, through maps kept current by vault events. */
function patchLinkResolution(app: MockApp): void {
	const vault = app.vault;
	const cache = app.metadataCache as unknown as { getFirstLinkpathDest: (l: string, s: string) => TFileOriginal | null };
	const insensitive = vault as unknown as { getAbstractFileByPathInsensitive__(path: string): unknown };
	const byPath = (path: string): TFileOriginal | null => {
		for (const candidate of [path, `${path}.md`]) {
			const found = insensitive.getAbstractFileByPathInsensitive__(candidate);
			if (found instanceof TFile) return found as unknown as TFileOriginal;
		}
		return null;
	};
	const byName = new Map<string, Set<TFile>>();
	const nameKey = (path: string): string => stripMd(path.slice(path.lastIndexOf("/") + 1).toLowerCase());
	const addName = (file: unknown): void => {
		if (!(file instanceof TFile)) return;
		const key = nameKey(file.path);
		const set = byName.get(key) ?? new Set<TFile>();
		set.add(file);
		byName.set(key, set);
	};
	const removeName = (file: unknown, path: string): void => {
		if (file instanceof TFile) byName.get(nameKey(path))?.delete(file);
	};
	for (const file of vault.getFiles()) addName(file);
	const events = vault.asOriginalType2__();
	events.on("create", (file: TAbstractFile) => addName(file));
	events.on("delete", (file: TAbstractFile) => removeName(file, file.path));
	events.on("rename", (file: TAbstractFile, oldPath: string) => {
		// A folder's rename changes no file's name (the files' own events follow, one each).
		if (!(file instanceof TFile)) return;
		removeName(file, oldPath);
		addName(file);
	});
	cache.getFirstLinkpathDest = (linkpath: string, sourcePath: string): TFileOriginal | null => {
		if (linkpath === "") return byPath(sourcePath);
		const exact = byPath(linkpath);
		if (exact) return exact;
		const relative = byPath(normalizeSegments(`${folderOf(sourcePath)}/${linkpath}`));
		if (relative) return relative;
		const wanted = linkpath.toLowerCase();
		const matches = [...(byName.get(nameKey(wanted)) ?? [])]
			.filter((f) => {
				const p = f.path.toLowerCase();
				return p === wanted || stripMd(p) === wanted || p.endsWith(`/${wanted}`) || p.endsWith(`/${wanted}.md`);
			})
			.map((f) => f as unknown as TFileOriginal);
		const sameFolder = matches.find((f) => folderOf(f.path) === folderOf(sourcePath));
		if (sameFolder) return sameFolder;
		return [...matches].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : 1))[0] ?? null;
	};
}

/** Gap 7: `generateMarkdownLink` follows the vault's link settings. */
function patchLinkGeneration(app: MockApp): void {
	const vault = app.vault as unknown as { getConfig__(key: string): unknown; getFiles(): TFileOriginal[] };
	const resolve = app.metadataCache as unknown as { getFirstLinkpathDest: (l: string, s: string) => TFileOriginal | null };
	(
		app.fileManager as unknown as { generateMarkdownLink: (f: TFileOriginal, s: string, sub?: string, alias?: string) => string }
	).generateMarkdownLink = (file: TFileOriginal, sourcePath: string, subpath?: string, alias?: string): string => {
		const format = (vault.getConfig__("newLinkFormat") as string | undefined) ?? "shortest";
		const markdown = vault.getConfig__("useMarkdownLinks") === true;
		const isMd = file.extension === "md";
		let target: string;
		if (format === "absolute") target = file.path;
		else if (format === "relative") {
			const from = folderOf(sourcePath).split("/").filter(Boolean);
			const to = file.path.split("/");
			let common = 0;
			while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
			target = [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
		} else {
			const short = isMd ? file.basename : file.name;
			target = resolve.getFirstLinkpathDest(short, sourcePath)?.path === file.path ? file.name : file.path;
		}
		if (!markdown && isMd) target = stripMd(target) === target.toLowerCase() ? target : target.slice(0, -3);
		const sub = subpath ? `#${subpath}` : "";
		if (markdown) {
			const text = alias ?? (isMd ? file.basename : file.name);
			return `[${text}](${encodeURI(target)}${sub})`;
		}
		return alias ? `[[${target}${sub}|${alias}]]` : `[[${target}${sub}]]`;
	};
}

/** Apply every fix above to a freshly created mock app (before its files are added). */
export interface GapOptions {
	/**
	 * Runs `task` in a task of its own, after the current one (default: a zero timer, which Vitest's
	 * fake timers control). The browser page passes a message-channel round trip: chained zero
	 * timers are clamped to 4 ms each there.
	 */
	readonly nextTask?: (task: () => void) => void;
}

export function patchMockGaps(app: MockApp, options: GapOptions = {}): void {
	patchMetadataCache(app, options.nextTask ?? ((task) => window.setTimeout(task, 0)));
	patchFolderRename(app);
	patchStats(app);
	patchLinkResolution(app);
	patchLinkGeneration(app);
}
