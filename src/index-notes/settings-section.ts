import { requireApiVersion } from "obsidian";
import type { Settings } from "../shared/core/settings";
import { INDEX_SCHEMA, limitText } from "../shared/core/settings-schema";
import { flagShapeProblem } from "../shared/core/patterns";
import { accept, defineSection, type Parsed, refuse } from "../shared/setting-spec";

/** A flag must look like `%% Word %%` and differ from the block markers, or it could match ordinary text. */
export function flagProblem(flag: string, other: string): string | null {
	const shape = flagShapeProblem(flag);
	if (shape !== null) return `The flag ${shape}.`;
	if (flag.trim() === other.trim()) return "The waypoint and landmark flags must differ.";
	return null;
}

const text = (input: unknown): string => (typeof input === "string" ? input.trim() : "");

function propertyName(input: unknown): Parsed {
	const name = text(input);
	return name === "" ? refuse("Enter a property name.") : accept(name);
}

function flagInput(other: "waypointFlag" | "landmarkFlag") {
	return (input: unknown, settings: Settings): Parsed => {
		const problem = flagProblem(text(input), settings.index[other]);
		return problem === null ? accept(text(input)) : refuse(problem);
	};
}

function localeInput(input: unknown): Parsed {
	const locale = text(input);
	try {
		return Intl.Collator.supportedLocalesOf([locale]).length === 0 ? refuse("This locale is not available.") : accept(locale);
	} catch {
		return refuse("Enter a language tag such as en or de.");
	}
}

/** From 1.13 a slider shows its value next to it; before, the description shows it. */
function spacesDescription(settings: Settings): string {
	const now = requireApiVersion("1.13.0") ? "" : `: now ${settings.index.numSpaces}`;
	return `Spaces per level of indentation, ${limitText(INDEX_SCHEMA.numSpaces)}${now}.`;
}

/** The "Index notes" section of the settings tab. */
export const INDEX_SETTINGS = defineSection("index", "Index notes", [
	{
		kind: "control",
		key: "folderNoteStyle",
		name: "Folder note style",
		desc: "Which note is a folder's note: inside the folder with its name, beside the folder with its name, or inside with a fixed name.",
		control: {
			type: "dropdown",
			options: { inside: "Inside the folder", outside: "Beside the folder", fixed: "Fixed name inside the folder" },
		},
	},
	{
		kind: "control",
		key: "folderNoteName",
		name: "Folder note name",
		desc: "File name of every folder note, without .md.",
		control: { type: "text" },
		visible: (settings) => settings.index.folderNoteStyle === "fixed",
		parse: (input) => {
			const name = text(input);
			return name === "" || /[\\/]/.test(name) ? refuse("Enter a file name without folders.") : accept(name);
		},
	},
	{
		kind: "control",
		key: "showFolderNotes",
		name: "Show folder notes",
		desc: "Also list each folder note as an ordinary entry inside its folder.",
		control: { type: "toggle" },
	},
	{
		kind: "control",
		key: "showNonMarkdownFiles",
		name: "Show non-markdown files",
		desc: "List images, PDFs and other files too.",
		control: { type: "toggle" },
		aliases: ["attachments"],
	},
	{
		kind: "control",
		key: "showEnclosingNote",
		name: "Show enclosing note",
		desc: "Start the index with a link to the folder note itself.",
		control: { type: "toggle" },
	},
	{ kind: "control", key: "foldersOnTop", name: "Folders on top", desc: "List folders before notes.", control: { type: "toggle" } },
	{
		kind: "control",
		key: "stopScanAtFolderNotes",
		name: "Stop scan at folder notes",
		desc: "Do not list what is inside a folder that has a folder note.",
		control: { type: "toggle" },
	},
	{
		kind: "control",
		key: "useTitleProperty",
		name: "Use title property",
		desc: "Show a note's title property as the link text.",
		control: { type: "toggle" },
	},
	{
		kind: "control",
		key: "titleProperty",
		name: "Title property",
		desc: "Name of the property that holds a note's title.",
		control: { type: "text" },
		visible: (settings) => settings.index.useTitleProperty,
		parse: propertyName,
	},
	{
		kind: "control",
		key: "linkStyle",
		name: "Link style",
		desc: "Wikilinks or Markdown links, such as [[note]] or [note](./note.md).",
		control: { type: "dropdown", options: { wiki: "Wikilinks", markdown: "Markdown links" } },
	},
	{
		kind: "control",
		key: "linkFormat",
		name: "Link format",
		desc: "Waypoint's links use the note name only. Following Obsidian's link setting keeps links to notes with the same name pointing at the right note.",
		control: { type: "dropdown", options: { waypoint: "Waypoint (name only)", obsidian: "Follow Obsidian's link setting" } },
	},
	{
		kind: "control",
		key: "useSpaces",
		name: "Indent with spaces",
		desc: "Indent nested entries with spaces instead of tabs.",
		control: { type: "toggle" },
		aliases: ["tabs", "indentation"],
	},
	{
		kind: "control",
		key: "numSpaces",
		name: "Number of spaces",
		desc: spacesDescription,
		control: { type: "slider" },
		visible: (settings) => settings.index.useSpaces,
	},
	{
		kind: "control",
		key: "sortBy",
		name: "Sort by",
		desc: "Order of entries; a folder note's own properties can override it for its index.",
		control: { type: "dropdown", options: { name: "Name", mtime: "Modified time", ctime: "Created time", order: "Order property" } },
	},
	{
		kind: "control",
		key: "sortDirection",
		name: "Sort direction",
		control: { type: "dropdown", options: { asc: "Ascending", desc: "Descending" } },
	},
	{
		kind: "control",
		key: "orderProperty",
		name: "Order property",
		desc: "Name of the number property that orders notes.",
		control: { type: "text" },
		visible: (settings) => settings.index.sortBy === "order",
		parse: propertyName,
	},
	{
		kind: "control",
		key: "maxDepth",
		name: "Maximum depth",
		desc: `How many folder levels an index lists, ${limitText(INDEX_SCHEMA.maxDepth)}; 0 lists them all.`,
		control: { type: "number" },
	},
	{
		kind: "control",
		key: "waypointFlag",
		name: "Waypoint flag",
		desc: "Type this on its own line in a folder note to get an index there.",
		control: { type: "text" },
		parse: flagInput("landmarkFlag"),
	},
	{
		kind: "control",
		key: "landmarkFlag",
		name: "Landmark flag",
		desc: "Like the waypoint flag, but a parent index still lists what is inside.",
		control: { type: "text" },
		parse: flagInput("waypointFlag"),
	},
	{
		kind: "control",
		key: "ignorePaths",
		name: "Ignored paths",
		desc: "One entry per line; a path matching an entry (a regular expression, as in Waypoint) is left out.",
		control: { type: "textarea" },
		aliases: ["exclude"],
	},
	{
		kind: "control",
		key: "ignoreSyncConflicts",
		name: "Ignore sync conflict copies",
		desc: "Leave out copies made by sync tools, such as names containing sync-conflict or (conflicted copy.",
		control: { type: "toggle" },
	},
	{
		kind: "control",
		key: "locale",
		name: "Sort locale",
		desc: "Language rules used to sort names; the same on every device, so indexes do not change between devices.",
		control: { type: "text" },
		parse: localeInput,
	},
	{
		kind: "control",
		key: "debounceMs",
		name: "Update delay",
		desc: `Milliseconds to wait after the last change before indexes are updated, ${limitText(INDEX_SCHEMA.debounceMs)}.`,
		control: { type: "number" },
	},
]);
