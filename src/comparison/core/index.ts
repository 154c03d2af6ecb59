/**
 * The comparison model: pure functions from notes' frontmatter to a typed table.
 * Import everything from here (`src/comparison/core`).
 */

export type * from "./types";
export {
	ABSENT,
	BUILT_IN_TYPES,
	EMPTY,
	EMPTY_LIST,
	NULL,
	compareCollator,
	makeCell,
	mapObsidianType,
	parsePropertyTypes,
	parseWikiLinks,
	safeUrl,
} from "./cells";
export { DEFAULT_TEMPLATE_ORDER, buildModel, cellOf, updateModel } from "./model";
export { DEFAULT_VIEW_OPTIONS, NAME_KEY, STATE_TOKENS, applyView, cellDiffers, compareSortKeys, facetLabel, facetValues } from "./view";
export { markdownText, toCsv, toJson, toMarkdownTable } from "./export";
export { parseCellInput } from "./parse";
export { frontmatterTags, noteInputs, normalizeFolder } from "./select";
export type { ComparisonViewState, Orientation } from "./view-state";
export { DEFAULT_VIEW_STATE, clickSort, defaultGroupBy, parseViewState, serializeViewState, toViewOptions } from "./view-state";
export type { Window } from "./virtual-window";
export { visibleWindow } from "./virtual-window";
export { barLevel } from "./bars";
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
