/**
 * The comparison model (issue 4): pure functions from notes' frontmatter to a typed table.
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
export {
	DEFAULT_VIEW_OPTIONS,
	NAME_KEY,
	STATE_TOKENS,
	applyView,
	cellDiffers,
	compareSortKeys,
	facetLabel,
	facetValues,
	transposed,
} from "./view";
export { markdownText, toCsv, toJson, toMarkdownTable } from "./export";
export { parseCellInput } from "./parse";
export { frontmatterTags, noteInputs, normalizeFolder, selectNotes } from "./select";
export type { ComparisonViewState, Orientation, PreparedSearch, Window } from "./view-extra";
export {
	DEFAULT_VIEW_STATE,
	GENERATED_KEY,
	GENERATED_VALUE,
	barLevel,
	clickSort,
	comparisonNoteOf,
	comparisonNoteTarget,
	comparisonNoteText,
	comparisonNoteTitle,
	comparisonSaveAction,
	isGeneratedComparison,
	isGeneratedFrontmatter,
	isSelectedNote,
	parseViewState,
	serializeViewState,
	toViewOptions,
	visibleWindow,
	wordwiseMatcher,
} from "./view-extra";
