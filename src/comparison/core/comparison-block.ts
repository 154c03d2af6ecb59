/**
 * The living comparison block: a Markdown table of the framework notes in a scope, from the
 * options in the holding note's own frontmatter (`compare-scope`, `compare-columns`,
 * `compare-sort`, `compare-group`, `compare-filter`, and `compare-property` or `compare-tag` in
 * place of the settings' choice of framework notes). Pure and deterministic: the same vault
 * gives the same bytes on every device (pinned collation, path order as the tie-break, no dates).
 * Contract: docs/living-blocks.md.
 */

import type { LinkNames } from "../../shared/core/link-names";
import type { BlockContent } from "../../shared/core/living-blocks";
import type { CompareSettings } from "../../shared/core/settings";
import { bareTag, comparedNotes, isOneTag, propertyChoice, type SelectorChoice, withSelector } from "../../shared/core/selection";
import { conditionHolds, presenceOf, propertyValue } from "../../shared/core/criterion-values";
import { describeError, parseCriterion, type Condition } from "../../shared/core/criteria";
import { parentPath, withoutFrontmatterErrors, type Frontmatter, type VaultSnapshot } from "../../shared/core/vault";
import { markdownLink, markdownText, noteLinks } from "./export";
import { cellOf, buildModel } from "./model";
import { noteInputs } from "./select";
import { NO_FILTERS } from "./filters";
import { applyView } from "./view";
import { NAME_KEY } from "./view-sort";
import type { Cell, Row, SortKey } from "./types";

export const OPTION_SCOPE = "compare-scope";
export const OPTION_COLUMNS = "compare-columns";
export const OPTION_SORT = "compare-sort";
export const OPTION_GROUP = "compare-group";
export const OPTION_FILTER = "compare-filter";
/** `KEY=VALUE`: the block compares the notes with that property value instead of the settings' choice. */
export const OPTION_PROPERTY = "compare-property";
/** A tag: the block compares the notes with that tag instead of the settings' choice. */
export const OPTION_TAG = "compare-tag";

/** Limits on the options (frontmatter is untrusted). */
const MAX_TEXT = 1024;
const MAX_ITEMS = 200;

export interface ComparisonBlockOptions {
	/** Folder compared ("" = the whole vault). */
	readonly scope: string;
	/** Columns in order, or null for the default (every property that differs). */
	readonly columns: readonly string[] | null;
	readonly sort: { readonly key: string; readonly dir: "asc" | "desc" };
	readonly group: string | null;
	readonly filters: readonly Condition[];
	/** Which notes are compared, when the note says so; null: the settings' choice. */
	readonly selector: SelectorChoice | null;
}

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function text(fm: Frontmatter | null, key: string): Parsed<string | null> {
	if (fm === null || !Object.hasOwn(fm, key)) return { ok: true, value: null };
	const v = fm[key];
	if (v === null || v === undefined || v === "") return { ok: true, value: null };
	if (typeof v !== "string" || v.length > MAX_TEXT)
		return { ok: false, message: `"${key}" must be a text of at most ${MAX_TEXT} characters` };
	return { ok: true, value: v.trim() === "" ? null : v.trim() };
}

function list(fm: Frontmatter | null, key: string): Parsed<string[] | null> {
	if (fm === null || !Object.hasOwn(fm, key)) return { ok: true, value: null };
	const v = fm[key];
	if (v === null || v === undefined) return { ok: true, value: null };
	const items = Array.isArray(v) ? (v as unknown[]) : [v];
	if (items.length > MAX_ITEMS) return { ok: false, message: `"${key}" has more than ${MAX_ITEMS} items` };
	const out: string[] = [];
	for (const item of items) {
		if (typeof item !== "string" || item.length > MAX_TEXT)
			return { ok: false, message: `each item of "${key}" must be a text of at most ${MAX_TEXT} characters` };
		if (item.trim() !== "") out.push(item.trim());
	}
	return { ok: true, value: out };
}

function folderOf(path: string): string {
	return path.replace(/^\/+|\/+$/g, "");
}

/** The block's options from the holding note's frontmatter, or what is wrong with them. */
export function comparisonBlockOptions(holder: string, fm: Frontmatter | null): Parsed<ComparisonBlockOptions> {
	const scope = text(fm, OPTION_SCOPE);
	const columns = list(fm, OPTION_COLUMNS);
	const sort = text(fm, OPTION_SORT);
	const group = text(fm, OPTION_GROUP);
	const filter = list(fm, OPTION_FILTER);
	const property = text(fm, OPTION_PROPERTY);
	const tag = text(fm, OPTION_TAG);
	if (!property.ok) return property;
	if (!tag.ok) return tag;
	let selector: SelectorChoice | null = null;
	if (property.value !== null && tag.value !== null)
		return { ok: false, message: `give "${OPTION_PROPERTY}" or "${OPTION_TAG}", not both` };
	if (property.value !== null) {
		const choice = propertyChoice(property.value);
		if (choice === null) return { ok: false, message: `"${OPTION_PROPERTY}" must be KEY=VALUE, like "type=framework"` };
		selector = { kind: "property", ...choice };
	} else if (tag.value !== null) {
		const bare = bareTag(tag.value);
		if (!isOneTag(bare)) return { ok: false, message: `"${OPTION_TAG}" must be one tag, like "framework"` };
		selector = { kind: "tag", tag: bare };
	}
	if (!scope.ok) return scope;
	if (!columns.ok) return columns;
	if (!sort.ok) return sort;
	if (!group.ok) return group;
	if (!filter.ok) return filter;
	const filters: Condition[] = [];
	for (const item of filter.value ?? []) {
		const parsed = parseCriterion(item, false);
		if (!parsed.ok) return { ok: false, message: `"${OPTION_FILTER}": ${describeError(parsed.error)}` };
		filters.push(parsed.criterion.rule as Condition);
	}
	const sortText = sort.value ?? "";
	const desc = sortText.startsWith("-");
	const sortKey = (desc ? sortText.slice(1) : sortText).trim();
	return {
		ok: true,
		value: {
			scope: scope.value === null ? parentPath(holder) : folderOf(scope.value),
			columns: columns.value,
			sort: { key: sortKey === "" || sortKey === "name" || sortKey === NAME_KEY ? NAME_KEY : sortKey, dir: desc ? "desc" : "asc" },
			group: group.value,
			filters,
			selector,
		},
	};
}

/** What rendering needs besides the note: the vault, the selector, the templates folder, shared names. */
export interface ComparisonBlockContext {
	readonly snapshot: VaultSnapshot;
	readonly settings: CompareSettings;
	readonly templatesFolder: string | null;
	/** Obsidian's property types (`types.json`), as the pane reads them. */
	readonly propertyTypes?: Readonly<Record<string, string>>;
	/** The vault's shared names, so a link opens the right note; without them only the rows are compared. */
	readonly names?: () => LinkNames;
}

/** A cell as the block writes it: escaped text, lists joined with `, `, ✓/✗, `—` when absent. */
export function blockCell(cell: Cell): string {
	if (cell.state === "absent") return "—";
	if (cell.state !== "value") return "";
	if (cell.type === "checkbox" && typeof cell.raw === "boolean") return cell.raw ? "✓" : "✗";
	if (cell.items !== undefined)
		return cell.items.map((item) => (item.link !== undefined ? markdownLink(item.link) : markdownText(item.text))).join(", ");
	return markdownText(cell.display);
}

function passes(filters: readonly Condition[], fm: Frontmatter | null): boolean {
	return filters.every((c) => {
		const value = propertyValue(fm, c.property);
		return (c.kind === "exists" || presenceOf(value) === "value") && conditionHolds(c, value);
	});
}

/** Whether a path lies in (or is a folder holding) the scope folder. */
export function inScope(path: string, scope: string): boolean {
	return scope === "" || path === scope || path.startsWith(`${scope}/`) || scope.startsWith(`${path}/`);
}

/** Which paths the block in `holder` may show (its options read once): those in its scope, and its own note. */
export function comparisonBlockWatcher(holder: string, snapshot: VaultSnapshot): (path: string) => boolean {
	const options = comparisonBlockOptions(holder, snapshot.frontmatter(holder));
	const scope = options.ok ? options.value.scope : parentPath(holder);
	return (path) => path === holder || inScope(path, scope);
}

/** Whether the block in `holder` may show the note (or folder) at `path`: it lies in its scope. */
export function comparisonBlockWatches(holder: string, path: string, snapshot: VaultSnapshot): boolean {
	return comparisonBlockWatcher(holder, snapshot)(path);
}

/** The block's lines for the note at `holder`, with the options of its frontmatter. */
export function renderComparisonBlock(holder: string, ctx: ComparisonBlockContext): BlockContent {
	const parsed = comparisonBlockOptions(holder, ctx.snapshot.frontmatter(holder));
	if (!parsed.ok) return { ok: false, message: `${parsed.message}; the comparison was not updated.` };
	return renderComparisonTable(holder, parsed.value, ctx);
}

/** The block's lines for the note at `holder` with these options (the note itself is never compared). */
export function renderComparisonTable(
	holder: string,
	options: ComparisonBlockOptions,
	ctx: ComparisonBlockContext,
): { readonly ok: true; readonly lines: readonly string[]; readonly shown: readonly string[] } {
	// As the app sees the vault: a note whose YAML is invalid has no properties (and is no row).
	const snapshot = withoutFrontmatterErrors(ctx.snapshot);
	const files = comparedNotes(snapshot, {
		settings: withSelector(ctx.settings, options.selector),
		scope: options.scope,
		templatesFolder: ctx.templatesFolder,
	}).filter((f) => f.path !== holder && passes(options.filters, ctx.snapshot.frontmatter(f.path)));
	const model = buildModel(noteInputs(snapshot, files, false), ctx.propertyTypes ? { propertyTypes: ctx.propertyTypes } : {});
	const sort: SortKey[] = [options.sort];
	if (options.sort.key !== NAME_KEY) sort.push({ key: NAME_KEY, dir: "asc" });
	const view = applyView(model, {
		sort,
		search: "",
		filters: NO_FILTERS,
		groupBy: options.group,
		hiddenColumns: [],
		hideIdentical: options.columns === null && model.rows.length > 1,
		differencesFirst: false,
	});
	const shown = view.rows.map((r) => r.path);
	if (view.rows.length === 0) return { ok: true, lines: ["*No notes to compare.*"], shown };
	// By default the group's own property is left out: the bold line above the rows shows it.
	const keys = options.columns ?? view.columns.map((c) => c.key).filter((k) => k !== options.group);
	const numeric = new Set(model.columns.filter((c) => c.type === "number").map((c) => c.key));
	const link = noteLinks(view.rows, ctx.names?.());
	const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
	const table = (rows: readonly Row[]): string[] => [
		line(["Note", ...keys.map(markdownText)]),
		line(["---", ...keys.map((k) => (numeric.has(k) ? "---:" : "---"))]),
		...rows.map((row) => line([link(row), ...keys.map((k) => blockCell(cellOf(row, k)))])),
	];
	if (view.groups === null) return { ok: true, lines: table(view.rows), shown };
	const lines: string[] = [];
	for (const group of view.groups) {
		if (lines.length > 0) lines.push("");
		lines.push(`**${markdownText(group.label)}**`, "", ...table(group.rows));
	}
	return { ok: true, lines, shown };
}

/** The name in the block's markers: `%% Begin Comparison %%` … `%% End Comparison %%`. */
export const COMPARISON_BLOCK = "Comparison";
