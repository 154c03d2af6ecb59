/**
 * The comparison model: pure functions from notes' frontmatter to a typed table.
 * Import everything from here (`src/comparison/core`).
 */

export type * from "./types";
export { ABSENT, EMPTY, EMPTY_LIST, NULL, compareCollator, makeCell } from "./cells";
export { BUILT_IN_TYPES, mapObsidianType, parsePropertyTypes } from "./property-types";
export { parseWikiLinks, safeUrl } from "./links";
export { DEFAULT_TEMPLATE_ORDER, buildModel, cellOf, ModelBuilder, rawOf, transientCell } from "./model";
export { prepareUpdates, updateModel } from "./model-update";
export { DEFAULT_VIEW_OPTIONS, applyView, cellDiffers } from "./view";
export { NAME_KEY, compareSortKeys } from "./view-sort";
export { STATE_TOKENS, facetLabel, facetValues } from "./facets";
export type { Filters } from "./filters";
export { NO_FILTERS, filterValues, filtersOf, withFilterValues } from "./filters";
export { markdownText, toCsv, toJson, toMarkdownTable, csvPieces, jsonPieces, markdownPieces } from "./export";
export type { ExportParts } from "./export";
export { parseCellInput } from "./parse";
export { frontmatterTags, noteInputs, normalizeFolder } from "./select";
export type { ComparisonViewState, Orientation } from "./view-state";
export { DEFAULT_VIEW_STATE, clickSort, defaultGroupBy, parseViewState, serializeViewState, toViewOptions } from "./view-state";
export type { Window } from "./virtual-window";
export { visibleWindow } from "./virtual-window";
export { barLevel } from "./bars";
export type { BasesGroup, BasesViewState } from "./bases-state";
export { BASES_KEYS, inBasesGroups, notePropertyKey, readBasesViewState, sortConfig } from "./bases-state";
export {
	GENERATED_KEY,
	GENERATED_VALUE,
	comparisonNoteOf,
	comparisonNoteTarget,
	comparisonNoteText,
	comparisonNoteTitle,
	comparisonSaveAction,
	isGeneratedComparison,
	isGeneratedFrontmatter,
} from "./comparison-note";
export type { PreparedSearch } from "./search";
export { wordwiseMatcher } from "./search";
export type { NoteSelection } from "./selection";
export { comparedNotes, isComparedNote, isSelectedNote, selectNotes } from "./selection";
export { withLinkText } from "./links";
export { exportParts, exportPieces, exportText, rowsByName, type ExportFormat } from "./export-text";
export { columnDiffers } from "./view-differences";
export { cellText, chosenColumns, compareTable, omittedColumnsText, type CompareTable } from "./terminal-compare";
