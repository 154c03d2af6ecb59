/**
 * Public types of the comparison model: notes' frontmatter in, columns and rows out.
 *
 * Everything here is plain, read-only data. Values come from untrusted frontmatter: every
 * string is plain text meant for `setText`, and a `url` is present only for allowed schemes.
 */

import type { Frontmatter } from "../../shared/core/vault";
import type { Filters } from "./filters";

/** One note as the model sees it. */
export interface NoteInput {
	readonly path: string;
	readonly basename: string;
	/** Parsed frontmatter; null when the note has none or it is invalid. */
	readonly frontmatter: Frontmatter | null;
	/** A message when the frontmatter is present but is not valid YAML. */
	readonly frontmatterError: string | null;
	readonly mtime?: number;
}

/**
 * The kinds of value the model knows. Obsidian's `types.json` names map onto these:
 * text → text, multitext → list, aliases → list, number, checkbox, date, datetime, tags.
 * `links` is a list whose items are all `[[wikilinks]]`; `url` is a string with an allowed
 * scheme; `object` is a mapping (shown as compact JSON, never interpreted); `unknown` is a
 * declared type name the model does not recognise (values are then inferred).
 */
export type PropertyTypeName =
	"text" | "number" | "checkbox" | "date" | "datetime" | "list" | "links" | "tags" | "url" | "object" | "unknown";

import type { WikiLink } from "../../shared/core/wikilink";

export type { WikiLink };

/** One item of a list / links / tags cell (chips in the view). */
export interface CellItem {
	/** Plain text to show (tags without `#`, links as alias or target). */
	readonly text: string;
	/** Set when the item is a wikilink. */
	readonly link?: WikiLink;
	/** Set only for http, https, mailto and obsidian URLs. */
	readonly url?: string;
}

export interface AbsentCell {
	readonly state: "absent";
}

/** The key is present with an empty string or an empty list. */
export interface EmptyCell {
	readonly state: "empty";
	readonly raw: "" | readonly [];
}

/** The key is present with no value (`key:` or `key: null`). */
export interface NullCell {
	readonly state: "null";
}

export interface ValueCell {
	readonly state: "value";
	/**
	 * The value's type: the property's declared type when the value fits it, otherwise the type
	 * inferred from the value itself (a mismatch is reported as a column conflict).
	 */
	readonly type: PropertyTypeName;
	/** The frontmatter value exactly as parsed (never truncated). */
	readonly raw: unknown;
	/** Plain text for display, search, filters and CSV (lists joined with `, `). */
	readonly display: string;
	/** Numbers, checkboxes (0/1), dates and date-times (ms since epoch, UTC) sort as numbers. */
	readonly sortKey: number | string;
	/** Items of a list, links or tags value. */
	readonly items?: readonly CellItem[];
	/** Wikilinks found in the value (list items or inside text). */
	readonly links?: readonly WikiLink[];
	/** Set only when the value is a URL with an allowed scheme (normalised). */
	readonly url?: string;
}

export type Cell = AbsentCell | EmptyCell | NullCell | ValueCell;
export type CellState = Cell["state"];

export interface TypeConflict {
	readonly path: string;
	readonly basename: string;
	/** The type the value actually has, e.g. `text` for `first_release: "2010"`. */
	readonly actualType: PropertyTypeName;
}

export interface Coverage {
	/** Notes that have the key (any state but absent). */
	readonly present: number;
	/** Notes in the model. */
	readonly total: number;
}

export interface Column {
	readonly key: string;
	/** Declared (types.json) when known, otherwise inferred from the values. */
	readonly type: PropertyTypeName;
	readonly declared: boolean;
	readonly coverage: Coverage;
	/** Notes whose value does not fit the column type, in row order. */
	readonly conflicts: readonly TypeConflict[];
}

export interface Row {
	readonly path: string;
	readonly basename: string;
	/** Set when the note's YAML is invalid (the row is kept, with no cells). */
	readonly warning: string | null;
	/** Cells by property key; a key missing here is absent (use `cellOf`). */
	readonly cells: ReadonlyMap<string, Cell>;
	readonly mtime?: number;
}

export interface BuildOptions {
	/** Obsidian's property types (`types.json` → `types`), e.g. `{ first_release: "number" }`. */
	readonly propertyTypes?: Readonly<Record<string, string>>;
	/** Column order to put first; defaults to the framework-note template order. */
	readonly templateOrder?: readonly string[];
	/**
	 * Read a note's values with `for...in` when it has the previous note's keys (default true):
	 * faster in Chromium, where the pane builds; the CLI turns it off, where it measured no faster
	 * and 8 MB more peak memory at 100k notes.
	 */
	readonly enumerateValues?: boolean;
}

/** Internal per-column tallies kept so that `updateModel` costs little. */
export interface ColumnStats {
	present: number;
	/** Value cells per cell type. */
	readonly typeCounts: Map<PropertyTypeName, number>;
}

export interface ComparisonModel {
	readonly columns: readonly Column[];
	/** One row per note, in input order (updates replace in place, additions go last). */
	readonly rows: readonly Row[];
	/** Resolved options the model was built with (declared types already mapped). */
	readonly declaredTypes: ReadonlyMap<string, PropertyTypeName>;
	readonly templateOrder: readonly string[];
	/** @internal Tallies per column key; treat as opaque. */
	readonly stats: ReadonlyMap<string, ColumnStats>;
	/**
	 * @internal Collation ranks of text sort keys per column (and of note names), built on the
	 * first sort by that column and shared, append-only, by every model `updateModel` derives.
	 */
	readonly collation: Map<string, RankTable>;
	/** @internal Value ids per column for counting differences; shared append-only like `collation`. */
	readonly interns: Map<string, { readonly ids: Map<unknown, number> }>;
	/**
	 * @internal Set by `updateModel`: the model it came from and the rows it replaced (same path),
	 * so `applyView` can update cached column facts instead of recounting. Only one step is kept.
	 */
	readonly origin?: ModelOrigin;
}

/** @internal */
export interface ModelOrigin {
	/** Cleared when a newer model is derived, so old models are not kept alive in a chain. */
	model: ComparisonModel | null;
	/** Old and new row of each edited note (same path). */
	readonly replaced: readonly (readonly [Row, Row])[];
	/** True when notes were added, deleted or renamed (the row set changed). */
	readonly structural: boolean;
}

/** @internal Distinct strings in collation order and a rank for each (equal strings, equal rank). */
export interface RankTable {
	readonly sorted: string[];
	readonly rank: Map<string, number>;
}

/** A note changed (added, edited) or was deleted. Renames are a delete plus a change. */
export type ModelChange = NoteInput | { readonly deleted: string };

export interface SortKey {
	/** A property key, or `NAME_KEY` (`file.name`) for the note name. */
	readonly key: string;
	readonly dir: "asc" | "desc";
}

export interface ViewOptions {
	/** Sort keys, most significant first. Empty keeps the model order. */
	readonly sort: readonly SortKey[];
	/** Search text matched against the note name and every value. */
	readonly search: string;
	/**
	 * Per property, the accepted facet values (see `facetValues`); an empty list filters nothing.
	 * Read only its own keys (`filterValues`): a property may be named `__proto__`.
	 */
	readonly filters: Filters;
	/** Group rows by this property, or null. */
	readonly groupBy: string | null;
	readonly hiddenColumns: readonly string[];
	/** Keys listed here come first in this order; the rest follow in model order. */
	readonly columnOrder?: readonly string[];
	/** Paths; when non-empty only those rows are compared. */
	readonly selected?: readonly string[];
	/** Drop columns whose value is the same in every shown row. */
	readonly hideIdentical: boolean;
	/** Put columns that differ before the ones that do not. */
	readonly differencesFirst: boolean;
}

/**
 * Returns a score (higher is better) or null for no match; e.g. Obsidian's `prepareFuzzySearch`.
 * `text` is the note name and every value, lower-cased, one per line.
 */
export type FuzzyMatcher = (query: string, text: string) => number | null;

export interface ViewColumn extends Column {
	/** True when the shown rows do not all have the same cell (state and value). */
	readonly differs: boolean;
	/** Smallest and largest number among the shown rows (number cells only). */
	readonly min?: number;
	readonly max?: number;
	/** Position in the sort keys (0 = primary) and direction, when this column is sorted. */
	readonly sortIndex?: number;
	readonly sortDir?: "asc" | "desc";
}

export interface RowGroup {
	/** Facet value of the group (see `facetValues`), or a state token. */
	readonly value: string;
	/** Plain text heading, e.g. `full-stack` or `(absent)`. */
	readonly label: string;
	readonly rows: readonly Row[];
}

export interface ViewResult {
	readonly model: ComparisonModel;
	/** Visible columns in display order. */
	readonly columns: readonly ViewColumn[];
	/** Shown rows in display order (group by group when grouped). */
	readonly rows: readonly Row[];
	/** Groups in display order when `groupBy` is set, otherwise null. */
	readonly groups: readonly RowGroup[] | null;
	/** Rows before search, filters and selection. */
	readonly totalRows: number;
	/**
	 * Per column key, the paths of shown rows whose cell is marked as differing. With exactly two
	 * shown rows: both rows of every column that differs. Otherwise: the rows whose value is not
	 * the column's strict-majority value (one that more than half of the shown rows share); a
	 * column without a strict majority marks no cell (its `differs` flag alone says it differs).
	 * Missing key: no cell of that column is marked.
	 */
	readonly differingCells: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One distinct value of a property for filter chips and groups. */
export interface FacetValue {
	/** Value to put in `ViewOptions.filters`: the item text, or a state token. */
	readonly value: string;
	/** Plain text label. */
	readonly label: string;
	/** Rows having it. */
	readonly count: number;
}

export type ParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Notes-as-columns layout: one line per property, one cell per shown row. */
export interface TransposedLine {
	readonly column: ViewColumn;
	readonly cells: readonly Cell[];
}

export interface Transposed {
	/** The notes, which become the columns. */
	readonly notes: readonly Row[];
	readonly lines: readonly TransposedLine[];
}
