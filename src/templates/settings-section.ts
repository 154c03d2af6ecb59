import { normalizePath, Setting } from "obsidian";
import { DEFAULT_TEMPLATE_SETTINGS, type TemplateSettings, withSection } from "../shared/core/settings";
import { formatDate } from "./core/index";
import { TEMPLATE_SCHEMA } from "../shared/core/settings-schema";
import type { PluginHost } from "../shared/host";
import { limitLength } from "../shared/settings-limits";
import { momentFormat } from "./template-source";

function cleanPath(value: string): string {
	const trimmed = value.trim();
	return trimmed === "" ? "" : normalizePath(trimmed);
}

/** Settings of the template commands: which template, where new notes go, outline links, date formats. */
export function templateSettingsSection(containerEl: HTMLElement, host: PluginHost): void {
	const current = (): TemplateSettings => host.settings.templates;
	const save = (patch: Partial<TemplateSettings>): Promise<void> => host.updateSettings(withSection(host.settings, "templates", patch));

	new Setting(containerEl).setName("Templates").setHeading();

	new Setting(containerEl)
		.setName("Template note")
		.setDesc(
			"Path of a note to use as the framework template. Leave empty to use the built-in template (or the templates folder below).",
		)
		.addText((text) =>
			limitLength(text, TEMPLATE_SCHEMA.templateFile)
				.setPlaceholder("Templates/Framework.md")
				.setValue(current().templateFile)
				.onChange(async (value) => save({ templateFile: cleanPath(value) })),
		);

	new Setting(containerEl)
		.setName("Templates folder")
		.setDesc("Used when no template note is set: with one note in it, that note is the template; with several, you pick one each time.")
		.addText((text) =>
			limitLength(text, TEMPLATE_SCHEMA.templatesFolder)
				.setPlaceholder("Templates")
				.setValue(current().templatesFolder)
				.onChange(async (value) => save({ templatesFolder: cleanPath(value) })),
		);

	new Setting(containerEl)
		.setName("Folder for new framework notes")
		.setDesc("Leave empty to create new notes in the folder of the active note. Created if it does not exist.")
		.addText((text) =>
			limitLength(text, TEMPLATE_SCHEMA.newNoteFolder)
				.setPlaceholder("Frameworks")
				.setValue(current().newNoteFolder)
				.onChange(async (value) => save({ newNoteFolder: cleanPath(value) })),
		);

	new Setting(containerEl)
		.setName("Link outline items to their notes")
		.setDesc(
			"After creating notes from an outline, replace each item's bold name with a link to its note. The preview lets you change this each time.",
		)
		.addToggle((toggle) => toggle.setValue(current().linkOutlineItems).onChange(async (value) => save({ linkOutlineItems: value })));

	const example = (format: string, fallback: string): string => {
		const now = new Date();
		try {
			return momentFormat(now, format || fallback);
		} catch {
			return formatDate(now, format || fallback);
		}
	};

	const dateSetting = new Setting(containerEl).setName("Date format").addText((text) =>
		limitLength(text, TEMPLATE_SCHEMA.dateFormat)
			.setPlaceholder(DEFAULT_TEMPLATE_SETTINGS.dateFormat)
			.setValue(current().dateFormat)
			.onChange(async (value) => {
				await save({ dateFormat: value.trim() === "" ? DEFAULT_TEMPLATE_SETTINGS.dateFormat : value.trim() });
				dateSetting.setDesc(
					`Format of {{date}} when the template gives none. Today: ${example(current().dateFormat, DEFAULT_TEMPLATE_SETTINGS.dateFormat)}`,
				);
			}),
	);
	dateSetting.setDesc(
		`Format of {{date}} when the template gives none. Today: ${example(current().dateFormat, DEFAULT_TEMPLATE_SETTINGS.dateFormat)}`,
	);

	const timeSetting = new Setting(containerEl).setName("Time format").addText((text) =>
		limitLength(text, TEMPLATE_SCHEMA.timeFormat)
			.setPlaceholder(DEFAULT_TEMPLATE_SETTINGS.timeFormat)
			.setValue(current().timeFormat)
			.onChange(async (value) => {
				await save({ timeFormat: value.trim() === "" ? DEFAULT_TEMPLATE_SETTINGS.timeFormat : value.trim() });
				timeSetting.setDesc(
					`Format of {{time}} when the template gives none. Now: ${example(current().timeFormat, DEFAULT_TEMPLATE_SETTINGS.timeFormat)}`,
				);
			}),
	);
	timeSetting.setDesc(
		`Format of {{time}} when the template gives none. Now: ${example(current().timeFormat, DEFAULT_TEMPLATE_SETTINGS.timeFormat)}`,
	);
}
