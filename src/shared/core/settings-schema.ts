/**
 * The settings schema: every setting's kind, default and limits. The setting types, the
 * defaults, the validation of stored data and the limits the settings tab shows all come from
 * here, so a limit is written once.
 */
import { flagShapeProblem, ignorePatternProblem } from "./patterns";

export interface BooleanField {
	readonly kind: "boolean";
	readonly default: boolean;
}

export interface IntegerField {
	readonly kind: "integer";
	readonly default: number;
	readonly min: number;
	readonly max: number;
}

export interface TextField {
	readonly kind: "text";
	readonly default: string;
	readonly maxLength: number;
	/** The empty string is refused (the settings tab refuses it too). */
	readonly nonEmpty: boolean;
	/** A further rule on the text: why it is refused, or null. */
	readonly check?: (value: string) => string | null;
}

export interface ChoiceField<C extends string = string> {
	readonly kind: "choice";
	readonly default: C;
	readonly choices: readonly C[];
}

export interface ListField {
	readonly kind: "list";
	readonly default: readonly string[];
	readonly maxItems: number;
	/** Longest entry, in characters. */
	readonly maxLength: number;
	/** A rule on each entry: why it is refused (the entry is then left out), or null. */
	readonly checkItem?: (item: string) => string | null;
}

export type Field = BooleanField | IntegerField | TextField | ChoiceField | ListField;
export type SectionSchema = Readonly<Record<string, Field>>;

/** The TypeScript type of a field's value. */
export type ValueOf<F extends Field> = F extends BooleanField
	? boolean
	: F extends IntegerField
		? number
		: F extends ChoiceField<infer C>
			? C
			: F extends ListField
				? readonly string[]
				: string;

/** The values of a whole section, typed from its schema. */
export type SectionValues<S extends SectionSchema> = { readonly [K in keyof S]: ValueOf<S[K]> };

const bool = (fallback: boolean): BooleanField => ({ kind: "boolean", default: fallback });
const integer = (fallback: number, min: number, max: number): IntegerField => ({ kind: "integer", default: fallback, min, max });
const text = (fallback: string, maxLength: number, nonEmpty = false): TextField => ({
	kind: "text",
	default: fallback,
	maxLength,
	nonEmpty,
});
const list = (fallback: readonly string[], maxItems: number, maxLength: number, checkItem?: ListField["checkItem"]): ListField => ({
	kind: "list",
	default: Object.freeze([...fallback]),
	maxItems,
	maxLength,
	...(checkItem ? { checkItem } : {}),
});
function choice<const C extends string>(choices: readonly C[], fallback: NoInfer<C>): ChoiceField<C> {
	return { kind: "choice", default: fallback, choices: Object.freeze([...choices]) };
}

/** Longest name of a property, a flag or a date format. */
const NAME_LENGTH = 256;
/** Longest vault path. */
const PATH_LENGTH = 1024;

/** An index flag: `%% Word %%`, never a block marker. */
const flag = (fallback: string): TextField => ({ ...text(fallback, NAME_LENGTH, true), check: flagShapeProblem });

export const INDEX_SCHEMA = {
	/** Where a folder's note lives: `A/A.md` (inside), `X/A.md` beside `X/A/` (outside), or `A/<name>.md` (fixed). */
	folderNoteStyle: choice(["inside", "outside", "fixed"], "inside"),
	/** File name (without `.md`) of folder notes in the "fixed" style. */
	folderNoteName: text("index", NAME_LENGTH, true),
	/** Waypoint's "show folder notes": also list folder notes as ordinary entries. */
	showFolderNotes: bool(false),
	showNonMarkdownFiles: bool(false),
	showEnclosingNote: bool(false),
	foldersOnTop: bool(true),
	stopScanAtFolderNotes: bool(false),
	useTitleProperty: bool(false),
	titleProperty: text("title", NAME_LENGTH, true),
	linkStyle: choice(["wiki", "markdown"], "wiki"),
	linkFormat: choice(["waypoint", "obsidian"], "waypoint"),
	useSpaces: bool(false),
	numSpaces: integer(2, 1, 16),
	waypointFlag: flag("%% Waypoint %%"),
	landmarkFlag: flag("%% Landmark %%"),
	ignorePaths: list(["_attachments"], 1000, PATH_LENGTH, ignorePatternProblem),
	ignoreSyncConflicts: bool(true),
	sortBy: choice(["name", "mtime", "ctime", "order"], "name"),
	sortDirection: choice(["asc", "desc"], "asc"),
	orderProperty: text("order", NAME_LENGTH, true),
	/** 0 means no limit. */
	maxDepth: integer(0, 0, 1000),
	/** Collation locale, pinned so every device writes the same bytes. */
	locale: text("en", 64, true),
	/** Quiet period before a burst of vault changes is applied, in milliseconds. */
	debounceMs: integer(500, 0, 60_000),
} satisfies SectionSchema;

export const COMPARE_SCHEMA = {
	selectorKind: choice(["property", "tag", "folder"], "property"),
	selectorProperty: text("type", NAME_LENGTH),
	selectorValue: text("framework", NAME_LENGTH),
	selectorTag: text("framework", NAME_LENGTH),
	selectorFolder: text("", PATH_LENGTH),
	/** Empty means no grouping. */
	groupBy: text("category", NAME_LENGTH),
	openIn: choice(["tab", "sidebar"], "tab"),
	comparisonNotePath: text("comparison.md", PATH_LENGTH, true),
	/** Typed in a note, becomes a living comparison table. */
	comparisonFlag: flag("%% Comparison %%"),
	/** Typed in a decision note, becomes its living ranking. */
	decisionFlag: flag("%% Decision %%"),
} satisfies SectionSchema;

export const TEMPLATE_SCHEMA = {
	/** A note whose text is the template; empty means the built-in template. */
	templateFile: text("", PATH_LENGTH),
	/** A folder of templates; with several, a fuzzy picker asks which. */
	templatesFolder: text("", PATH_LENGTH),
	/** Folder for new framework notes; empty means the current folder. */
	newNoteFolder: text("", PATH_LENGTH),
	/** After an outline import, replace each item's name with a link to its note. */
	linkOutlineItems: bool(false),
	/** Moment format of `{{date}}` when the template gives none. */
	dateFormat: text("YYYY-MM-DD", NAME_LENGTH, true),
	/** Moment format of `{{time}}` when the template gives none. */
	timeFormat: text("HH:mm", NAME_LENGTH, true),
} satisfies SectionSchema;

/** Why a source's base URL is refused (it must be an absolute http or https URL), or null. */
export function baseUrlProblem(value: string): string | null {
	if (!/^https?:\/\/[^\s/?#]+/i.test(value)) return "must be an http or https URL, such as https://pypi.org";
	const control = (c: string): boolean => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127;
	if (/\s/.test(value) || Array.from(value).some(control)) return "must not contain spaces or control characters";
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return "must be an http or https URL, such as https://pypi.org";
	}
	if (url.username !== "" || url.password !== "") return "must not contain a user name or password";
	if (url.search !== "" || url.hash !== "") return "must not have a query or a fragment";
	return null;
}

/** Why a secret's name is refused (Obsidian's secret storage: lower-case letters, digits and dashes), or null. */
export function secretNameProblem(value: string): string | null {
	return value === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? null : "must be lower-case letters, digits and dashes";
}

/** A source's base URL (a company mirror works). */
const baseUrl = (fallback: string): TextField => ({ ...text(fallback, PATH_LENGTH, true), check: baseUrlProblem });

export const FACTS_SCHEMA = {
	/** Base URLs of the sources; the defaults are the public services. */
	pypiUrl: baseUrl("https://pypi.org"),
	npmUrl: baseUrl("https://registry.npmjs.org"),
	cratesUrl: baseUrl("https://crates.io"),
	githubUrl: baseUrl("https://api.github.com"),
	/**
	 * The name of the secret (in Obsidian's secret storage) that holds a GitHub token; empty for
	 * none. Only the name is stored here, never the token.
	 */
	githubTokenSecret: { ...text("", 64), check: secretNameProblem } satisfies TextField,
	/** The user agreed to let "Fill facts from registries" contact the sources' hosts. */
	networkConsent: bool(false),
} satisfies SectionSchema;

/** The sections of `data.json`, in order. */
export const SETTINGS_SCHEMA = { index: INDEX_SCHEMA, compare: COMPARE_SCHEMA, templates: TEMPLATE_SCHEMA, facts: FACTS_SCHEMA } as const;
export type SectionName = keyof typeof SETTINGS_SCHEMA;
export const SECTION_NAMES: readonly SectionName[] = Object.freeze(["index", "compare", "templates", "facts"]);

/** The frozen defaults of a section. */
export function defaultsOf<S extends SectionSchema>(schema: S): SectionValues<S> {
	const entries = Object.entries(schema).map(([key, field]) => [key, field.default] as const);
	return Object.freeze(Object.fromEntries(entries)) as SectionValues<S>;
}

/** Why `value` is not valid for `field`, or null when it is. Phrased to follow the setting's name. */
export function fieldProblem(field: Field, value: unknown): string | null {
	switch (field.kind) {
		case "boolean":
			return typeof value === "boolean" ? null : "must be true or false";
		case "integer":
			return typeof value === "number" && Number.isInteger(value) && value >= field.min && value <= field.max
				? null
				: `must be a whole number ${limitText(field)}`;
		case "text":
			if (typeof value !== "string") return "must be text";
			if (field.nonEmpty && value === "") return "must not be empty";
			if (value.length > field.maxLength) return `must be at most ${field.maxLength} characters`;
			return field.check?.(value) ?? null;
		case "choice":
			return typeof value === "string" && field.choices.includes(value) ? null : `must be one of ${field.choices.join(", ")}`;
		case "list":
			if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return "must be a list of text";
			if (value.length > field.maxItems) return `must have at most ${field.maxItems} entries`;
			return value.every((v: string) => v.length <= field.maxLength) ? null : `entries must be at most ${field.maxLength} characters`;
	}
}

/** The limits of a field in words, for descriptions in the settings tab ("between 1 and 16"). */
export function limitText(field: Field): string {
	switch (field.kind) {
		case "integer":
			return `between ${field.min} and ${field.max}`;
		case "text":
		case "list":
			return `at most ${field.maxLength} characters`;
		case "choice":
			return `one of ${field.choices.join(", ")}`;
		case "boolean":
			return "on or off";
	}
}

/** A copy of a valid value that shares nothing with the input (lists are copied; -0, which JSON cannot keep, becomes 0). */
export function copyValue(value: unknown): unknown {
	if (value === 0) return 0;
	return Array.isArray(value) ? [...(value as unknown[])] : value;
}
