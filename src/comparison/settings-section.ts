import { normalizePath, Setting } from "obsidian";
import { type CompareSettings, DEFAULT_COMPARE_SETTINGS, type OpenLocation, type SelectorKind, withSection } from "../shared/core/settings";
import { COMPARE_SCHEMA } from "../shared/core/settings-schema";
import type { PluginHost } from "../shared/host";
import { limitLength } from "../shared/settings-limits";
import { flagShapeProblem } from "../shared/core/patterns";

const SELECTOR_KINDS: Readonly<Record<SelectorKind, string>> = {
	property: "A property and value",
	tag: "A tag",
	folder: "A folder",
};

const OPEN_LOCATIONS: Readonly<Record<OpenLocation, string>> = {
	tab: "In a new tab",
	sidebar: "In the right sidebar",
};

function isSelectorKind(value: string): value is SelectorKind {
	return Object.prototype.hasOwnProperty.call(SELECTOR_KINDS, value);
}

function isOpenLocation(value: string): value is OpenLocation {
	return Object.prototype.hasOwnProperty.call(OPEN_LOCATIONS, value);
}

/** Settings of the comparison pane: which notes are framework notes, grouping, where it opens. */
export function compareSettingsSection(containerEl: HTMLElement, host: PluginHost, redisplay: () => void): void {
	const current = (): CompareSettings => host.settings.compare;
	const save = (patch: Partial<CompareSettings>): Promise<void> => host.updateSettings(withSection(host.settings, "compare", patch));

	new Setting(containerEl).setName("Comparison pane").setHeading();

	new Setting(containerEl)
		.setName("Framework notes are chosen by")
		.setDesc("Which notes appear in the comparison pane.")
		.addDropdown((dropdown) => {
			for (const [value, label] of Object.entries(SELECTOR_KINDS)) dropdown.addOption(value, label);
			dropdown.setValue(current().selectorKind).onChange(async (value) => {
				if (!isSelectorKind(value)) return;
				await save({ selectorKind: value });
				redisplay();
			});
		});

	const kind = current().selectorKind;
	if (kind === "property") {
		new Setting(containerEl)
			.setName("Property")
			.setDesc("Notes whose property has the value below are framework notes.")
			.addText((text) =>
				limitLength(text, COMPARE_SCHEMA.selectorProperty)
					.setPlaceholder(DEFAULT_COMPARE_SETTINGS.selectorProperty)
					.setValue(current().selectorProperty)
					.onChange(async (value) => save({ selectorProperty: value.trim() })),
			);
		new Setting(containerEl)
			.setName("Value")
			.setDesc("For a list property, any item may match.")
			.addText((text) =>
				limitLength(text, COMPARE_SCHEMA.selectorValue)
					.setPlaceholder(DEFAULT_COMPARE_SETTINGS.selectorValue)
					.setValue(current().selectorValue)
					.onChange(async (value) => save({ selectorValue: value.trim() })),
			);
	} else if (kind === "tag") {
		new Setting(containerEl)
			.setName("Tag")
			.setDesc("Without the #; nested tags below it match too.")
			.addText((text) =>
				limitLength(text, COMPARE_SCHEMA.selectorTag)
					.setPlaceholder(DEFAULT_COMPARE_SETTINGS.selectorTag)
					.setValue(current().selectorTag)
					.onChange(async (value) => save({ selectorTag: value.trim().replace(/^#/, "") })),
			);
	} else {
		new Setting(containerEl)
			.setName("Folder")
			.setDesc("Every note in this folder and its subfolders.")
			.addText((text) =>
				limitLength(text, COMPARE_SCHEMA.selectorFolder)
					.setPlaceholder("Frameworks")
					.setValue(current().selectorFolder)
					.onChange(async (value) => {
						const trimmed = value.trim();
						await save({ selectorFolder: trimmed === "" ? "" : normalizePath(trimmed) });
					}),
			);
	}

	new Setting(containerEl)
		.setName("Group by")
		.setDesc("Property whose values group the rows; empty for no grouping.")
		.addText((text) =>
			limitLength(text, COMPARE_SCHEMA.groupBy)
				.setPlaceholder(DEFAULT_COMPARE_SETTINGS.groupBy)
				.setValue(current().groupBy)
				.onChange(async (value) => save({ groupBy: value.trim() })),
		);

	new Setting(containerEl).setName("Open the pane").addDropdown((dropdown) => {
		for (const [value, label] of Object.entries(OPEN_LOCATIONS)) dropdown.addOption(value, label);
		dropdown.setValue(current().openIn).onChange(async (value) => {
			if (isOpenLocation(value)) await save({ openIn: value });
		});
	});

	new Setting(containerEl)
		.setName("Comparison note")
		.setDesc("Where save as note writes the living comparison note, relative to the compared folder or the vault root.")
		.addText((text) =>
			limitLength(text, COMPARE_SCHEMA.comparisonNotePath)
				.setPlaceholder(DEFAULT_COMPARE_SETTINGS.comparisonNotePath)
				.setValue(current().comparisonNotePath)
				.onChange(async (value) => {
					const trimmed = value.trim();
					if (trimmed === "") return;
					await save({ comparisonNotePath: normalizePath(trimmed) });
				}),
		);

	const flags: ["comparisonFlag" | "decisionFlag", "decisionFlag" | "comparisonFlag", string, string][] = [
		["comparisonFlag", "decisionFlag", "Comparison flag", "Type this in any note to get a comparison table there that stays current."],
		["decisionFlag", "comparisonFlag", "Decision flag", "Type this in a decision note to get its ranking there that stays current."],
	];
	for (const [key, otherKey, name, description] of flags) {
		const setting = new Setting(containerEl).setName(name).setDesc(description);
		setting.addText((text) =>
			limitLength(text, COMPARE_SCHEMA[key])
				.setValue(current()[key])
				.onChange(async (value) => {
					const trimmed = value.trim();
					const problem =
						flagShapeProblem(trimmed) ?? (trimmed === current()[otherKey].trim() ? "must differ from the other flag" : null);
					setting.setDesc(problem === null ? description : `Not saved: the flag ${problem}.`);
					if (problem === null) await save({ [key]: trimmed });
				}),
		);
	}
}
