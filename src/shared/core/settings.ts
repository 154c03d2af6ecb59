/**
 * Plugin settings: the types and defaults (both from the schema in `settings-schema.ts`), the
 * version of the stored shape, and a pure `migrate(raw)` that turns whatever `data.json` holds
 * into valid settings, saying what it could not use.
 *
 * Decisions about stored data:
 * - Each stored version is brought forward one step at a time (`STEPS`), then validated against
 *   the schema; an invalid value is replaced by that setting's default and reported.
 * - Keys this version does not know (a hand edit, another tool, a later release that forgot to
 *   raise the version) are never lost: they are moved under `preserved` (by their path, such as
 *   `index.someKey`) and written back with the settings.
 * - Data written by a newer version (`version` above `SETTINGS_VERSION`) is read as well as this
 *   version can, and marked `readOnly`: the plugin never writes it back, so the newer version
 *   finds its data as it left it.
 */
import {
	COMPARE_SCHEMA,
	copyValue,
	FACTS_SCHEMA,
	fieldProblem,
	INDEX_SCHEMA,
	SECTION_NAMES,
	SETTINGS_SCHEMA,
	TEMPLATE_SCHEMA,
	defaultsOf,
	type SectionName,
	type SectionSchema,
	type SectionValues,
} from "./settings-schema";

/**
 * Version of the stored shape. Raise it only when the shape changes (and add a step): data with a
 * higher version is read-only to older plugins, so a needless raise makes other devices that
 * sync the vault stop saving settings.
 */
export const SETTINGS_VERSION = 1;

export type IndexSettings = SectionValues<typeof INDEX_SCHEMA>;
export type CompareSettings = SectionValues<typeof COMPARE_SCHEMA>;
export type TemplateSettings = SectionValues<typeof TEMPLATE_SCHEMA>;
export type FactsSettings = SectionValues<typeof FACTS_SCHEMA>;

export type FolderNoteStyle = IndexSettings["folderNoteStyle"];
export type LinkFormat = IndexSettings["linkFormat"];
export type LinkStyle = IndexSettings["linkStyle"];
export type SortBy = IndexSettings["sortBy"];
export type SortDirection = IndexSettings["sortDirection"];
export type SelectorKind = CompareSettings["selectorKind"];
export type OpenLocation = CompareSettings["openIn"];

export interface Settings {
	readonly version: number;
	readonly index: IndexSettings;
	readonly compare: CompareSettings;
	readonly templates: TemplateSettings;
	readonly facts: FactsSettings;
}

export const DEFAULT_INDEX_SETTINGS: IndexSettings = defaultsOf(INDEX_SCHEMA);
export const DEFAULT_COMPARE_SETTINGS: CompareSettings = defaultsOf(COMPARE_SCHEMA);
export const DEFAULT_TEMPLATE_SETTINGS: TemplateSettings = defaultsOf(TEMPLATE_SCHEMA);
export const DEFAULT_FACTS_SETTINGS: FactsSettings = defaultsOf(FACTS_SCHEMA);

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	version: SETTINGS_VERSION,
	index: DEFAULT_INDEX_SETTINGS,
	compare: DEFAULT_COMPARE_SETTINGS,
	templates: DEFAULT_TEMPLATE_SETTINGS,
	facts: DEFAULT_FACTS_SETTINGS,
});

/** Top-level key under which keys this version does not know are kept. */
export const PRESERVED_KEY = "preserved";

/** One stored value that could not be used. */
export interface SettingsProblem {
	/** Path of the setting, such as `index.numSpaces`. */
	readonly key: string;
	readonly value: unknown;
	/** Why it was refused, such as "must be a whole number between 1 and 16". */
	readonly reason: string;
	/** What is used instead: the setting's default (undefined: a whole section's defaults). */
	readonly used: unknown;
}

export interface MigrationResult {
	readonly settings: Settings;
	/** True when the stored data differs from what would be saved, so it should be saved. */
	readonly changed: boolean;
	/** Values that were invalid and replaced by their defaults. */
	readonly problems: readonly SettingsProblem[];
	/** Keys this version does not know, by path (`junk`, `index.someKey`), kept for saving. */
	readonly preserved: ReadonlyMap<string, unknown>;
	/** The stored version; 0 for data without one. */
	readonly storedVersion: number;
	/** Written by a newer version of the plugin: use it, never save it. */
	readonly readOnly: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Top-level keys of stored data; a Map so that no stored key can reach a prototype. */
type Stored = Map<string, unknown>;

function toStored(raw: unknown): Stored {
	return new Map(isRecord(raw) ? Object.entries(raw) : []);
}

/** Waypoint's setting names → this plugin's index settings. */
const WAYPOINT_RENAMES: ReadonlyMap<string, string> = new Map([
	["folderNoteType", "folderNoteStyle"],
	["showNonMarkdownFiles", "showNonMarkdownFiles"],
	["showEnclosingNote", "showEnclosingNote"],
	["showFolderNotes", "showFolderNotes"],
	["folderNotesOnTop", "foldersOnTop"],
	["foldersOnTop", "foldersOnTop"],
	["stopScanAtFolderNotes", "stopScanAtFolderNotes"],
	["useFrontMatterTitle", "useTitleProperty"],
	["useSpaces", "useSpaces"],
	["numSpaces", "numSpaces"],
	["waypointFlag", "waypointFlag"],
	["landmarkFlag", "landmarkFlag"],
	["ignorePaths", "ignorePaths"],
]);

/**
 * Version 0 (no version): either early sectioned data, kept as it is, or a flat Waypoint
 * `data.json`, whose settings move into the index section so that a switching user keeps their
 * choices. Waypoint keys with no counterpart stay at the top level (and end up preserved).
 */
function fromVersion0(data: Stored): Stored {
	const out: Stored = new Map(data);
	out.set("version", 1);
	if (SECTION_NAMES.some((name) => isRecord(data.get(name)))) return out;
	const index = new Map<string, unknown>();
	for (const [from, to] of WAYPOINT_RENAMES) {
		if (!data.has(from)) continue;
		index.set(to, data.get(from));
		out.delete(from);
	}
	const wiki = data.get("useWikiLinks");
	if (wiki === true || wiki === false) {
		index.set("linkStyle", wiki ? "wiki" : "markdown");
		out.delete("useWikiLinks");
	}
	const style = index.get("folderNoteStyle");
	if (style === "INSIDE_FOLDER") index.set("folderNoteStyle", "inside");
	if (style === "OUTSIDE_FOLDER") index.set("folderNoteStyle", "outside");
	out.set("index", Object.fromEntries(index));
	return out;
}

/** `STEPS[n]` turns stored data of version n into version n + 1. */
const STEPS: readonly ((data: Stored) => Stored)[] = [fromVersion0];

/** Bring stored data of `from` up to the current version, one step per version. */
export function upgrade(data: Stored, from: number): Stored {
	let current = data;
	for (let version = from; version < SETTINGS_VERSION; version++) {
		const step = STEPS[version];
		if (step) current = step(current);
	}
	return current;
}

function storedVersion(data: Stored): number {
	const version = data.get("version");
	return typeof version === "number" && Number.isInteger(version) && version >= 0 ? version : 0;
}

function readSection<S extends SectionSchema>(
	name: SectionName,
	schema: S,
	raw: unknown,
	problems: SettingsProblem[],
	preserved: Map<string, unknown>,
): SectionValues<S> {
	const source = isRecord(raw) ? raw : {};
	if (raw !== undefined && !isRecord(raw)) problems.push({ key: name, value: raw, reason: "must be an object", used: undefined });
	const entries: [string, unknown][] = [];
	for (const [key, field] of Object.entries(schema)) {
		if (!hasOwn(source, key)) {
			entries.push([key, copyValue(field.default)]);
			continue;
		}
		const value = source[key];
		const reason = fieldProblem(field, value);
		if (reason !== null) {
			problems.push({ key: `${name}.${key}`, value, reason, used: copyValue(field.default) });
			entries.push([key, copyValue(field.default)]);
			continue;
		}
		if (field.kind === "list" && field.checkItem !== undefined) {
			// One bad entry does not cost the others: it alone is left out, and named.
			const check = field.checkItem;
			const kept = (value as string[]).filter((item) => check(item) === null);
			for (const item of value as string[]) {
				const why = check(item);
				if (why !== null) problems.push({ key: `${name}.${key}`, value: item, reason: why, used: kept });
			}
			entries.push([key, kept]);
			continue;
		}
		entries.push([key, copyValue(value)]);
	}
	for (const key of Object.keys(source)) if (!hasOwn(schema, key)) preserved.set(`${name}.${key}`, source[key]);
	return Object.fromEntries(entries) as SectionValues<S>;
}

/** Turn anything read from `data.json` into valid settings. Pure; never throws. */
export function migrate(raw: unknown): MigrationResult {
	const stored = toStored(raw);
	const version = storedVersion(stored);
	const readOnly = version > SETTINGS_VERSION;
	const data = readOnly ? stored : upgrade(stored, version);
	const problems: SettingsProblem[] = [];
	if (raw !== null && raw !== undefined && !isRecord(raw))
		problems.push({ key: "settings", value: raw, reason: "must be an object", used: undefined });
	const preserved = new Map<string, unknown>();
	const kept = data.get(PRESERVED_KEY);
	if (isRecord(kept)) for (const [key, value] of Object.entries(kept)) preserved.set(key, value);
	else if (data.has(PRESERVED_KEY)) preserved.set(PRESERVED_KEY, kept);
	// A top-level key that is also under `preserved` was written later (by hand), so it wins.
	for (const [key, value] of data) {
		if (key !== "version" && key !== PRESERVED_KEY && !hasOwn(SETTINGS_SCHEMA, key)) preserved.set(key, value);
	}
	const settings: Settings = {
		version: SETTINGS_VERSION,
		index: readSection("index", INDEX_SCHEMA, data.get("index"), problems, preserved),
		compare: readSection("compare", COMPARE_SCHEMA, data.get("compare"), problems, preserved),
		templates: readSection("templates", TEMPLATE_SCHEMA, data.get("templates"), problems, preserved),
		facts: readSection("facts", FACTS_SCHEMA, data.get("facts"), problems, preserved),
	};
	const changed = !readOnly && !sameData(raw, toStoredData(settings, preserved));
	return { settings, changed, problems, preserved, storedVersion: version, readOnly };
}

/** What to write to `data.json`: the settings, and the preserved keys when there are any. */
export function toStoredData(settings: Settings, preserved: ReadonlyMap<string, unknown> = new Map()): unknown {
	if (preserved.size === 0) return settings;
	return { ...settings, [PRESERVED_KEY]: Object.fromEntries(preserved) };
}

/** One problem in words: `index.numSpaces: "four" must be a whole number between 1 and 16; using 2`. */
export function describeProblem(problem: SettingsProblem): string {
	const show = (value: unknown): string => {
		const text = JSON.stringify(value) ?? String(value);
		return text.length > 60 ? `${text.slice(0, 57)}...` : text;
	};
	const used = problem.used === undefined ? "the defaults" : show(problem.used);
	return `${problem.key}: ${show(problem.value)} ${problem.reason}; using ${used}`;
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
export function withSection<K extends SectionName>(settings: Settings, section: K, patch: Partial<Settings[K]>): Settings {
	return { ...settings, [section]: { ...settings[section], ...patch } };
}
