/**
 * Plugin settings: typed read-only defaults, a version number, and a pure `migrate(raw)`
 * that turns whatever `data.json` holds into valid settings.
 */

export const SETTINGS_VERSION = 1;

export type FolderNoteStyle = "inside" | "outside" | "fixed";
export type LinkFormat = "waypoint" | "obsidian";
export type LinkStyle = "wiki" | "markdown";
export type SortBy = "name" | "mtime" | "ctime" | "order";
export type SortDirection = "asc" | "desc";
export type SelectorKind = "property" | "tag" | "folder";
export type OpenLocation = "tab" | "sidebar";

export interface IndexSettings {
	/** Where a folder's note lives: `A/A.md` (inside), `X/A.md` beside `X/A/` (outside), or `A/<name>.md` (fixed). */
	readonly folderNoteStyle: FolderNoteStyle;
	/** File name (without `.md`) of folder notes in the "fixed" style. */
	readonly folderNoteName: string;
	/** Waypoint's "show folder notes": also list folder notes as ordinary entries. */
	readonly showFolderNotes: boolean;
	readonly showNonMarkdownFiles: boolean;
	readonly showEnclosingNote: boolean;
	readonly foldersOnTop: boolean;
	readonly stopScanAtFolderNotes: boolean;
	readonly useTitleProperty: boolean;
	readonly titleProperty: string;
	readonly linkStyle: LinkStyle;
	readonly linkFormat: LinkFormat;
	readonly useSpaces: boolean;
	readonly numSpaces: number;
	readonly waypointFlag: string;
	readonly landmarkFlag: string;
	readonly ignorePaths: readonly string[];
	readonly ignoreSyncConflicts: boolean;
	readonly sortBy: SortBy;
	readonly sortDirection: SortDirection;
	readonly orderProperty: string;
	/** 0 means no limit. */
	readonly maxDepth: number;
	/** Collation locale, pinned so every device writes the same bytes. */
	readonly locale: string;
	/** Quiet period before a burst of vault changes is applied, in milliseconds. */
	readonly debounceMs: number;
}

export interface CompareSettings {
	readonly selectorKind: SelectorKind;
	readonly selectorProperty: string;
	readonly selectorValue: string;
	readonly selectorTag: string;
	readonly selectorFolder: string;
	readonly groupBy: string;
	readonly openIn: OpenLocation;
	readonly comparisonNotePath: string;
}

export interface TemplateSettings {
	/** A note whose text is the template; empty means the built-in template. */
	readonly templateFile: string;
	/** A folder of templates; with several, a fuzzy picker asks which. */
	readonly templatesFolder: string;
	/** Folder for new framework notes; empty means the current folder. */
	readonly newNoteFolder: string;
	/** After an outline import, replace each item's name with a link to its note. */
	readonly linkOutlineItems: boolean;
	/** Moment format of `{{date}}` when the template gives none. */
	readonly dateFormat: string;
	/** Moment format of `{{time}}` when the template gives none. */
	readonly timeFormat: string;
}

export interface Settings {
	readonly version: number;
	readonly index: IndexSettings;
	readonly compare: CompareSettings;
	readonly templates: TemplateSettings;
}

export const DEFAULT_INDEX_SETTINGS: Readonly<IndexSettings> = Object.freeze({
	folderNoteStyle: "inside",
	folderNoteName: "index",
	showFolderNotes: false,
	showNonMarkdownFiles: false,
	showEnclosingNote: false,
	foldersOnTop: true,
	stopScanAtFolderNotes: false,
	useTitleProperty: false,
	titleProperty: "title",
	linkStyle: "wiki",
	linkFormat: "waypoint",
	useSpaces: false,
	numSpaces: 2,
	waypointFlag: "%% Waypoint %%",
	landmarkFlag: "%% Landmark %%",
	ignorePaths: Object.freeze(["_attachments"]),
	ignoreSyncConflicts: true,
	sortBy: "name",
	sortDirection: "asc",
	orderProperty: "order",
	maxDepth: 0,
	locale: "en",
	debounceMs: 500,
} as const);

export const DEFAULT_COMPARE_SETTINGS: Readonly<CompareSettings> = Object.freeze({
	selectorKind: "property",
	selectorProperty: "type",
	selectorValue: "framework",
	selectorTag: "framework",
	selectorFolder: "",
	groupBy: "category",
	openIn: "tab",
	comparisonNotePath: "comparison.md",
} as const);

export const DEFAULT_TEMPLATE_SETTINGS: Readonly<TemplateSettings> = Object.freeze({
	templateFile: "",
	templatesFolder: "",
	newNoteFolder: "",
	linkOutlineItems: false,
	dateFormat: "YYYY-MM-DD",
	timeFormat: "HH:mm",
} as const);

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	version: SETTINGS_VERSION,
	index: DEFAULT_INDEX_SETTINGS,
	compare: DEFAULT_COMPARE_SETTINGS,
	templates: DEFAULT_TEMPLATE_SETTINGS,
});

/** Values a string setting may take, when it is an enumeration. */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
	folderNoteStyle: ["inside", "outside", "fixed"],
	linkFormat: ["waypoint", "obsidian"],
	linkStyle: ["wiki", "markdown"],
	sortBy: ["name", "mtime", "ctime", "order"],
	sortDirection: ["asc", "desc"],
	selectorKind: ["property", "tag", "folder"],
	openIn: ["tab", "sidebar"],
};

/** Numeric settings and their allowed range (inclusive). */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
	numSpaces: [1, 16],
	maxDepth: [0, 1000],
	debounceMs: [0, 60_000],
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validValue(key: string, value: unknown, fallback: unknown): boolean {
	if (Array.isArray(fallback)) {
		return Array.isArray(value) && value.every((v) => typeof v === "string");
	}
	if (typeof value !== typeof fallback) return false;
	if (typeof value === "number") {
		const range = RANGES[key];
		if (!Number.isInteger(value)) return false;
		return range === undefined || (value >= range[0] && value <= range[1]);
	}
	if (typeof value === "string") {
		const allowed = ENUMS[key];
		return allowed === undefined || allowed.includes(value);
	}
	return true;
}

function migrateSection<T extends object>(raw: unknown, defaults: Readonly<T>): T {
	const source = isRecord(raw) ? raw : {};
	const out: Record<string, unknown> = {};
	for (const [key, fallback] of Object.entries(defaults)) {
		const value = source[key];
		if (value !== undefined && validValue(key, value, fallback)) {
			out[key] = Array.isArray(value) ? [...(value as string[])] : value;
		} else {
			out[key] = Array.isArray(fallback) ? [...(fallback as string[])] : fallback;
		}
	}
	return out as T;
}

/**
 * Waypoint-style flat settings (version 0, or a `data.json` copied from Waypoint) are read
 * into the index section so that a switching user keeps their choices.
 */
function legacyIndexSource(raw: Record<string, unknown>): Record<string, unknown> {
	const fromWaypoint: Record<string, unknown> = {};
	const renames: Record<string, string> = {
		folderNoteType: "folderNoteStyle",
		showNonMarkdownFiles: "showNonMarkdownFiles",
		showEnclosingNote: "showEnclosingNote",
		showFolderNotes: "showFolderNotes",
		folderNotesOnTop: "foldersOnTop",
		foldersOnTop: "foldersOnTop",
		stopScanAtFolderNotes: "stopScanAtFolderNotes",
		useFrontMatterTitle: "useTitleProperty",
		useSpaces: "useSpaces",
		numSpaces: "numSpaces",
		waypointFlag: "waypointFlag",
		landmarkFlag: "landmarkFlag",
		ignorePaths: "ignorePaths",
	};
	for (const [from, to] of Object.entries(renames)) {
		if (from in raw) fromWaypoint[to] = raw[from];
	}
	if (raw.useWikiLinks === false) fromWaypoint.linkStyle = "markdown";
	if (raw.useWikiLinks === true) fromWaypoint.linkStyle = "wiki";
	const style = fromWaypoint.folderNoteStyle;
	if (style === "INSIDE_FOLDER") fromWaypoint.folderNoteStyle = "inside";
	if (style === "OUTSIDE_FOLDER") fromWaypoint.folderNoteStyle = "outside";
	return fromWaypoint;
}

export interface MigrationResult {
	readonly settings: Settings;
	/** True when the stored data differs from the result, so it should be saved. */
	readonly changed: boolean;
}

/** Turn anything read from `data.json` into valid settings. Pure; never throws. */
export function migrate(raw: unknown): MigrationResult {
	const source = isRecord(raw) ? raw : {};
	const indexSource = isRecord(source.index) ? source.index : legacyIndexSource(source);
	const settings: Settings = {
		version: SETTINGS_VERSION,
		index: migrateSection(indexSource, DEFAULT_INDEX_SETTINGS),
		compare: migrateSection(source.compare, DEFAULT_COMPARE_SETTINGS),
		templates: migrateSection(source.templates, DEFAULT_TEMPLATE_SETTINGS),
	};
	return { settings, changed: !sameData(raw, settings) };
}

/** Structural equality of plain JSON data (key order ignored). */
export function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((v, i) => sameData(v, b[i]));
	}
	if (isRecord(a) && isRecord(b)) {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		if (ka.length !== kb.length) return false;
		return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
	}
	return false;
}

/** Return a copy of `settings` with one section's keys replaced. */
export function withSection<K extends "index" | "compare" | "templates">(
	settings: Settings,
	section: K,
	patch: Partial<Settings[K]>,
): Settings {
	return { ...settings, [section]: { ...settings[section], ...patch } };
}
