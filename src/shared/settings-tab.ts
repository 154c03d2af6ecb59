import { type App, PluginSettingTab } from "obsidian";
import type { PluginHost, SettingsSection } from "./host";

/** One settings tab; each feature adds its own section from its registration function. */
export class FrameworkNotesSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: PluginHost,
		private readonly sections: readonly SettingsSection[],
	) {
		super(app, host.plugin);
	}

	override display(): void {
		this.render();
	}

	/** Draw every section; a section calls it again when its controls change shape. */
	private render(): void {
		const { containerEl } = this;
		containerEl.empty();
		const readOnly = this.host.settingsReadOnlyReason;
		if (readOnly !== null) containerEl.createEl("p", { text: readOnly, cls: "mod-warning" });
		for (const section of this.sections) section(containerEl, this.host, () => this.render());
	}
}
