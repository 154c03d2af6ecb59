import { type App, type Plugin, PluginSettingTab, requireApiVersion, type SettingDefinitionItem } from "obsidian";
import { renderSection } from "./settings-classic";
import { findControl, type LiveDescriptions, settingDefinitions } from "./settings-definitions";
import { controlValue, readInput, saveValue, type SettingsHost, type SettingsSection } from "./setting-spec";

/**
 * One settings tab; each feature adds its section from its registration function. From Obsidian
 * 1.13 the app draws it from `getSettingDefinitions()` (and finds it in its settings search) and
 * never calls `display()`; older apps know no definitions and call `display()`, which draws the
 * same sections with classic rows.
 */
export class FrameworkNotesSettingTab extends PluginSettingTab {
	private live: LiveDescriptions = [];

	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: SettingsHost,
		private readonly sections: readonly SettingsSection[],
	) {
		super(app, plugin);
	}

	override getSettingDefinitions(): SettingDefinitionItem[] {
		this.live = [];
		return settingDefinitions(this.sections, this.host, this.live);
	}

	/** Keys are `<section>.<key>`: the settings are nested per feature. */
	override getControlValue(key: string): unknown {
		const found = findControl(this.sections, key);
		return found === null ? undefined : controlValue(found.section.section, found.spec, this.host.settings);
	}

	/** Saves through the same reading the classic tab uses; a refused value is never saved. */
	override async setControlValue(key: string, value: unknown): Promise<void> {
		const found = findControl(this.sections, key);
		if (found === null) return;
		const parsed = readInput(found.section.section, found.spec, value, this.host.settings);
		if (!parsed.ok) return;
		await saveValue(this.host, found.section.section, found.spec, parsed.value);
		for (const follow of this.live) follow();
		// Rows shown only for some values (the fixed folder note's name) follow the change.
		if (requireApiVersion("1.13.0")) {
			this.refreshDomState();
		}
	}

	/** Apps older than 1.13 only. */
	override display(): void {
		this.render();
	}

	/** Draw every section; a section calls it again when a change shows or hides rows. */
	private render(): void {
		const { containerEl } = this;
		containerEl.empty();
		const readOnly = this.host.settingsReadOnlyReason;
		if (readOnly !== null) containerEl.createEl("p", { text: readOnly, cls: "mod-warning" });
		for (const section of this.sections) renderSection(containerEl, this.host, section, () => this.render());
	}
}
