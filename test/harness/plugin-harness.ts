/**
 * Plugin-level test bed: an in-memory Obsidian (obsidian-test-mocks) loaded with a map of
 * `path → content`, the real plugin class, layout-ready fired, and a way to await settled work.
 *
 * The mock's gaps that concern the vault and metadata cache (1–4, 6, 7, 9) are fixed in
 * `mock-gaps.ts`, shared with the browser test page. Fixed here:
 * 5. `WorkspaceLeaf.setViewState` records the state but does not construct a registered view.
 *    → it builds the view from the plugin's `registerView` creator, loads and opens it, and passes
 *    the state.
 * 8. `Plugin.loadData()` returns `{}` when nothing was saved; Obsidian returns `null`. → `null`.
 * 10. `SettingTab` draws setting definitions but throws on a `control` definition, and reading a
 *    `Setting`'s `errorEl` before an error was set throws (strict proxy). → the settings tab is
 *    opened through `openSettings` in `settings-tab.ts`, which draws controls as Obsidian 1.13 does.
 *
 * Known and not patched here (tests that need them work around them locally):
 * - `Modal.open()` closes the modal again after one tick; text inputs do not fire `onChange`.
 * - `requestUrl` answers every request with an empty 200. A test of the network replaces it in
 *   its own file (`vi.mock("obsidian", …)`) with a `FakeNetwork` from `request-url.ts`, which
 *   answers by URL, records requests and can go offline; see test/facts-command.test.ts.
 * - The mock editor applies a transaction's changes one after another (each against the text
 *   already changed) and records one undo step per change; CodeMirror reads every change against
 *   the original text and makes one undo step (see test/template-commands.test.ts).
 */
import type {
	App as AppOriginal,
	Command,
	PluginManifest,
	TFile as TFileOriginal,
	View,
	ViewState,
	WorkspaceLeaf as LeafOriginal,
} from "obsidian";
import { App, Notice } from "obsidian-test-mocks/obsidian";
import { folderOf, type MockApp, patchMockGaps } from "./mock-gaps";

export type { MockApp } from "./mock-gaps";
import { vi } from "vitest";
import FrameworkNotesPlugin from "../../main.ts";
import manifestJson from "../../manifest.json";

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
	/** The plugin's command registered as `framework-notes:<id>` or `<id>` (throws when missing). */
	command(id: string): Command;
	/** Names of every command the plugin registered, in registration order. */
	commandNames(): string[];
	/** Texts of every Notice shown since the plugin started loading, oldest first. */
	notices(): string[];
}

interface EventsInternals {
	_: Record<string, unknown[] | undefined>;
	trigger(name: string, ...data: unknown[]): void;
}

interface PluginInternals {
	data__: unknown;
	commands__: Map<string, Command>;
	views__: Map<string, (leaf: LeafOriginal) => View>;
}

function countListeners(events: EventsInternals): number {
	return Object.values(events._).reduce((sum, list) => sum + (list?.length ?? 0), 0);
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
	patchMockGaps(app);
	for (const [path, content] of files) app.vault.createSync__(path, content);

	const noticeSpy = vi.spyOn(Notice.prototype, "constructor__");
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
		command: (id: string): Command => {
			const commands = (plugin as unknown as PluginInternals).commands__;
			const found = commands.get(id) ?? commands.get(`${manifest.id}:${id}`);
			if (!found) throw new Error(`no command ${id}`);
			return found;
		},
		commandNames: (): string[] => [...(plugin as unknown as PluginInternals).commands__.values()].map((c) => c.name),
		notices: (): string[] =>
			noticeSpy.mock.calls.map((call) => {
				const message: unknown = call[0];
				if (typeof message === "string") return message;
				return message instanceof DocumentFragment ? (message.textContent ?? "") : "";
			}),
	};
}
