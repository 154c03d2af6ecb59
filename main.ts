import { normalizePath, Notice, Plugin } from "obsidian";
import { registerComparison } from "./src/comparison/feature";
import { registerDecisions } from "./src/decisions/feature";
import { registerFacts } from "./src/facts/feature";
import { registerIndexNotes } from "./src/index-notes/feature";
import { DEFAULT_SETTINGS, describeProblem, migrate, sameData, type Settings, toStoredData } from "./src/shared/core/settings";
import type { PluginHost, SettingsSection } from "./src/shared/host";
import { PaneActions } from "./src/shared/pane-actions";
import { LivingBlocks } from "./src/shared/living-blocks";
import { PaneModes } from "./src/shared/pane-modes";
import { FrameworkNotesSettingTab } from "./src/shared/settings-tab";
import { registerTemplates } from "./src/templates/feature";

/** Wiring only: settings, the settings tab, and one registration call per feature. */
export default class FrameworkNotesPlugin extends Plugin implements PluginHost {
	override settings: Settings = DEFAULT_SETTINGS;
	private readonly settingsListeners = new Set<(next: Settings, previous: Settings) => void>();
	private readonly settingsSections: SettingsSection[] = [];
	readonly paneModes = new PaneModes();
	readonly paneActions = new PaneActions();
	readonly livingBlocks = new LivingBlocks();
	/** Keys of `data.json` this version does not know, written back unchanged. */
	private preservedSettings: ReadonlyMap<string, unknown> = new Map();
	/** Version of settings written by a newer plugin version, which are never saved over; else null. */
	private newerSettingsVersion: number | null = null;
	private readOnlyNoticeShown = false;

	get plugin(): Plugin {
		return this;
	}

	get settingsReadOnlyReason(): string | null {
		if (this.newerSettingsVersion === null) return null;
		return "These settings were saved by a newer version of the plugin. Changes are used until Obsidian restarts but not saved; update the plugin to save them.";
	}

	override async onload(): Promise<void> {
		await this.loadSettings();
		// Features (one registration call each, in settings-tab order): see ARCHITECTURE.md.
		registerIndexNotes(this);
		registerComparison(this);
		registerTemplates(this);
		registerDecisions(this);
		registerFacts(this);
		this.addSettingTab(new FrameworkNotesSettingTab(this.app, this, this, this.settingsSections));
	}

	override onunload(): void {
		this.settingsListeners.clear();
	}

	/** `data.json` changed on disk (synced from another device): use the new settings without a restart. */
	override async onExternalSettingsChange(): Promise<void> {
		const previous = this.settings;
		await this.loadSettings();
		if (sameData(previous, this.settings)) return;
		for (const listener of this.settingsListeners) listener(this.settings, previous);
	}

	async loadSettings(): Promise<void> {
		const raw: unknown = await this.loadData();
		// Switching from Waypoint: with no settings of its own yet, the plugin starts from Waypoint's.
		const fromWaypoint = raw === null || raw === undefined ? await this.waypointSettings() : null;
		const stored = raw ?? fromWaypoint;
		const result = migrate(stored);
		this.settings = result.settings;
		this.preservedSettings = result.preserved;
		this.newerSettingsVersion = result.readOnly ? result.storedVersion : null;
		if (result.problems.length > 0) {
			console.warn(`Framework Notes: settings not used:\n${result.problems.map(describeProblem).join("\n")}`);
			const keys = result.problems.map((problem) => problem.key).join(", ");
			new Notice(`Framework notes: some saved settings were not valid and their defaults are used: ${keys}.`);
		}
		// A first run (no data.json) keeps defaults implicit; old, damaged or imported data is rewritten once.
		if (result.changed && stored !== null && stored !== undefined) await this.saveSettings();
	}

	/** Waypoint's saved settings (`<config>/plugins/waypoint/data.json`), or null. */
	private async waypointSettings(): Promise<unknown> {
		const path = normalizePath(`${this.app.vault.configDir}/plugins/waypoint/data.json`);
		try {
			if (!(await this.app.vault.adapter.exists(path))) return null;
			return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
		} catch {
			return null;
		}
	}

	/**
	 * Write the current settings (and the keys kept for other versions) to `data.json`. Settings
	 * written by a newer version of the plugin are never overwritten: changes then last for this
	 * session only, and a Notice says so once.
	 */
	async saveSettings(): Promise<void> {
		if (this.newerSettingsVersion !== null) {
			if (!this.readOnlyNoticeShown) {
				this.readOnlyNoticeShown = true;
				new Notice(`Framework notes: ${this.settingsReadOnlyReason ?? ""}`);
			}
			return;
		}
		await this.saveData(toStoredData(this.settings, this.preservedSettings));
	}

	async updateSettings(next: Settings): Promise<void> {
		const previous = this.settings;
		if (sameData(previous, next)) return;
		this.settings = next;
		await this.saveSettings();
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
