/**
 * The settings as Obsidian 1.13's setting definitions: one group per section, one control per
 * setting, keyed `<section>.<key>` (the settings are nested per feature), so Obsidian draws them,
 * finds them in its settings search, and checks an input with the same reading the classic tab
 * uses before the tab's `setControlValue` saves it.
 */
import type { SettingControl, SettingDefinitionItem, SettingGroupItem, TFile } from "obsidian";
import { type ControlSpec, descText, readInput, schemaField, type SettingsHost, type SettingsSection } from "./setting-spec";

/** A control's key: `index.folderNoteStyle`. */
export function controlKey(section: SettingsSection, spec: ControlSpec): string {
	return `${section.section}.${spec.key}`;
}

/** The section and spec a control key names, or null. */
export function findControl(
	sections: readonly SettingsSection[],
	key: string,
): { readonly section: SettingsSection; readonly spec: ControlSpec } | null {
	for (const section of sections) {
		for (const spec of section.items) {
			if (spec.kind === "control" && controlKey(section, spec) === key) return { section, spec };
		}
	}
	return null;
}

/** Descriptions that show the settings (an example date), kept current after each change. */
export type LiveDescriptions = (() => void)[];

function description(spec: ControlSpec, host: SettingsHost, live: LiveDescriptions): string | DocumentFragment {
	if (typeof spec.desc !== "function") return spec.desc ?? "";
	const fragment = createFragment();
	const span = fragment.createSpan({ text: descText(spec, host.settings) });
	live.push(() => span.setText(descText(spec, host.settings)));
	return fragment;
}

function control(section: SettingsSection, spec: ControlSpec, host: SettingsHost): SettingControl {
	const key = controlKey(section, spec);
	const validate = (value: unknown): string | undefined => {
		const parsed = readInput(section.section, spec, value, host.settings);
		return parsed.ok ? undefined : parsed.problem;
	};
	const field = schemaField(section.section, spec.key);
	const c = spec.control;
	switch (c.type) {
		case "toggle":
			return { type: "toggle", key, validate };
		case "dropdown":
			return { type: "dropdown", key, options: { ...c.options }, validate };
		case "text":
			return { type: "text", key, validate, ...(c.placeholder === undefined ? {} : { placeholder: c.placeholder }) };
		case "textarea":
			return { type: "textarea", key, validate };
		case "number":
		case "slider": {
			const min = field.kind === "integer" ? field.min : 0;
			const max = field.kind === "integer" ? field.max : 0;
			const base = { key, min, max, step: 1, validate, defaultValue: Number(field.default) };
			return c.type === "number" ? { type: "number", ...base } : { type: "slider", ...base };
		}
		case "folder":
			return { type: "folder", key, validate, ...(c.placeholder === undefined ? {} : { placeholder: c.placeholder }) };
		case "file":
			return {
				type: "file",
				key,
				validate,
				filter: (file: TFile) => file.extension === "md",
				...(c.placeholder === undefined ? {} : { placeholder: c.placeholder }),
			};
	}
}

/** Every section as definitions, after a row that says when changes are not saved. */
export function settingDefinitions(
	sections: readonly SettingsSection[],
	host: SettingsHost,
	live: LiveDescriptions,
): SettingDefinitionItem[] {
	const items: SettingDefinitionItem[] = [
		{
			name: "Changes are not saved",
			desc: host.settingsReadOnlyReason ?? "",
			searchable: false,
			visible: () => host.settingsReadOnlyReason !== null,
		},
	];
	for (const section of sections) {
		const rows: SettingGroupItem[] = section.items.map((spec): SettingGroupItem => {
			if (spec.kind === "custom") {
				return { name: spec.name, desc: spec.desc ?? "", render: (setting) => spec.render(setting, host) };
			}
			const visible = spec.visible;
			return {
				name: spec.name,
				desc: description(spec, host, live),
				control: control(section, spec, host),
				...(visible ? { visible: () => visible(host.settings) } : {}),
				...(spec.aliases ? { aliases: [...spec.aliases] } : {}),
			};
		});
		items.push({ type: "group", heading: section.heading, items: rows });
	}
	return items;
}
