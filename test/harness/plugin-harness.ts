/**
 * Plugin-level test bed: an in-memory Obsidian (obsidian-test-mocks) loaded with a map of
 * `path → content`, the real plugin class, layout-ready fired, and a way to await settled work.
 *
 * obsidian-test-mocks is close to Obsidian but not equal. The gaps found (v3.11) and how this file
 * covers each one, so that tests see what the real app does:
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
 * 5. `WorkspaceLeaf.setViewState` records the state but does not construct a registered view.
 *    → it builds the view from the plugin's `registerView` creator, loads and opens it, and passes
 *    the state.
 * 6. `getFirstLinkpathDest` ignores the source path, case and duplicate names (first match wins).
 *    → Obsidian's rules: exact path, then relative to the source, then by name preferring the
 *    source's folder, then the shortest path; case-insensitive.
 * 7. `fileManager.generateMarkdownLink` always returns `[[basename]]`. → it honours the vault's
 *    `useMarkdownLinks` and `newLinkFormat` (shortest / relative / absolute) config.
 * 8. `Plugin.loadData()` returns `{}` when nothing was saved; Obsidian returns `null`. → `null`.
 * 9. Renaming a folder fires one `rename` event, for the folder; Obsidian also fires one for every
 *    file and folder inside it. → the descendants' events follow the folder's.
 *
 * Known and not patched here (tests that need them work around them locally):
 * - `Modal.open()` closes the modal again after one tick; text inputs do not fire `onChange`.
 * - The mock editor applies a transaction's changes one after another (each against the text
 *   already changed) and records one undo step per change; CodeMirror reads every change against
 *   the original text and makes one undo step (see test/template-commands.test.ts).
 */
import type { App as AppOriginal, PluginManifest, TAbstractFile, TFile as TFileOriginal, View, ViewState, WorkspaceLeaf as LeafOriginal } from "obsidian";
import { App, TFile, TFolder } from "obsidian-test-mocks/obsidian";
import { vi } from "vitest";
import FrameworkNotesPlugin from "../../main.ts";
import manifestJson from "../../manifest.json";

export type MockApp = ReturnType<typeof App.createConfigured__>;

export interface LoadOptions {
	/** Vault content: `path → text`; a path ending in `/` is an empty folder. */
	readonly files?: Record<string, string>;
	/** What `loadData()` returns (the plugin's `data.json`). */
	readonly data?: unknown;
	/** Fire layout-ready after loading (default true). */
	readonly layoutReady?: boolean;
	/** Vault config values (for example `{ newLinkFormat: "absolute" }`). */
	readonly config?: Record<string, unknown>;
	/** Use Vitest fake timers so `settle()` runs debounces at once (default true). */
	readonly fakeTimers?: boolean;
}

export interface Harness {
	/** The in-memory app, typed as Obsidian's `App`. */
	readonly app: AppOriginal;
	/** The same app with the mock's own helpers (`create__`, `setLayoutReady__`, ...). */
	readonly mock: MockApp;
	readonly plugin: FrameworkNotesPlugin;
	/** Run every pending timer and promise until nothing is left (bounded). */
	settle(): Promise<void>;
	/** Unload the plugin (runs `onunload` and every registered clean-up). */
	unload(): void;
	/** Number of event listeners on vault, metadata cache and workspace. */
	listenerCount(): number;
	/** `listenerCount()` just before the plugin loaded (the mock's and this harness's own). */
	readonly baselineListenerCount: number;
	/** Text of a note. */
	read(path: string): Promise<string>;
	/** The file at `path` (throws when missing). */
	file(path: string): TFileOriginal;
}

interface EventsInternals {
	_: Record<string, unknown[] | undefined>;
	trigger(name: string, ...data: unknown[]): void;
}

interface MetadataCacheInternals extends EventsInternals {
	cache__: Map<string, unknown>;
	parseFileMetadata(file: unknown): void;
}

interface PluginInternals {
	data__: unknown;
	views__: Map<string, (leaf: LeafOriginal) => View>;
}

function countListeners(events: EventsInternals): number {
	return Object.values(events._).reduce((sum, list) => sum + (list?.length ?? 0), 0);
}

/** Gap 1, 2, 3: deferred `changed`, `resolved`, invalid YAML, cache follows rename/delete. */
function patchMetadataCache(app: MockApp): void {
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
	vault.on("rename", (file: TAbstractFile, oldPath: string) => {
		if (file instanceof TFolder && !replaying) {
			const descendants: TAbstractFile[] = [];
			const walk = (folder: TFolder): void => {
				for (const child of folder.children) {
					descendants.push(child as unknown as TAbstractFile);
					if (child instanceof TFolder) walk(child);
				}
			};
			walk(file);
			// Delivered after this handler returns, like Obsidian's per-descendant events.
			queueMicrotask(() => {
				replaying = true;
				try {
					for (const child of descendants) vault.trigger("rename", child, oldPath + child.path.slice(file.path.length));
				} finally {
					replaying = false;
				}
			});
		}
		const moved: [string, string][] = [];
		for (const key of cache.cache__.keys()) {
			if (key === oldPath) moved.push([key, file.path]);
			else if (key.startsWith(oldPath + "/")) moved.push([key, file.path + key.slice(oldPath.length)]);
		}
		for (const [from, to] of moved) {
			const entry = cache.cache__.get(from);
			cache.cache__.delete(from);
			cache.cache__.set(to, entry);
		}
	});
	vault.on("delete", (file: TAbstractFile) => {
		const entry = cache.cache__.get(file.path);
		if (entry !== undefined) {
			cache.cache__.delete(file.path);
			trigger("deleted", file, null, entry);
		}
	});
}

/** Gap 4: file times and sizes. */
function patchStats(app: MockApp): void {
	const touch = (file: TAbstractFile, created: boolean): void => {
		if (!(file instanceof TFile)) return;
		const now = Date.now();
		const size = (app.vault as unknown as { adapter: { readSync__?: (p: string) => string } }).adapter.readSync__?.(file.path)?.length ?? 0;
		file.stat = { ctime: created ? now : file.stat.ctime || now, mtime: now, size };
	};
	const vault = app.vault.asOriginalType2__();
	vault.on("create", (file: TAbstractFile) => touch(file, true));
	vault.on("modify", (file: TAbstractFile) => touch(file, false));
}

/** Gap 5: `setViewState` constructs the registered view. */
function patchLeaves(app: MockApp, plugin: FrameworkNotesPlugin): void {
	const views = (plugin as unknown as PluginInternals).views__;
	const workspace = app.workspace as unknown as { getLeaf(newLeaf?: unknown): LeafOriginal };
	const getLeaf = workspace.getLeaf.bind(workspace);
	const patched = new WeakSet<object>();
	const patchLeaf = (leaf: LeafOriginal): LeafOriginal => {
		if (patched.has(leaf)) return leaf;
		patched.add(leaf);
		const setViewState = leaf.setViewState.bind(leaf);
		leaf.setViewState = async (state: ViewState, eState?: unknown): Promise<void> => {
			await setViewState(state, eState);
			const creator = views.get(state.type);
			if (!creator) return;
			if (leaf.view?.getViewType() !== state.type) {
				await (leaf.view as unknown as { onClose?: () => Promise<void> } | null)?.onClose?.();
				const view = creator(leaf);
				await (leaf as unknown as { open(view: View): Promise<View> }).open(view);
				// Obsidian's leaf.open() loads the view (a Component) and then calls onOpen().
				view.load();
				await (view as unknown as { onOpen(): Promise<void> }).onOpen();
			}
			if (state.state) await leaf.view.setState(state.state, { history: false });
		};
		return leaf;
	};
	workspace.getLeaf = (newLeaf?: unknown): LeafOriginal => patchLeaf(getLeaf(newLeaf));
	for (const name of ["getRightLeaf", "getLeftLeaf"] as const) {
		const ws = app.workspace as unknown as Record<string, (split: boolean) => LeafOriginal | null>;
		const original = ws[name]?.bind(ws);
		if (!original) continue;
		ws[name] = (split: boolean): LeafOriginal | null => {
			const leaf = original(split);
			return leaf ? patchLeaf(leaf) : null;
		};
	}
}

function folderOf(path: string): string {
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

/** Gap 6: link resolution close to Obsidian's. */
function patchLinkResolution(app: MockApp): void {
	const vault = app.vault;
	const byPath = (path: string): TFileOriginal | null => {
		const lower = path.toLowerCase();
		for (const candidate of [lower, lower + ".md"]) {
			const found = vault.getFiles().find((f) => f.path.toLowerCase() === candidate);
			if (found) return found as unknown as TFileOriginal;
		}
		return null;
	};
	(app.metadataCache as unknown as { getFirstLinkpathDest: (l: string, s: string) => TFileOriginal | null }).getFirstLinkpathDest = (
		linkpath: string,
		sourcePath: string,
	): TFileOriginal | null => {
		if (linkpath === "") return (vault.getFileByPath(sourcePath) as unknown as TFileOriginal) ?? null;
		const exact = byPath(linkpath);
		if (exact) return exact;
		const relative = byPath(normalizeSegments(`${folderOf(sourcePath)}/${linkpath}`));
		if (relative) return relative;
		const wanted = linkpath.toLowerCase();
		const matches = vault
			.getFiles()
			.filter((f) => {
				const p = f.path.toLowerCase();
				return p.endsWith("/" + wanted) || p.endsWith("/" + wanted + ".md") || p === wanted || stripMd(p) === wanted;
			})
			.map((f) => f as unknown as TFileOriginal);
		if (matches.length === 0) return null;
		const sameFolder = matches.find((f) => folderOf(f.path) === folderOf(sourcePath));
		if (sameFolder) return sameFolder;
		return [...matches].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : 1))[0] ?? null;
	};
}

/** Gap 7: `generateMarkdownLink` follows the vault's link settings. */
function patchLinkGeneration(app: MockApp): void {
	const vault = app.vault as unknown as { getConfig__(key: string): unknown; getFiles(): TFileOriginal[] };
	const resolve = app.metadataCache as unknown as { getFirstLinkpathDest: (l: string, s: string) => TFileOriginal | null };
	(app.fileManager as unknown as { generateMarkdownLink: (f: TFileOriginal, s: string, sub?: string, alias?: string) => string }).generateMarkdownLink = (
		file: TFileOriginal,
		sourcePath: string,
		subpath?: string,
		alias?: string,
	): string => {
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

async function flushPromises(): Promise<void> {
	for (let i = 0; i < 5; i++) await Promise.resolve();
}

export async function loadPlugin(options: LoadOptions = {}): Promise<Harness> {
	const useFakeTimers = options.fakeTimers ?? true;
	if (useFakeTimers) vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
	// Folders first; files are added after the patches so that a note with invalid YAML is
	// cached the way Obsidian caches it instead of making the mock throw.
	const folders: Record<string, string> = {};
	const files: [string, string][] = [];
	for (const [path, content] of Object.entries(options.files ?? {})) {
		if (path.endsWith("/")) folders[path] = "";
		else {
			files.push([path, content]);
			const parent = folderOf(path);
			if (parent !== "") folders[parent + "/"] = "";
		}
	}
	const app = App.createConfigured__({ files: folders });
	for (const [key, value] of Object.entries(options.config ?? {})) {
		(app.vault as unknown as { setConfig__(k: string, v: unknown): void }).setConfig__(key, value);
	}
	patchMetadataCache(app);
	patchStats(app);
	patchLinkResolution(app);
	patchLinkGeneration(app);
	for (const [path, content] of files) app.vault.createSync__(path, content);

	const manifest = manifestJson as PluginManifest;
	const obsidianApp = app.asOriginalType__();
	const plugin = new FrameworkNotesPlugin(obsidianApp, manifest);
	(plugin as unknown as PluginInternals).data__ = options.data ?? null;
	patchLeaves(app, plugin);
	const events = (): EventsInternals[] => [app.vault, app.metadataCache, app.workspace].map((e) => e as unknown as EventsInternals);
	const listenerCount = (): number => events().reduce((sum, e) => sum + countListeners(e), 0);
	const baselineListenerCount = listenerCount();

	const settle = async (): Promise<void> => {
		for (let round = 0; round < 100; round++) {
			await flushPromises();
			if (useFakeTimers) {
				if (vi.getTimerCount() === 0) {
					// Long promise chains: let the event loop turn once (setImmediate is not faked).
					await new Promise((resolve) => setImmediate(resolve));
					if (vi.getTimerCount() === 0) return;
				}
				await vi.runOnlyPendingTimersAsync();
			} else {
				await new Promise((resolve) => window.setTimeout(resolve, 0));
				return;
			}
		}
		throw new Error("settle(): work did not settle after 100 rounds (a timer that re-arms itself?)");
	};

	// Obsidian awaits a plugin's `onload`; the mock's `load()` does not, so capture the promise.
	const onload = plugin.onload.bind(plugin);
	let loading: Promise<void> = Promise.resolve();
	plugin.onload = (): Promise<void> => {
		loading = onload();
		return loading;
	};
	plugin.load();
	await loading;
	if (options.layoutReady ?? true) app.workspace.setLayoutReady__();
	await settle();

	return {
		app: obsidianApp,
		mock: app,
		plugin,
		settle,
		unload: (): void => {
			plugin.unload();
			if (useFakeTimers) vi.useRealTimers();
		},
		listenerCount,
		baselineListenerCount,
		read: async (path: string): Promise<string> => {
			const file = app.vault.getFileByPath(path);
			if (!file) throw new Error(`no file at ${path}`);
			return app.vault.read(file);
		},
		file: (path: string): TFileOriginal => {
			const file = app.vault.getFileByPath(path);
			if (!file) throw new Error(`no file at ${path}`);
			return file as unknown as TFileOriginal;
		},
	};
}

