/**
 * The classic settings tab, for apps older than Obsidian 1.13: each section's settings drawn as
 * `Setting` rows from the same descriptions the 1.13 definitions come from. A refused input is
 * not saved and the row's description says why; the tab redraws when a change shows or hides rows.
 */
import { Setting, type TextAreaComponent, type TextComponent } from "obsidian";
import type { Field } from "./core/settings-schema";
import {
	type ControlSpec,
	controlValue,
	descText,
	isVisible,
	readInput,
	saveValue,
	schemaField,
	type SettingsHost,
	type SettingsSection,
	visibleNames,
} from "./setting-spec";

/** Keep a text input within the schema's length limit for its setting. */
function limitLength<T extends TextComponent | TextAreaComponent>(component: T, field: Field): T {
	if (field.kind === "text") component.inputEl.maxLength = field.maxLength;
	return component;
}

/** Draw one section; `redisplay` draws the whole tab again. */
export function renderSection(containerEl: HTMLElement, host: SettingsHost, section: SettingsSection, redisplay: () => void): void {
	new Setting(containerEl).setName(section.heading).setHeading();
	for (const spec of section.items) {
		if (!isVisible(spec, host.settings)) continue;
		const setting = new Setting(containerEl).setName(spec.name);
		const desc = descText(spec, host.settings);
		if (desc !== "") setting.setDesc(desc);
		if (spec.kind === "custom") spec.render(setting, host);
		else addControl(setting, host, section, spec, redisplay);
	}
}

function addControl(setting: Setting, host: SettingsHost, section: SettingsSection, spec: ControlSpec, redisplay: () => void): void {
	const field = schemaField(section.section, spec.key);
	const value = controlValue(section.section, spec, host.settings);
	const change = async (input: unknown): Promise<void> => {
		const shown = visibleNames(section, host.settings);
		const parsed = readInput(section.section, spec, input, host.settings);
		setting.setDesc(parsed.ok ? descText(spec, host.settings) : parsed.problem);
		setting.descEl.toggleClass("mod-warning", !parsed.ok);
		if (!parsed.ok) return;
		await saveValue(host, section.section, spec, parsed.value);
		// A description that shows the value (an example date) follows it.
		if (typeof spec.desc === "function") setting.setDesc(descText(spec, host.settings));
		if (visibleNames(section, host.settings) !== shown) redisplay();
	};
	const control = spec.control;
	switch (control.type) {
		case "toggle":
			setting.addToggle((toggle) => toggle.setValue(value === true).onChange(change));
			return;
		case "dropdown":
			setting.addDropdown((dropdown) => dropdown.addOptions(control.options).setValue(String(value)).onChange(change));
			return;
		case "slider":
			if (field.kind === "integer") {
				setting.addSlider((slider) => slider.setLimits(field.min, field.max, 1).setValue(Number(value)).onChange(change));
			}
			return;
		case "textarea":
			setting.addTextArea((area) => limitLength(area, field).setValue(String(value)).onChange(change));
			return;
		case "number":
			setting.addText((text) => text.setValue(String(value)).onChange(change));
			return;
		case "text":
		case "folder":
		case "file":
			setting.addText((text) => {
				limitLength(text, field);
				if (control.placeholder !== undefined) text.setPlaceholder(control.placeholder);
				text.setValue(String(value)).onChange(change);
			});
			return;
	}
}
