import { normalizePath } from "obsidian";
import { DEFAULT_TEMPLATE_SETTINGS, type Settings } from "../shared/core/settings";
import { formatDate } from "./core/index";
import { accept, defineSection, type Parsed } from "../shared/setting-spec";
import { momentFormat } from "./template-source";

function cleanPath(input: unknown): Parsed {
	const trimmed = typeof input === "string" ? input.trim() : "";
	return accept(trimmed === "" ? "" : normalizePath(trimmed));
}

/** A date format as typed; empty means the default. */
function format(fallback: string) {
	return (input: unknown): Parsed => {
		const trimmed = typeof input === "string" ? input.trim() : "";
		return accept(trimmed === "" ? fallback : trimmed);
	};
}

function example(format: string): string {
	const now = new Date();
	try {
		return momentFormat(now, format);
	} catch {
		return formatDate(now, format);
	}
}

/** Settings of the template commands: which template, where new notes go, outline links, date formats. */
export const TEMPLATE_SETTINGS = defineSection("templates", "Templates", [
	{
		kind: "control",
		key: "templateFile",
		name: "Template note",
		desc: "Path of a note to use as the framework template. Leave empty to use the built-in template (or the templates folder below).",
		control: { type: "file", placeholder: "Templates/Framework.md" },
		parse: cleanPath,
	},
	{
		kind: "control",
		key: "templatesFolder",
		name: "Templates folder",
		desc: "Used when no template note is set: with one note in it, that note is the template; with several, you pick one each time.",
		control: { type: "folder", placeholder: "Templates" },
		parse: cleanPath,
	},
	{
		kind: "control",
		key: "newNoteFolder",
		name: "Folder for new framework notes",
		desc: "Leave empty to create new notes in the folder of the active note. Created if it does not exist.",
		control: { type: "folder", placeholder: "Frameworks" },
		parse: cleanPath,
	},
	{
		kind: "control",
		key: "linkOutlineItems",
		name: "Link outline items to their notes",
		desc: "After creating notes from an outline, replace each item's bold name with a link to its note. The preview lets you change this each time.",
		control: { type: "toggle" },
	},
	{
		kind: "control",
		key: "dateFormat",
		name: "Date format",
		desc: (settings: Settings) => `Format of {{date}} when the template gives none. Today: ${example(settings.templates.dateFormat)}`,
		control: { type: "text", placeholder: DEFAULT_TEMPLATE_SETTINGS.dateFormat },
		parse: format(DEFAULT_TEMPLATE_SETTINGS.dateFormat),
	},
	{
		kind: "control",
		key: "timeFormat",
		name: "Time format",
		desc: (settings: Settings) => `Format of {{time}} when the template gives none. Now: ${example(settings.templates.timeFormat)}`,
		control: { type: "text", placeholder: DEFAULT_TEMPLATE_SETTINGS.timeFormat },
		parse: format(DEFAULT_TEMPLATE_SETTINGS.timeFormat),
	},
]);
