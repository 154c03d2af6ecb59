/**
 * The test page: the real plugin class (`main.ts`) loaded into an in-memory Obsidian
 * (obsidian-test-mocks + patches.ts) holding `examples/vault`, inside a workspace shell styled by
 * theme.css and the plugin's styles.css. Tests and benchmarks drive it through `window.fn`.
 */
import "./globals";
import type { Command, PluginManifest, ViewState } from "obsidian";
import { App, Menu, TFile, TFolder, Vault, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import FrameworkNotesPlugin from "../../../main";
import manifestJson from "../../../manifest.json";
import { patchMockGaps } from "../../harness/mock-gaps";
import { buildModel } from "../../../src/comparison/core/index";
import { collectNoteInputs, comparisonSnapshot, FrontmatterErrors } from "../../../src/comparison/inputs";
import { readPropertyTypes } from "../../../src/comparison/property-types";
import { generatedIndexVault, generatedVault } from "./generated-vault";
import { networkRequests, setNetwork } from "./network";
import { refreshNoteLeaves, viewRegistry } from "./patches";
import { getShell } from "./shell";

declare const __EXAMPLE_VAULT__: Record<string, string>;

export const COMPARISON_VIEW = "framework-notes-comparison";

export interface BootOptions {
	/** Vault files (path → text). Paths under `.obsidian/` go to the adapter only, like config files. */
	readonly files?: Readonly<Record<string, string>>;
	/** What `loadData()` returns (`null`: no data.json yet). */
	readonly data?: unknown;
	readonly theme?: "light" | "dark";
	/** Called once the vault is built, right before the plugin loads (benchmarks start observing here). */
	readonly beforeLoad?: () => void;
}

export interface LeafInfo {
	readonly id: string;
	readonly type: string;
	readonly state: unknown;
	readonly active: boolean;
}

interface State {
	app: App;
	plugin: FrameworkNotesPlugin;
}

let state: State | null = null;
/** How long the plugin's (awaited) `onload` took at the last load. */
let lastOnloadMs = 0;
const errors: string[] = [];
/** `hover-link` events (Obsidian's page preview trigger) seen since boot. */
const hoverLinks: Array<{ source: string; linktext: string; sourcePath: string }> = [];

window.addEventListener("error", (evt) => errors.push(String(evt.message)));
window.addEventListener("unhandledrejection", (evt) => errors.push(String(evt.reason)));

function current(): State {
	if (!state) throw new Error("The test page has not booted");
	return state;
}

function allLeaves(app: App): WorkspaceLeaf[] {
	const leaves: WorkspaceLeaf[] = [];
	app.workspace.iterateAllLeaves((leaf) => leaves.push(WorkspaceLeaf.fromOriginalType3__(leaf as never)));
	return leaves;
}

async function unloadCurrent(): Promise<void> {
	if (!state) return;
	const { app, plugin } = state;
	for (const leaf of allLeaves(app)) leaf.detach();
	plugin.unload();
	state = null;
	getShell().clear();
	await Promise.resolve();
}

async function loadPlugin(app: App, data: unknown): Promise<FrameworkNotesPlugin> {
	const manifest: PluginManifest = { ...manifestJson, dir: `${app.vault.configDir}/plugins/${manifestJson.id}` };
	const plugin = new FrameworkNotesPlugin(app.asOriginalType__(), manifest);
	(plugin as unknown as { data__: unknown }).data__ = data ?? null;
	// Component.load() calls onload() without awaiting it; Obsidian awaits a plugin's onload.
	let pending: unknown;
	const onload = plugin.onload.bind(plugin);
	plugin.onload = (): Promise<void> => {
		const start = performance.now();
		const promise = onload();
		pending = promise.then(() => {
			lastOnloadMs = performance.now() - start;
		});
		return promise;
	};
	plugin.load();
	await pending;
	return plugin;
}

async function boot(options: BootOptions = {}): Promise<void> {
	await unloadCurrent();
	const shell = getShell();
	shell.setTheme(options.theme ?? (document.body.hasClass("theme-dark") ? "dark" : "light"));
	const source = options.files ?? __EXAMPLE_VAULT__;
	const notes: Record<string, string> = {};
	const config: Array<[string, string]> = [];
	for (const [path, text] of Object.entries(source)) {
		if (path.startsWith(".obsidian/")) config.push([path, text]);
		else notes[path] = text;
	}
	const app = App.createConfigured__({});
	patchMockGaps(app, { nextTask: inTaskOfItsOwn });
	const adapter = app.vault.adapter as unknown as { writeSync__(path: string, data: string): void };
	for (const [path, text] of config) adapter.writeSync__(path, text);
	for (const path of Object.keys(notes).sort()) {
		const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
		if (folder !== "" && !(app.vault.getAbstractFileByPath(folder) instanceof TFolder)) app.vault.createFolderSync__(folder);
		app.vault.createSync__(path, notes[path] ?? "");
	}
	(window as unknown as { app: unknown }).app = app;
	// The metadata cache finishes indexing the vault (its deferred `changed` events and `resolved`)
	// before the plugin loads, as when Obsidian starts on an indexed vault.
	await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
	options.beforeLoad?.();
	const plugin = await loadPlugin(app, options.data);
	state = { app, plugin };
	app.workspace.setLayoutReady__();
	const refresh = (): void => {
		void refreshNoteLeaves(app.workspace);
	};
	hoverLinks.length = 0;
	app.workspace.on("hover-link", (...data: unknown[]) => {
		const info = data[0] as { source?: string; linktext?: string; sourcePath?: string };
		hoverLinks.push({ source: info.source ?? "", linktext: info.linktext ?? "", sourcePath: info.sourcePath ?? "" });
	});
	app.vault.on("modify", refresh);
	app.vault.on("create", refresh);
}

/**
 * Runs `task` in a later task of its own: a message-channel round trip (chained zero timers are
 * clamped to 4 ms), through one channel for every task, in the order they were given.
 */
const laterTasks: Array<() => void> = [];
const taskChannel = new MessageChannel();
taskChannel.port1.onmessage = () => laterTasks.shift()?.();
function inTaskOfItsOwn(task: () => void): void {
	laterTasks.push(task);
	taskChannel.port2.postMessage(null);
}

function fileAt(path: string): TFile {
	const file = current().app.vault.getFileByPath(path);
	if (!file) throw new Error(`No note at ${path}`);
	return file;
}

async function ensureFolder(app: App, folderPath: string): Promise<void> {
	if (folderPath === "" || app.vault.getAbstractFileByPath(folderPath) instanceof TFolder) return;
	const parent = folderPath.includes("/") ? folderPath.slice(0, folderPath.lastIndexOf("/")) : "";
	await ensureFolder(app, parent);
	await app.vault.createFolder(folderPath);
}

function commandList(): Command[] {
	return [...(current().plugin as unknown as { commands__: Map<string, Command> }).commands__.values()];
}

function runCommand(idOrName: string): boolean {
	const command = commandList().find((c) => c.id === idOrName || c.id.endsWith(`:${idOrName}`) || c.name === idOrName);
	if (!command) throw new Error(`No command ${idOrName}`);
	if (command.checkCallback) return command.checkCallback(false) !== false;
	if (command.callback) {
		void command.callback();
		return true;
	}
	throw new Error(`Command ${idOrName} needs an editor, which the test page does not have`);
}

function comparisonLeaves(): WorkspaceLeaf[] {
	return allLeaves(current().app).filter((leaf) => leaf.view?.getViewType() === COMPARISON_VIEW);
}

async function nextFrame(): Promise<void> {
	await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits until the comparison view's queued work (`ready`) is done, when it exposes one. */
async function comparisonSettled(): Promise<void> {
	for (const leaf of comparisonLeaves()) {
		const ready = (leaf.view as unknown as { ready?: Promise<void> }).ready;
		if (ready) await ready;
	}
}

/**
 * Opens the comparison pane the way a person does (the plugin's "Open framework comparison"
 * command); with an explicit view state, sets it on a new tab instead. Resolves with the leaf id
 * once the pane is open.
 */
async function openComparison(viewState?: Partial<ViewState>): Promise<string> {
	const { app } = current();
	const before = new Set(comparisonLeaves().map((leaf) => leaf.id__));
	if (viewState === undefined && commandList().some((c) => c.id.endsWith("open-comparison"))) {
		runCommand("open-comparison");
	} else {
		const leaf = app.workspace.getLeaf("tab");
		await leaf.setViewState({ type: COMPARISON_VIEW, active: true, ...viewState });
	}
	for (let frame = 0; frame < 600; frame++) {
		const leaf = comparisonLeaves().find((l) => !before.has(l.id__)) ?? (before.size > 0 ? comparisonLeaves()[0] : undefined);
		if (leaf) {
			await comparisonSettled();
			return leaf.id__;
		}
		await nextFrame();
	}
	throw new Error("The comparison pane did not open");
}

const api = {
	/** True once the first boot finished. */
	ready: false,
	errors,
	hoverLinks,
	boot,
	/** `count` generated framework notes (15 properties each) in `Bench/`, for benchmarks. */
	generatedVault,
	/** A vault of about `count` notes in nested folders, each folder with a folder note holding a waypoint. */
	generatedIndexVault,
	viewTypes: (): string[] => [...viewRegistry.keys()],
	/** How long the plugin's `onload` took (awaited) at the last load. */
	lastOnloadMs: (): number => lastOnloadMs,
	/** Resolves when the index service has no work waiting or running. */
	async indexIdle(): Promise<void> {
		const children = (current().plugin as unknown as { children__: unknown[] }).children__;
		const service = children.find(
			(c): c is { idle(): Promise<void>; busy(): boolean } => typeof (c as { idle?: unknown }).idle === "function",
		);
		if (!service) throw new Error("no index service");
		do {
			await service.idle();
			await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
		} while (service.busy());
	},
	setTheme(theme: "light" | "dark"): void {
		getShell().setTheme(theme);
		current().app.workspace.trigger("css-change");
	},
	async readNote(path: string): Promise<string | null> {
		const file = current().app.vault.getFileByPath(path);
		return file ? current().app.vault.read(file) : null;
	},
	frontmatter(path: string): Record<string, unknown> | null {
		const cache = current().app.metadataCache.getFileCache(fileAt(path));
		return cache?.frontmatter ?? null;
	},
	async createNote(path: string, text: string): Promise<void> {
		const { app } = current();
		await ensureFolder(app, path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
		await app.vault.create(path, text);
	},
	async modifyNote(path: string, text: string): Promise<void> {
		await current().app.vault.modify(fileAt(path), text);
	},
	async renameNote(from: string, to: string): Promise<void> {
		await current().app.fileManager.renameFile(fileAt(from), to);
	},
	/**
	 * Rename (move) a folder with everything in it, as the file explorer does. Resolves once the
	 * `rename` event of the folder and of everything in it has been delivered (each in a task of
	 * its own, see mock-gaps.ts), with the time the folder's own event came: the test bed's
	 * synchronous move of the entries (gap 11) ran before it, in a task of its own.
	 */
	async renameFolder(from: string, to: string): Promise<{ firstEventAt: number }> {
		const { app } = current();
		const folder = app.vault.getAbstractFileByPath(from);
		if (!(folder instanceof TFolder)) throw new Error(`No folder at ${from}`);
		let remaining = 1;
		let firstEventAt = 0;
		Vault.recurseChildren(folder, () => remaining++);
		await new Promise<void>((resolve, reject) => {
			const ref = app.vault.on("rename", () => {
				if (firstEventAt === 0) firstEventAt = performance.now();
				if (--remaining > 0) return;
				app.vault.offref(ref);
				resolve();
			});
			app.fileManager.renameFile(folder, to).catch(reject);
		});
		return { firstEventAt };
	},
	async deleteNote(path: string): Promise<void> {
		await current().app.vault.trash(fileAt(path), true);
	},
	listNotes(): string[] {
		return current()
			.app.vault.getMarkdownFiles()
			.map((f) => f.path)
			.sort();
	},
	commands: (): Array<{ id: string; name: string }> => commandList().map((c) => ({ id: c.id, name: c.name })),
	runCommand,
	/**
	 * The comparison model of every framework note in the vault, made as the pane makes it, timed
	 * in two steps: the notes' inputs (selection and frontmatter), then the model build.
	 */
	async comparisonModelBuild(): Promise<{ inputsMs: number; buildMs: number; rows: number; columns: number }> {
		const { plugin } = current();
		const app = plugin.app;
		const propertyTypes = await readPropertyTypes(app);
		const t0 = performance.now();
		const snapshot = comparisonSnapshot(app, new FrontmatterErrors(app));
		const inputs = collectNoteInputs(snapshot, plugin.settings.compare, null);
		const t1 = performance.now();
		const model = buildModel(inputs, { propertyTypes });
		const t2 = performance.now();
		return { inputsMs: t1 - t0, buildMs: t2 - t1, rows: model.rows.length, columns: model.columns.length };
	},
	openComparison,
	comparisonSettled,
	/** The open comparison panes' saved view states. */
	comparisonStates: (): unknown[] => comparisonLeaves().map((leaf) => leaf.view?.getState() ?? null),
	/** Right-click on a file or folder in the file explorer: the file menu, shown at (x, y). */
	fileMenu(path: string, x = 240, y = 160): string[] {
		const { app } = current();
		const target = path === "/" ? app.vault.getRoot() : app.vault.getAbstractFileByPath(path);
		if (!target) throw new Error(`Nothing at ${path}`);
		const menu = Menu.create2__();
		app.workspace.trigger("file-menu", menu.asOriginalType2__(), target, "file-explorer");
		menu.showAtPosition({ x, y });
		return menu.menuItems__.map((item) => (typeof item.title__ === "string" ? item.title__ : (item.title__.textContent ?? "")));
	},
	async openNote(path: string): Promise<void> {
		await current().app.workspace.getLeaf("tab").openFile(fileAt(path));
	},
	leaves(): LeafInfo[] {
		const { app } = current();
		return allLeaves(app).map((leaf) => {
			const vs = leaf.getViewState();
			return { id: leaf.id__, type: vs.type, state: vs.state ?? null, active: app.workspace.activeLeaf === leaf };
		});
	},
	/** Close every leaf, unload the plugin, load it again and restore the leaves' saved view states. */
	async reloadWorkspace(): Promise<void> {
		const { app, plugin } = current();
		const saved = allLeaves(app).map((leaf) => leaf.getViewState());
		const data = (plugin as unknown as { data__: unknown }).data__;
		for (const leaf of allLeaves(app)) leaf.detach();
		plugin.unload();
		getShell().clear();
		const next = await loadPlugin(app, data);
		state = { app, plugin: next };
		for (const viewState of saved) await app.workspace.getLeaf("tab").setViewState(viewState);
	},
	settings: (): unknown => JSON.parse(JSON.stringify(current().plugin.settings)) as unknown,
	savedData: (): unknown => JSON.parse(JSON.stringify((current().plugin as unknown as { data__: unknown }).data__ ?? null)) as unknown,
	/** Answers of the page's network by URL (`null`: offline); see network.ts. */
	setNetwork,
	networkRequests,
	notices: (): string[] =>
		getShell()
			.noticesEl.findAll(".notice")
			.map((el) => el.getText()),
};

export type TestApi = typeof api;

declare global {
	interface Window {
		fn: TestApi;
	}
}

window.fn = api;

const params = new URLSearchParams(window.location.search);
if (params.get("boot") !== "none") {
	const theme = params.get("theme") === "dark" ? "dark" : "light";
	boot({ theme }).then(
		() => {
			api.ready = true;
		},
		(err: unknown) => {
			errors.push(`boot failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
			api.ready = true;
		},
	);
} else {
	getShell().setTheme(params.get("theme") === "dark" ? "dark" : "light");
	api.ready = true;
}
