/** Building framework notes from the template: one note's text, and an outline import plan. */
import { DEFAULT_TEMPLATE } from "../../shared/core/framework-note";
import { renderTemplate, type TemplateContext } from "./engine";
import { notePath, sanitizeFileName } from "./file-name";
import type { FormatDate } from "./format-date";
import { frontmatterBlock, mergeProperties, type Parsed, type PropertyEntry } from "../../shared/core/frontmatter-edit";
import { parseOutline, type OutlineItem } from "./outline";

export interface TemplateOptions {
	/** The template's text; the built-in template when omitted. */
	readonly template?: string;
	/** "Now" for `{{date}}` / `{{time}}`. */
	readonly date?: Date;
	readonly formatDate?: FormatDate;
	readonly dateFormat?: string;
	readonly timeFormat?: string;
}

export interface NoteFields {
	readonly title: string;
	readonly folder: string;
	/** Properties set on the new note (empty strings are left out). */
	readonly properties?: readonly PropertyEntry[];
}

export interface BuiltNote {
	readonly text: string;
	/** Offset of the template's `{{cursor}}` in `text`, or null. */
	readonly cursor: number | null;
}

/** The full text of a new note made from the template, with `properties` set. */
export function buildNoteText(fields: NoteFields, options: TemplateOptions = {}): Parsed<string> {
	const built = buildNote(fields, options);
	return built.ok ? { ok: true, value: built.value.text } : built;
}

/** Like `buildNoteText`, also telling where `{{cursor}}` was. */
export function buildNote(fields: NoteFields, options: TemplateOptions = {}): Parsed<BuiltNote> {
	const ctx: TemplateContext = {
		title: fields.title,
		folder: fields.folder,
		date: options.date ?? new Date(),
		formatDate: options.formatDate,
		dateFormat: options.dateFormat,
		timeFormat: options.timeFormat,
	};
	const rendered = renderTemplate(options.template ?? DEFAULT_TEMPLATE, ctx);
	const props = (fields.properties ?? []).filter(([, v]) => !(typeof v === "string" && v.trim() === ""));
	if (rendered.frontmatter === null && props.length === 0) return { ok: true, value: { text: rendered.body, cursor: rendered.cursor } };
	const merged = mergeProperties(rendered.frontmatter, props, "set");
	if (!merged.ok) return { ok: false, error: `the template's frontmatter: ${merged.error}` };
	const body = rendered.body.replace(/^(?:[ \t]*\r?\n)+/, "");
	const block = frontmatterBlock(merged.value.yaml);
	const cursor = rendered.cursor === null ? null : block.length + Math.max(0, rendered.cursor - (rendered.body.length - body.length));
	return { ok: true, value: { text: block + body, cursor } };
}

export interface PlannedNote {
	readonly path: string;
	readonly text: string;
	readonly item: OutlineItem;
}

export interface SkippedItem {
	readonly name: string;
	readonly path: string;
	readonly reason: string;
	readonly item: OutlineItem;
}

export interface ImportPlan {
	readonly create: PlannedNote[];
	readonly skip: SkippedItem[];
}

/**
 * Plan notes for `items` in `folder`: one per item with `category` (the slug) and `summary`
 * set. An item whose note already exists (compared without regard to case), that repeats an
 * earlier item, or whose name is unusable as a file name is skipped with a reason.
 */
export function planItems(
	items: readonly OutlineItem[],
	folder: string,
	existingPaths: ReadonlySet<string>,
	options: TemplateOptions = {},
): ImportPlan {
	const existing = new Set([...existingPaths].map((p) => p.toLowerCase()));
	const planned = new Set<string>();
	const plan: ImportPlan = { create: [], skip: [] };
	const date = options.date ?? new Date();
	for (const item of items) {
		const fileName = sanitizeFileName(item.linkTarget ?? item.name);
		if (!fileName.ok) {
			plan.skip.push({ name: item.name, path: "", reason: fileName.error, item });
			continue;
		}
		const path = notePath(folder, fileName.name);
		const key = path.toLowerCase();
		if (planned.has(key)) {
			plan.skip.push({ name: item.name, path, reason: "listed twice in the outline", item });
			continue;
		}
		planned.add(key);
		if (existing.has(key)) {
			plan.skip.push({ name: item.name, path, reason: "a note with this name already exists", item });
			continue;
		}
		const text = buildNoteText(
			{
				title: fileName.name,
				folder: folder.replace(/^\/+|\/+$/g, ""),
				properties: [
					["category", item.categorySlug],
					["summary", item.summary],
				],
			},
			{ ...options, date },
		);
		if (!text.ok) {
			plan.skip.push({ name: item.name, path, reason: text.error, item });
			continue;
		}
		plan.create.push({ path, text: text.value, item });
	}
	return plan;
}

/** Parse `outlineText` and plan one note per item in `outlineFolder` (see `planItems`). */
export function planOutlineImport(
	outlineText: string,
	outlineFolder: string,
	existingPaths: ReadonlySet<string>,
	templateOptions: TemplateOptions = {},
): ImportPlan {
	return planItems(parseOutline(outlineText), outlineFolder, existingPaths, templateOptions);
}

/** Categories used by framework notes, most used first (then alphabetically). */
export function collectCategories(
	frontmatters: Iterable<Readonly<Record<string, unknown>> | null | undefined>,
	typeValue = "framework",
): string[] {
	const counts = new Map<string, number>();
	for (const fm of frontmatters) {
		if (!fm) continue;
		const type = fm.type;
		const types = Array.isArray(type) ? type : [type];
		if (!types.some((t) => typeof t === "string" && t.toLowerCase() === typeValue.toLowerCase())) continue;
		const raw = fm.category;
		for (const value of Array.isArray(raw) ? raw : [raw]) {
			if (typeof value !== "string" && typeof value !== "number") continue;
			const category = String(value).trim();
			if (category !== "") counts.set(category, (counts.get(category) ?? 0) + 1);
		}
	}
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
