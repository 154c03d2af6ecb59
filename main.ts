import { Plugin } from "obsidian";
import { registerComparison } from "./src/comparison/feature";
import { registerIndexNotes } from "./src/index-notes/feature";
import { DEFAULT_SETTINGS, migrate, sameData, type Settings } from "./src/shared/core/settings";
import type { PluginHost, SettingsSection } from "./src/shared/host";
import { FrameworkNotesSettingTab } from "./src/shared/settings-tab";
import { registerTemplates } from "./src/templates/feature";

/** Wiring only: settings, the settings tab, and one registration call per feature. */
export default class FrameworkNotesPlugin extends Plugin implements PluginHost {
	settings: Settings = DEFAULT_SETTINGS;
	private readonly settingsListeners = new Set<(next: Settings, previous: Settings) => void>();
	private readonly settingsSections: SettingsSection[] = [];

	get plugin(): Plugin {
		return this;
	}

	override async onload(): Promise<void> {
		await this.loadSettings();
		// Features (one registration call each, in settings-tab order): see ARCHITECTURE.md.
		registerIndexNotes(this);
		registerComparison(this);
		registerTemplates(this);
		this.addSettingTab(new FrameworkNotesSettingTab(this.app, this, this.settingsSections));
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

	addSettingsSection(section: SettingsSection): void {
		this.settingsSections.push(section);
	}
}
