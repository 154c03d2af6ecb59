import { type App, PluginSettingTab } from "obsidian";
import type { PluginHost } from "../obsidian/host";
import { compareSettingsSection } from "./settings/compare";
import { indexSettingsSection } from "./settings/index";
import { templateSettingsSection } from "./settings/templates";

/**
 * One settings tab; each feature renders its own section (a function taking the container and
 * the host), listed in `SECTIONS` in display order.
 */
export type SettingsSection = (containerEl: HTMLElement, host: PluginHost, redisplay: () => void) => void;

const SECTIONS: SettingsSection[] = [indexSettingsSection, compareSettingsSection, templateSettingsSection];

export class FrameworkNotesSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: PluginHost,
	) {
		super(app, host.plugin);
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const section of SECTIONS) section(containerEl, this.host, () => this.display());
	}
}
