/**
 * The comparison model (issue 4): pure functions from notes' frontmatter to a typed table.
 * Import everything from here (`src/core/compare`).
 */

import type { CompareSettings } from "../settings";
import type { VFile, VaultSnapshot } from "../vault";
import type {
	Cell,
	ComparisonModel,
	FacetValue,
	FuzzyMatcher,
	ModelChange,
	NoteInput,
	ParseResult,
	PropertyTypeName,
	Row,
	Transposed,
	ViewOptions,
	ViewResult,
	BuildOptions,
} from "./types";

export type * from "./types";

/** The framework-note template's property order (default column order). */
export const DEFAULT_TEMPLATE_ORDER: readonly string[] = Object.freeze([
	"type", "category", "language", "summary", "async", "orm", "admin", "license",
	"first_release", "website", "repository", "related", "tags", "created",
]);

/** Sort key for the note name (as in Bases). */
export const NAME_KEY = "file.name";

/** Facet / group values standing for the cell states (never equal to a real value's text). */
export const STATE_TOKENS = Object.freeze({ absent: "\u0000absent", empty: "\u0000empty", null: "\u0000null" });

export const DEFAULT_VIEW_OPTIONS: Readonly<ViewOptions> = Object.freeze({
	sort: [],
	search: "",
	filters: {},
	groupBy: null,
	hiddenColumns: [],
	hideIdentical: false,
	differencesFirst: false,
});

function notYet(): never {
	throw new Error("not yet");
}

/** Notes chosen by the settings' selector (property + value, tag, or folder), optionally within one folder. */
export function selectNotes(_snapshot: VaultSnapshot, _settings: CompareSettings, _scopeFolder?: string): VFile[] { return notYet(); }
/** The model's input for files of a snapshot. */
export function noteInputs(_snapshot: VaultSnapshot, _files: readonly VFile[]): NoteInput[] { return notYet(); }
/** Read `types.json` content (text or parsed) into `{ key: typeName }`; bad input gives `{}`. */
export function parsePropertyTypes(_json: unknown): Record<string, string> { return notYet(); }
/** Map an Obsidian property type name onto the model's types (unknown names → "unknown"). */
export function mapObsidianType(_name: string): PropertyTypeName { return notYet(); }
export function buildModel(_notes: readonly NoteInput[], _options?: BuildOptions): ComparisonModel { return notYet(); }
/** Apply changes; unchanged rows (and their cells) are reused by identity. */
export function updateModel(_model: ComparisonModel, _change: ModelChange | readonly ModelChange[]): ComparisonModel { return notYet(); }
/** The cell of a row for a key (absent when the note lacks it). */
export function cellOf(_row: Row, _key: string): Cell { return notYet(); }
/** The cell for one frontmatter value, given the property's declared type if any. */
export function makeCell(_value: unknown, _declared?: PropertyTypeName): Cell { return notYet(); }
export function applyView(_model: ComparisonModel, _view: ViewOptions, _fuzzy?: FuzzyMatcher): ViewResult { return notYet(); }
/** Distinct values of a property (list items counted one by one), for filter chips. */
export function facetValues(_model: ComparisonModel, _key: string): FacetValue[] { return notYet(); }
/** True when the cell of `path` in column `key` differs from the column's most common value. */
export function cellDiffers(_view: ViewResult, _key: string, _path: string): boolean { return notYet(); }
export function transposed(_view: ViewResult): Transposed { return notYet(); }
export function toMarkdownTable(_model: ComparisonModel, _view?: ViewResult): string { return notYet(); }
export function toCsv(_model: ComparisonModel, _view?: ViewResult): string { return notYet(); }
export function toJson(_model: ComparisonModel, _view?: ViewResult): string { return notYet(); }
/** Validate text typed into a cell; the value is what to write to frontmatter. */
export function parseCellInput(_type: PropertyTypeName, _input: string): ParseResult { return notYet(); }
/** Whether a URL may become a link: http, https, mailto, obsidian only. Returns the normalised URL or null. */
export function safeUrl(_text: string): string | null { return notYet(); }
