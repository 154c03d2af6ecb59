/**
 * "Save as note" as a living note: the pane's scope, columns, sort, group and filters written as
 * the note's `compare-*` properties, and a Comparison block already holding the table, so that
 * the block's first refresh changes nothing. Pure: the plugin and the CLI write the same bytes.
 */

import { livingBegin, livingEnd } from "../../shared/core/living-blocks";
import type { LivingKind } from "../../shared/core/living-engine";
import { comparedNotes, GENERATED_KEY, GENERATED_VALUE, type SelectorChoice } from "../../shared/core/selection";
import { parentPath, withoutFrontmatterErrors } from "../../shared/core/vault";
import {
	COMPARISON_BLOCK,
	OPTION_COLUMNS,
	OPTION_FILTER,
	OPTION_GROUP,
	OPTION_PROPERTY,
	OPTION_SCOPE,
	OPTION_SORT,
	OPTION_TAG,
	comparisonBlockOptions,
	comparisonBlockWatcher,
	renderComparisonBlock,
	renderComparisonTable,
	type ComparisonBlockContext,
} from "./comparison-block";
import { isGeneratedComparison } from "./comparison-note";
import { STATE_TOKENS } from "./facets";
import type { Filters } from "./filters";
import { buildModel } from "./model";
import { noteInputs } from "./select";
import { applyView } from "./view";
import { DEFAULT_VIEW_STATE, defaultGroupBy, toViewOptions } from "./view-state";
import { NAME_KEY } from "./view-sort";
import type { ComparisonModel, PropertyTypeName, SortKey } from "./types";

/** What the pane shows, as the living note keeps it. */
export interface SavedView {
	/** The pane's folder, or null for the whole vault. */
	readonly scope: string | null;
	/** The visible columns, in order. */
	readonly columns: readonly string[];
	/** Only the first key is kept (the note's own name breaks ties). */
	readonly sort: readonly SortKey[];
	readonly groupBy: string | null;
	readonly filters: Filters;
	/** Each column's type: a filter on a list column becomes `has`, on any other `in`. */
	readonly types: ReadonlyMap<string, PropertyTypeName>;
	/** The notes compared, when chosen apart from the settings (the CLI's `--property` / `--tag`). */
	readonly selector?: SelectorChoice | null;
}

const LIST_TYPES: ReadonlySet<PropertyTypeName> = new Set(["list", "links", "tags"]);
const STATES: ReadonlySet<string> = new Set(Object.values(STATE_TOKENS));

/** A value (or property name) as the criterion language reads it: quoted, or null when it cannot be. */
function quoted(text: string): string | null {
	if (!text.includes('"')) return `"${text}"`;
	if (!text.includes("'")) return `'${text}'`;
	return null;
}

/**
 * The pane's filters as conditions of the decision grammar. A filter that the grammar cannot say
 * exactly (on "(absent)" / "(empty)", several values of a list property, quotes of both kinds) is
 * left out and named in `dropped`.
 */
export function filterConditions(
	filters: Filters,
	types: ReadonlyMap<string, PropertyTypeName>,
): { conditions: string[]; dropped: string[] } {
	const conditions: string[] = [];
	const dropped: string[] = [];
	for (const key of Object.keys(filters).sort()) {
		const values = filters[key] ?? [];
		if (values.length === 0) continue;
		const name = /^[A-Za-z0-9_.-]+$/.test(key) ? key : quoted(key);
		const texts = values.map(quoted);
		const isList = LIST_TYPES.has(types.get(key) ?? "text");
		if (name === null || values.some((v) => STATES.has(v)) || texts.some((t) => t === null) || (isList && values.length > 1)) {
			dropped.push(key);
			continue;
		}
		conditions.push(isList ? `${name} has ${texts[0] ?? ""}` : `${name} in [${texts.join(", ")}]`);
	}
	return { conditions, dropped };
}

/** A YAML scalar that reads back as exactly this text (JSON's double quotes are valid YAML). */
function yamlText(text: string): string {
	return JSON.stringify(text);
}

/**
 * The living comparison note of what the pane shows, at `holder`. `dropped`: the properties whose
 * filter could not be kept (the caller says so).
 */
export function livingComparisonNote(
	holder: string,
	title: string,
	saved: SavedView,
	ctx: ComparisonBlockContext,
): { readonly text: string; readonly dropped: readonly string[] } {
	const { conditions, dropped } = filterConditions(saved.filters, saved.types);
	const first = saved.sort[0];
	const sort =
		first === undefined || (first.key === NAME_KEY && first.dir === "asc")
			? null
			: `${first.dir === "desc" ? "-" : ""}${first.key === NAME_KEY ? "name" : first.key}`;
	const selector = saved.selector ?? null;
	const choice: [string, string] | null =
		selector === null
			? null
			: selector.kind === "property"
				? [OPTION_PROPERTY, `${selector.key}=${selector.value}`]
				: [OPTION_TAG, selector.tag];
	const yaml = [
		"---",
		`${GENERATED_KEY}: ${GENERATED_VALUE}`,
		`${OPTION_SCOPE}: ${yamlText(saved.scope === null || saved.scope === "" ? "/" : saved.scope)}`,
		`${OPTION_COLUMNS}: [${saved.columns.map(yamlText).join(", ")}]`,
		...(sort === null ? [] : [`${OPTION_SORT}: ${yamlText(sort)}`]),
		...(saved.groupBy === null || saved.groupBy === "" ? [] : [`${OPTION_GROUP}: ${yamlText(saved.groupBy)}`]),
		...(conditions.length === 0 ? [] : [`${OPTION_FILTER}: [${conditions.map(yamlText).join(", ")}]`]),
		...(choice === null ? [] : [`${choice[0]}: ${yamlText(choice[1])}`]),
		"---",
	];
	// The options exactly as the block will read them back from that frontmatter.
	const frontmatter: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	frontmatter[OPTION_SCOPE] = saved.scope === null || saved.scope === "" ? "/" : saved.scope;
	frontmatter[OPTION_COLUMNS] = [...saved.columns];
	if (sort !== null) frontmatter[OPTION_SORT] = sort;
	if (saved.groupBy !== null && saved.groupBy !== "") frontmatter[OPTION_GROUP] = saved.groupBy;
	if (conditions.length > 0) frontmatter[OPTION_FILTER] = conditions;
	if (choice !== null) frontmatter[choice[0]] = choice[1];
	const options = comparisonBlockOptions(holder, frontmatter);
	const lines = options.ok ? renderComparisonTable(holder, options.value, ctx).lines : ["*No notes to compare.*"];
	const text = [
		...yaml,
		"",
		// A folder name may hold `%%`: escaped, it can never open a comment or a block marker.
		`# ${title.replace(/%%/g, "\\%\\%")}`,
		"",
		"Kept current by Framework Notes: edit the `compare-` properties above to change the table. Saving again from the pane replaces this note.",
		"",
		livingBegin(COMPARISON_BLOCK),
		"",
		...lines,
		"",
		livingEnd(COMPARISON_BLOCK),
		"",
	].join("\n");
	return { text, dropped };
}

/** What a comparison pane just opened on `scope` shows: every column, grouped by the settings' property when a column has it. */
export function defaultSavedView(model: ComparisonModel, scope: string | null, groupBySetting: string): SavedView {
	const state = { ...DEFAULT_VIEW_STATE, scope };
	const options = toViewOptions(state, defaultGroupBy(model, groupBySetting));
	return {
		scope,
		columns: applyView(model, options).columns.map((c) => c.key),
		sort: state.sort,
		groupBy: options.groupBy,
		filters: state.filters,
		types: new Map(model.columns.map((c) => [c.key, c.type])),
	};
}

/** A comparison note as an older "Save as note" wrote it, untouched but for its table. */
const STATIC_NOTE =
	/^---\r?\nframework-notes: comparison\r?\n---\r?\n\r?\n# ([^\r\n]*)\r?\n\r?\nGenerated by Framework Notes from \d+ notes?; saving again replaces this note\.\r?\n\r?\n(?:\|[^\r\n]*\r?\n)+$/;

/**
 * An older, static comparison note made living: the living note of a pane opened on its folder,
 * with its title. A static note edited beyond its table is kept (the message says why); null for
 * any other note.
 */
export function upgradeStaticComparison(
	path: string,
	text: string,
	groupBySetting: string,
	ctx: ComparisonBlockContext,
): { readonly text: string } | { readonly message: string } | null {
	if (!isGeneratedComparison(text) || text.includes(livingBegin(COMPARISON_BLOCK))) return null;
	const shape = STATIC_NOTE.exec(text);
	if (shape === null) {
		return {
			message:
				"this comparison note, made by an older Save as note, was edited and is kept as it is; save it again from the pane to make it a living comparison.",
		};
	}
	const folder = parentPath(path);
	const scope = folder === "" ? null : folder;
	const snapshot = withoutFrontmatterErrors(ctx.snapshot);
	const files = comparedNotes(snapshot, { settings: ctx.settings, scope, templatesFolder: ctx.templatesFolder }).filter(
		(f) => f.path !== path,
	);
	const model = buildModel(noteInputs(snapshot, files, false), ctx.propertyTypes ? { propertyTypes: ctx.propertyTypes } : {});
	return { text: livingComparisonNote(path, shape[1] ?? "", defaultSavedView(model, scope, groupBySetting), ctx).text };
}

/** The comparison block as a kind of living block (built for each run, with the current settings). */
export function comparisonKind(ctx: Omit<ComparisonBlockContext, "names">): LivingKind {
	return {
		name: COMPARISON_BLOCK,
		flag: ctx.settings.comparisonFlag,
		render: (holder, names) => renderComparisonBlock(holder, { ...ctx, names }),
		watcher: (holder) => comparisonBlockWatcher(holder, ctx.snapshot),
		adopt: {
			hint: `${GENERATED_KEY}: ${GENERATED_VALUE}`,
			convert: (path, text, names) => upgradeStaticComparison(path, text, ctx.settings.groupBy, { ...ctx, names }),
		},
	};
}
