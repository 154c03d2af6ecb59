/** Templates, pure: the engine, the built-in template, frontmatter merge, outlines, import plans. */
export { DEFAULT_PROPERTIES, DEFAULT_TEMPLATE } from "../../shared/core/framework-note";
export { DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT, renderBody, renderFrontmatter, renderTemplate } from "./engine";
export type { RenderedTemplate, TemplateContext } from "./engine";
export { notePath, sanitizeFileName } from "./file-name";
export type { FileNameResult } from "./file-name";
export { formatDate } from "./format-date";
export type { FormatDate } from "./format-date";
export {
	findFrontmatter,
	frontmatterBlock,
	mergeProperties,
	readProperties,
	readPropertyTexts,
	serializeProperty,
	splitFrontmatter,
} from "../../shared/core/frontmatter-edit";
export type { FrontmatterBlock, MergeMode, MergeResult, Parsed, PropertyEntry } from "../../shared/core/frontmatter-edit";
export { applyChanges, offsetToPosition, planInsert } from "./insert";
export type { InsertPlan, TextChange } from "./insert";
export { categorySlug, cleanDescription, linkOutlineItems, parseOutline, plainText } from "./outline";
export type { OutlineItem, OutlineLink } from "./outline";
export { buildNote, buildNoteText, collectCategories, planItems, planOutlineImport } from "./plan";
export type { BuiltNote, ImportPlan, NoteFields, PlannedNote, SkippedItem, TemplateOptions } from "./plan";
