/**
 * The template engine: `{{title}}`, `{{date}}`, `{{time}}` (each date/time with an optional
 * moment format, `{{date:YYYY}}`), `{{folder}}` and `{{cursor}}`. Anything else in braces is
 * left exactly as written.
 */
import { type FormatDate, formatDate as defaultFormatDate } from "./format-date";
import { splitFrontmatter } from "../../shared/core/frontmatter-edit";

export const DEFAULT_DATE_FORMAT = "YYYY-MM-DD";
export const DEFAULT_TIME_FORMAT = "HH:mm";

export interface TemplateContext {
	/** The note's name (file name without `.md`). */
	readonly title: string;
	/** The note's folder, vault-relative (`""` for the vault root). */
	readonly folder: string;
	readonly date: Date;
	/** Moment-style formatter; defaults to the small built-in one. */
	readonly formatDate?: FormatDate;
	readonly dateFormat?: string;
	readonly timeFormat?: string;
}

export interface RenderedTemplate {
	/** The template's frontmatter YAML with variables filled in, or null when it has none. */
	readonly frontmatter: string | null;
	/** The body with variables filled in and every `{{cursor}}` removed. */
	readonly body: string;
	/** Offset in `body` of the first `{{cursor}}`, or null. */
	readonly cursor: number | null;
}

const VARIABLE = /\{\{\s*(title|date|time|folder|cursor)\s*(?::([^{}]*))?\}\}/g;

/** The value of a variable, or null when it must stay as written (e.g. `{{title:x}}`). */
function resolve(name: string, format: string | undefined, ctx: TemplateContext): string | null {
	const format_ = ctx.formatDate ?? defaultFormatDate;
	switch (name) {
		case "title":
			return format === undefined ? ctx.title : null;
		case "folder":
			return format === undefined ? ctx.folder : null;
		case "date":
			return format_(ctx.date, format?.trim() || ctx.dateFormat || DEFAULT_DATE_FORMAT);
		case "time":
			return format_(ctx.date, format?.trim() || ctx.timeFormat || DEFAULT_TIME_FORMAT);
		default:
			return null;
	}
}

/** Fill the variables of a body; `{{cursor}}` markers are removed and the first one reported. */
export function renderBody(text: string, ctx: TemplateContext): { text: string; cursor: number | null } {
	let out = "";
	let last = 0;
	let cursor: number | null = null;
	for (const match of text.matchAll(VARIABLE)) {
		const [whole, name = "", format] = match;
		out += text.slice(last, match.index);
		last = match.index + whole.length;
		if (name === "cursor") {
			if (format !== undefined) out += whole;
			else cursor ??= out.length;
			continue;
		}
		out += resolve(name, format, ctx) ?? whole;
	}
	out += text.slice(last);
	return { text: out, cursor };
}

/** A YAML scalar that reads back as exactly `value` when written plain. */
function yamlPlainSafe(value: string): boolean {
	if (value === "" || value !== value.trim()) return false;
	if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
	if (/: |:$| #|[\n\r\t]/.test(value)) return false;
	if (/^(?:true|false|yes|no|on|off|null|~)$/i.test(value)) return false;
	return !/^[-+]?(?:\.?\d|\.(?:inf|nan))/i.test(value) || /^\d{4}-\d{2}-\d{2}$/.test(value);
}

const WHOLE_VALUE = /^(\s*(?:-\s+|[^\s#'"][^:#]*:\s+))\{\{\s*(title|date|time|folder)\s*(?::([^{}]*))?\}\}\s*$/;

/**
 * Fill the variables of frontmatter YAML. A variable that is a property's whole value is
 * quoted when its text would not read back as the same string (`title: C: the language`);
 * `{{cursor}}` has no meaning in properties and is dropped.
 */
export function renderFrontmatter(yaml: string, ctx: TemplateContext): string {
	return yaml
		.split("\n")
		.map((line) => {
			const whole = WHOLE_VALUE.exec(line);
			if (whole) {
				const [, prefix = "", name = "", format] = whole;
				const value = resolve(name, format, ctx);
				if (value !== null) return prefix + (yamlPlainSafe(value) ? value : JSON.stringify(value));
			}
			return renderBody(line, ctx).text;
		})
		.join("\n");
}

/** Render a whole template: frontmatter and body, with the body's cursor position. */
export function renderTemplate(template: string, ctx: TemplateContext): RenderedTemplate {
	const { frontmatter, body } = splitFrontmatter(template);
	const rendered = renderBody(body, ctx);
	return {
		frontmatter: frontmatter === null ? null : renderFrontmatter(frontmatter, ctx),
		body: rendered.text,
		cursor: rendered.cursor,
	};
}
