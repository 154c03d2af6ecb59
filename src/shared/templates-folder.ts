import { type App, normalizePath } from "obsidian";

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null;
}

function folderSetting(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const folder = normalizePath(value.trim());
	return folder === "" || folder === "/" ? null : folder;
}

/**
 * The folder of Obsidian's core Templates plugin, read from the running plugin when the app
 * exposes it (not part of the public API, so every step is checked), or null.
 */
function liveTemplatesFolder(app: App): string | null | undefined {
	if (!("internalPlugins" in app)) return undefined;
	const internal: unknown = (app as { internalPlugins: unknown }).internalPlugins;
	if (!isRecord(internal) || typeof internal.getPluginById !== "function") return undefined;
	const plugin: unknown = (internal.getPluginById as (id: string) => unknown).call(internal, "templates");
	if (!isRecord(plugin)) return null;
	if (plugin.enabled === false) return null;
	const instance = plugin.instance;
	if (!isRecord(instance) || !isRecord(instance.options)) return undefined;
	return folderSetting(instance.options.folder);
}

/**
 * Knows where the core Templates plugin keeps its templates, so that the index feature never
 * edits a template (a template holding a flag must keep its flag).
 */
export class TemplatesFolder {
	private fromConfig: string | null = null;

	constructor(private readonly app: App) {}

	/** Re-read `<config dir>/templates.json` (used when the live plugin is not reachable). */
	async reload(): Promise<void> {
		const { adapter, configDir } = this.app.vault;
		const path = normalizePath(`${configDir}/templates.json`);
		try {
			if (!(await adapter.exists(path))) {
				this.fromConfig = null;
				return;
			}
			const data: unknown = JSON.parse(await adapter.read(path));
			this.fromConfig = isRecord(data) ? folderSetting(data.folder) : null;
		} catch {
			this.fromConfig = null;
		}
	}

	/** The templates folder path, or null when there is none. */
	folder(): string | null {
		const live = liveTemplatesFolder(this.app);
		return live === undefined ? this.fromConfig : live;
	}

	/** True when `path` lies inside the templates folder. */
	contains(path: string): boolean {
		const folder = this.folder();
		return folder !== null && (path === folder || path.startsWith(folder + "/"));
	}
}

const perApp = new WeakMap<App, TemplatesFolder>();

/**
 * The one `TemplatesFolder` of an app, shared by the index notes (which re-read `templates.json`
 * when they reconcile) and the comparison: it is read once in the background when first asked
 * for, for when the live Templates plugin cannot be reached.
 */
export function templatesFolderOf(app: App): TemplatesFolder {
	let known = perApp.get(app);
	if (known === undefined) {
		known = new TemplatesFolder(app);
		perApp.set(app, known);
		void known.reload();
	}
	return known;
}
