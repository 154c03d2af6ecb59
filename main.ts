import { Plugin } from "obsidian";
import { DEFAULT_SETTINGS, migrate, sameData, type Settings } from "./src/core/settings";
import type { PluginHost } from "./src/obsidian/host";
import { IndexService } from "./src/obsidian/index-service";
import { registerTemplates } from "./src/obsidian/template-commands";
import { registerComparison } from "./src/ui/compare/register";
import { FrameworkNotesSettingTab } from "./src/ui/settings-tab";

/** Wiring only: settings, the settings tab, and one line per feature. */
export default class FrameworkNotesPlugin extends Plugin implements PluginHost {
	settings: Settings = DEFAULT_SETTINGS;
	private readonly settingsListeners = new Set<(next: Settings, previous: Settings) => void>();

	get plugin(): Plugin {
		return this;
	}

	override async onload(): Promise<void> {
		await this.loadSettings();
		this.addSettingTab(new FrameworkNotesSettingTab(this.app, this));
		// Features (one line each): see ARCHITECTURE.md.
		registerComparison(this);
		this.addChild(new IndexService(this));
		registerTemplates(this);
	}

	override onunload(): void {
		this.settingsListeners.clear();
	}

	async loadSettings(): Promise<void> {
		const raw: unknown = await this.loadData();
		const { settings, changed } = migrate(raw);
		this.settings = settings;
		// A first run (no data.json) keeps defaults implicit; old or damaged data is rewritten once.
		if (changed && raw !== null && raw !== undefined) await this.saveData(settings);
	}

	async updateSettings(next: Settings): Promise<void> {
		const previous = this.settings;
		if (sameData(previous, next)) return;
		this.settings = next;
		await this.saveData(next);
		for (const listener of this.settingsListeners) listener(next, previous);
	}

	onSettingsChange(listener: (next: Settings, previous: Settings) => void): void {
		this.settingsListeners.add(listener);
		this.register(() => this.settingsListeners.delete(listener));
	}
}
