/**
 * Pure helpers of the comparison pane's UI (owned by the pane, not by the model): the saved view
 * state, the virtual-scroll window, number bars, sort clicks, and the generated comparison note.
 */

import type { CompareSettings } from "../../shared/core/settings";
import { type Frontmatter, parentPath, type VaultSnapshot } from "../../shared/core/vault";
import { toMarkdownTable } from "./export";
import { normalizeFolder, propertyMatches, tagMatches } from "./select";
import type { ComparisonModel, SortKey, ViewOptions, ViewResult } from "./types";

export type Orientation = "rows" | "columns";

/** Everything the pane saves in the workspace (view state) and restores on reload. */
export interface ComparisonViewState {
	/** Folder the pane is limited to, or null for the whole vault. */
	readonly scope: string | null;
	/** `rows`: one row per note. `columns`: notes side by side (transposed). */
	readonly orientation: Orientation;
	readonly sort: readonly SortKey[];
	readonly search: string;
	readonly filters: Readonly<Record<string, readonly string[]>>;
	/** Property whose values the filter bar shows as chips, or null. */
	readonly filterKey: string | null;
	/** Group rows by this property; null for none; undefined means the settings' default. */
	readonly groupBy: string | null | undefined;
	readonly hiddenColumns: readonly string[];
	readonly columnOrder: readonly string[];
	/** Checked notes (paths). */
	readonly selected: readonly string[];
	/** Compare only the checked notes. */
	readonly onlySelected: boolean;
	readonly hideIdentical: boolean;
	readonly differencesFirst: boolean;
}

export const DEFAULT_VIEW_STATE: Readonly<ComparisonViewState> = Object.freeze({
	scope: null,
	orientation: "rows",
	sort: [],
	search: "",
	filters: {},
	filterKey: null,
	groupBy: undefined,
	hiddenColumns: [],
	columnOrder: [],
	selected: [],
	onlySelected: false,
	hideIdentical: false,
	differencesFirst: false,
});

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function optionalString(value: unknown): string | null {
	return typeof value === "string" && value !== "" ? value : null;
}

function sortKeys(value: unknown): SortKey[] {
	if (!Array.isArray(value)) return [];
	const out: SortKey[] = [];
	for (const item of value) {
		if (!isRecord(item) || typeof item.key !== "string") continue;
		if (out.some((k) => k.key === item.key)) continue;
		out.push({ key: item.key, dir: item.dir === "desc" ? "desc" : "asc" });
	}
	return out;
}

function filterMap(value: unknown): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	if (!isRecord(value)) return out;
	for (const [key, list] of Object.entries(value)) {
		const values = stringList(list);
		if (values.length > 0) out[key] = values;
	}
	return out;
}

/** Read a saved view state (untrusted: workspace.json may be old or edited); never throws. */
export function parseViewState(raw: unknown): ComparisonViewState {
	const src = isRecord(raw) ? raw : {};
	let groupBy: string | null | undefined = undefined;
	if (src.groupBy === null) groupBy = null;
	else if (typeof src.groupBy === "string") groupBy = src.groupBy === "" ? null : src.groupBy;
	return {
		scope: optionalString(src.scope),
		orientation: src.orientation === "columns" ? "columns" : "rows",
		sort: sortKeys(src.sort),
		search: typeof src.search === "string" ? src.search : "",
		filters: filterMap(src.filters),
		filterKey: optionalString(src.filterKey),
		groupBy,
		hiddenColumns: stringList(src.hiddenColumns),
		columnOrder: stringList(src.columnOrder),
		selected: stringList(src.selected),
		onlySelected: src.onlySelected === true,
		hideIdentical: src.hideIdentical === true,
		differencesFirst: src.differencesFirst === true,
	};
}

/** The state as plain JSON for `getState()` (undefined group means "use the settings"). */
export function serializeViewState(state: ComparisonViewState): Record<string, unknown> {
	const out: Record<string, unknown> = {
		scope: state.scope,
		orientation: state.orientation,
		sort: state.sort.map((k) => ({ key: k.key, dir: k.dir })),
		search: state.search,
		filters: Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, [...v]])),
		filterKey: state.filterKey,
		hiddenColumns: [...state.hiddenColumns],
		columnOrder: [...state.columnOrder],
		selected: [...state.selected],
		onlySelected: state.onlySelected,
		hideIdentical: state.hideIdentical,
		differencesFirst: state.differencesFirst,
	};
	if (state.groupBy !== undefined) out.groupBy = state.groupBy;
	return out;
}

/** The model's view options for a state; `defaultGroupBy` comes from the settings. */
export function toViewOptions(state: ComparisonViewState, defaultGroupBy: string): ViewOptions {
	const groupBy = state.groupBy === undefined ? (defaultGroupBy.trim() === "" ? null : defaultGroupBy.trim()) : state.groupBy;
	return {
		sort: state.sort,
		search: state.search,
		filters: state.filters,
		groupBy,
		hiddenColumns: state.hiddenColumns,
		columnOrder: state.columnOrder,
		selected: state.onlySelected && state.selected.length > 0 ? state.selected : undefined,
		hideIdentical: state.hideIdentical,
		differencesFirst: state.differencesFirst,
	};
}

/**
 * A header click on `key`. Plain click: sort by it alone (asc → desc → unsorted). Shift-click:
 * add it as the next key, or flip it (asc → desc → removed) where it already is.
 */
export function clickSort(sort: readonly SortKey[], key: string, additive: boolean): SortKey[] {
	const at = sort.findIndex((k) => k.key === key);
	const existing = at >= 0 ? sort[at] : undefined;
	if (additive) {
		if (!existing) return [...sort, { key, dir: "asc" }];
		if (existing.dir === "asc") return sort.map((k, i) => (i === at ? { key, dir: "desc" } : k));
		return sort.filter((_, i) => i !== at);
	}
	if (existing && sort.length === 1) return existing.dir === "asc" ? [{ key, dir: "desc" }] : [];
	return [{ key, dir: "asc" }];
}

/** Items of a virtual list to render: `[start, end)`. */
export interface Window {
	readonly start: number;
	readonly end: number;
}

/** The items overlapping the viewport, plus `buffer` items on each side. */
export function visibleWindow(scrollOffset: number, viewportSize: number, itemSize: number, count: number, buffer: number): Window {
	if (count <= 0 || itemSize <= 0) return { start: 0, end: 0 };
	const first = Math.floor(Math.max(0, scrollOffset) / itemSize);
	const shown = Math.ceil(Math.max(0, viewportSize) / itemSize) + 1;
	const start = Math.max(0, Math.min(count, first) - buffer);
	const end = Math.min(count, first + shown + buffer);
	return { start, end: Math.max(start, end) };
}

/** Bar length step 0–10 of a number between `min` and `max` (0 when they are equal). */
export function barLevel(value: number, min: number | undefined, max: number | undefined): number {
	if (min === undefined || max === undefined || !Number.isFinite(value) || max <= min) return max === min && max !== undefined ? 10 : 0;
	const ratio = (value - min) / (max - min);
	return Math.max(0, Math.min(10, Math.round(ratio * 10)));
}

/** Frontmatter key/value marking a note as written by "Save as note". */
export const GENERATED_KEY = "framework-notes";
export const GENERATED_VALUE = "comparison";

/** True when the note text is a generated comparison (the only kind "Save as note" may replace). */
export function isGeneratedComparison(text: string): boolean {
	const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
	if (!match || match[1] === undefined) return false;
	return match[1].split(/\r?\n/).some((line) => /^framework-notes:\s*["']?comparison["']?\s*$/.test(line));
}

/** Text of a generated comparison note around a Markdown table. */
export function comparisonNoteText(title: string, table: string, noteCount: number): string {
	const lines = [
		"---",
		`${GENERATED_KEY}: ${GENERATED_VALUE}`,
		"---",
		"",
		`# ${title}`,
		"",
		`Generated by Framework Notes from ${noteCount} ${noteCount === 1 ? "note" : "notes"}; saving again replaces this note.`,
		"",
		table.trimEnd(),
		"",
	];
	return lines.join("\n");
}

/** Title of the generated comparison note of a scope folder (or of the whole vault). */
export function comparisonNoteTitle(scope: string | null): string {
	return scope ? `Comparison: ${scope.split("/").pop() ?? ""}` : "Framework comparison";
}

/** The generated comparison note of what a view shows (the plugin's and the CLI's "save as note"). */
export function comparisonNoteOf(title: string, model: ComparisonModel, view: ViewResult): string {
	return comparisonNoteText(title, toMarkdownTable(model, view), view.rows.length);
}

/**
 * Where "Save as note" writes: the settings' path (default `comparison.md`, `.md` added) under
 * the scope folder, or at the vault root. Not yet normalized: the caller applies its vault's rules.
 */
export function comparisonNoteTarget(scope: string | null, settingPath: string): string {
	const name = settingPath.trim() === "" ? "comparison.md" : settingPath.trim();
	const withExt = name.toLowerCase().endsWith(".md") ? name : `${name}.md`;
	return scope ? `${scope}/${withExt}` : withExt;
}

/**
 * What "Save as note" does, given the text now at the target path (null: no note there):
 * create it, replace a generated comparison whose text differs, leave an up-to-date one alone,
 * or refuse to touch a note that is not a generated comparison.
 */
export function comparisonSaveAction(current: string | null, text: string): "create" | "replace" | "unchanged" | "refuse" {
	if (current === null) return "create";
	if (!isGeneratedComparison(current)) return "refuse";
	return current === text ? "unchanged" : "replace";
}

/**
 * Whether one note belongs in the comparison, decided without walking the vault (live updates):
 * the same rules as `selectNotes`. `folderHasSelected` tells whether another selected note shares
 * a folder (a note with invalid YAML is kept there, with its warning).
 */
export function isSelectedNote(
	snapshot: VaultSnapshot,
	settings: CompareSettings,
	scope: string | null,
	path: string,
	folderHasSelected: (folder: string) => boolean,
): boolean {
	const scopeFolder = normalizeFolder(scope ?? "");
	if (!path.toLowerCase().endsWith(".md")) return false;
	if (scopeFolder !== "" && !path.startsWith(`${scopeFolder}/`)) return false;
	if (settings.selectorKind === "folder") {
		const folder = normalizeFolder(settings.selectorFolder);
		return folder === "" || path.startsWith(`${folder}/`);
	}
	const fm = snapshot.frontmatter(path);
	if (fm !== null) {
		return settings.selectorKind === "tag"
			? tagMatches(fm, settings.selectorTag)
			: propertyMatches(fm, settings.selectorProperty, settings.selectorValue);
	}
	return snapshot.frontmatterError(path) !== null && folderHasSelected(parentPath(path));
}

/** A note written by "Save as note" (never compared itself). */
export function isGeneratedFrontmatter(fm: Frontmatter | null): boolean {
	return fm !== null && Object.prototype.hasOwnProperty.call(fm, GENERATED_KEY) && fm[GENERATED_KEY] === GENERATED_VALUE;
}

/** A prepared fuzzy search, e.g. Obsidian's `prepareFuzzySearch(query)`. */
export type PreparedSearch = (text: string) => { readonly score: number } | null;

/**
 * A search matcher for the model built on a fuzzy search, but stricter than running it over a
 * row's whole text: every word of the query must occur in the row as a substring, or fuzzily
 * within one word of one value ("fstapi" finds FastAPI). A plain subsequence over all values
 * joined would let "zappa" match "emphasiZes ... eAse ... web2Py ... APi".
 */
export function wordwiseMatcher(prepare: (query: string) => PreparedSearch): (query: string, text: string) => number | null {
	let query: string | null = null;
	let terms: { readonly text: string; readonly search: PreparedSearch }[] = [];
	const words = new Map<string, string[]>();
	return (q, text) => {
		if (q !== query) {
			query = q;
			terms = q
				.toLowerCase()
				.split(/\s+/)
				.filter((t) => t !== "")
				.map((t) => ({ text: t, search: prepare(t) }));
		}
		const lower = text.toLowerCase();
		let total = 0;
		for (const term of terms) {
			if (lower.includes(term.text)) {
				total += 100;
				continue;
			}
			let list = words.get(lower);
			if (list === undefined) {
				if (words.size > 50_000) words.clear();
				list = lower.split(/[\s,;|/()[\]]+/).filter((w) => w !== "");
				words.set(lower, list);
			}
			let best: number | null = null;
			for (const word of list) {
				if (word.length < term.text.length) continue;
				const match = term.search(word);
				if (match !== null && (best === null || match.score > best)) best = match.score;
			}
			if (best === null) return null;
			total += best;
		}
		return total;
	};
}
