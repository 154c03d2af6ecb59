/** Where the template comes from (built-in, a template note, or a folder with a picker) and how dates format. */
import { type App, moment, normalizePath, Notice, TFile, TFolder } from "obsidian";
import type { TemplateSettings } from "../shared/core/settings";
import { DEFAULT_TEMPLATE, type FormatDate, type TemplateOptions } from "./core/index";
import { pickTemplate } from "./ui/template-picker";
import type { PluginHost } from "../shared/host";

/** `obsidian` types `moment` as a namespace import (not callable under esModuleInterop); it is the function. */
type MomentFunction = (date: Date) => { format(format: string): string };

/** Obsidian's moment, for `{{date:…}}` formats. */
export const momentFormat: FormatDate = (date, format) => (moment as unknown as MomentFunction)(date).format(format);

export interface TemplateChoice {
	readonly text: string;
	/** For messages: `the built-in template` or the template note's path. */
	readonly source: string;
}

function findNote(app: App, rawPath: string): TFile | null {
	const path = normalizePath(rawPath);
	for (const candidate of [path, `${path}.md`]) {
		const file = app.vault.getAbstractFileByPath(candidate);
		if (file instanceof TFile) return file;
	}
	return null;
}

function markdownFilesIn(folder: TFolder): TFile[] {
	const out: TFile[] = [];
	const walk = (node: TFolder): void => {
		for (const child of node.children) {
			if (child instanceof TFolder) walk(child);
			else if (child instanceof TFile && child.extension.toLowerCase() === "md") out.push(child);
		}
	};
	walk(folder);
	return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The template to use: the template note when one is set, else the one note of the templates
 * folder (a picker when it holds several), else the built-in template. Null (with a Notice)
 * when a configured template cannot be read, or when the picker is dismissed.
 */
export async function chooseTemplate(host: PluginHost): Promise<TemplateChoice | null> {
	const { app } = host;
	const settings: TemplateSettings = host.settings.templates;
	if (settings.templateFile.trim() !== "") {
		const file = findNote(app, settings.templateFile);
		if (!file) {
			new Notice(
				`Template note "${settings.templateFile}" was not found. Change it in the plugin's settings, or clear it to use the built-in template.`,
			);
			return null;
		}
		return { text: await app.vault.cachedRead(file), source: file.path };
	}
	if (settings.templatesFolder.trim() !== "") {
		const folderPath = normalizePath(settings.templatesFolder);
		const folder = app.vault.getAbstractFileByPath(folderPath);
		if (!(folder instanceof TFolder)) {
			new Notice(
				`Templates folder "${folderPath}" was not found. Change it in the plugin's settings, or clear it to use the built-in template.`,
			);
			return null;
		}
		const files = markdownFilesIn(folder);
		if (files.length === 0) {
			new Notice(
				`Templates folder "${folderPath}" holds no notes. Add a template note there, or clear the setting to use the built-in template.`,
			);
			return null;
		}
		const file = files.length === 1 ? files[0] : await pickTemplate(app, files);
		if (!file) return null;
		return { text: await app.vault.cachedRead(file), source: file.path };
	}
	return { text: DEFAULT_TEMPLATE, source: "the built-in template" };
}

/** Template options for the core functions: moment formats and the configured defaults. */
export function templateOptions(host: PluginHost, template: string): TemplateOptions {
	const settings = host.settings.templates;
	return {
		template,
		date: new Date(),
		formatDate: momentFormat,
		dateFormat: settings.dateFormat,
		timeFormat: settings.timeFormat,
	};
}
