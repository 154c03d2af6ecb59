/**
 * Exports of a model (or of what a view shows): Markdown table, CSV (RFC 4180) and JSON.
 * Values are untrusted: the Markdown escapes table pipes, raw HTML and embeds.
 */

import type { LinkNames } from "../../shared/core/link-names";
import { rawOf, transientCell } from "./model";
import type { Cell, Column, ComparisonModel, Row, ViewResult, WikiLink } from "./types";

/** What an export prints: these columns, these rows, in this order. */
export interface ExportParts {
	readonly columns: readonly Column[];
	readonly rows: readonly Row[];
}

function parts(model: ComparisonModel, view?: ViewResult): ExportParts {
	return view === undefined ? { columns: model.columns, rows: model.rows } : { columns: view.columns, rows: view.rows };
}

/** The pieces joined. */
function joined(pieces: Iterable<string>): string {
	let text = "";
	for (const piece of pieces) text += piece;
	return text;
}

// ---------------------------------------------------------------- Markdown

/** Link destinations that may stay live in an export; any other `[text](url)` becomes plain text. */
const SAFE_DESTINATION = /^\s*<?\s*(?:https?:\/\/|mailto:|obsidian:\/\/)/i;

/** `](` opens a link destination; it stays only before a safe URL, else its `]` is escaped. */
function inertLinks(text: string): string {
	return text.replace(/\]\(/g, (match: string, offset: number) =>
		SAFE_DESTINATION.test(text.slice(offset + 2, offset + 2 + 16)) ? match : "\\](",
	);
}

/** Characters `markdownText` changes (and `](`, which needs a `]`). */
const NEEDS_ESCAPE = /[\\|<!%\r\n\]]/;

/**
 * Escape text for a Markdown table cell: `\`, `|`, raw HTML, embeds, `%%` (which would open a
 * comment hiding the rest of the table) and links to anything but http, https, mailto and
 * obsidian URLs; newlines become `<br>`.
 */
export function markdownText(text: string): string {
	// Most cells hold none of the characters below: they are their own Markdown.
	if (!NEEDS_ESCAPE.test(text)) return text;
	return inertLinks(
		text
			.replace(/\\/g, "\\\\")
			.replace(/\|/g, "\\|")
			.replace(/</g, "\\<")
			.replace(/!\[/g, "\\![")
			.replace(/%%/g, "\\%\\%")
			.replace(/\r\n|\r|\n/g, "<br>"),
	);
}

export function markdownLink(link: WikiLink): string {
	const ref = markdownText(link.target + (link.subpath ?? ""));
	return link.alias === null ? `[[${ref}]]` : `[[${ref}\\|${markdownText(link.alias)}]]`;
}

function markdownCell(cell: Cell): string {
	if (cell.state !== "value") return "";
	if (cell.type === "checkbox") return cell.raw === true ? "yes" : "no";
	if (cell.items !== undefined) {
		return cell.items.map((item) => (item.link !== undefined ? markdownLink(item.link) : markdownText(item.text))).join(", ");
	}
	return markdownText(cell.display);
}

/**
 * A row's note link: `[[name]]` when no other file of the vault has the note's name (compared
 * case-insensitively, as Obsidian resolves links), else the shortest path that opens it, with the
 * name as text (`[[Flask/Note\|Note]]`). Without the vault's names (`names`), only the rows are
 * compared, and a shared name is linked by the note's full path.
 */
export function noteLinks(rows: readonly Row[], names?: LinkNames): (row: Row) => string {
	const seen = new Map<string, number>();
	for (const row of rows) {
		const key = row.basename.toLowerCase();
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	return (row) => {
		const name = markdownText(row.basename);
		if (names !== undefined && row.path.endsWith(".md")) {
			const target = names.linkPath(noteFile(row.path));
			return target === row.basename ? `[[${name}]]` : `[[${markdownText(target)}\\|${name}]]`;
		}
		if ((seen.get(row.basename.toLowerCase()) ?? 0) < 2) return `[[${name}]]`;
		const target = markdownText(row.path.replace(/\.md$/i, ""));
		return `[[${target}\\|${name}]]`;
	};
}

function noteFile(path: string): { path: string; name: string; basename: string; extension: string } {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return { path, name, basename: name.slice(0, -3), extension: "md" };
}

/**
 * A Markdown table: one row per note (`[[name]]` link first), one column per property. `names`
 * (the vault's shared names) lets note links tell apart notes of the same name outside the rows.
 */
export function toMarkdownTable(model: ComparisonModel, view?: ViewResult, names?: LinkNames): string {
	return joined(markdownPieces(parts(model, view), names));
}

/** `toMarkdownTable` piece by piece: each piece is one line with its line break. */
export function* markdownPieces({ columns, rows }: ExportParts, names?: LinkNames): Generator<string, void, undefined> {
	const link = noteLinks(rows, names);
	const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |\n`;
	yield line(["Note", ...columns.map((c) => markdownText(c.key))]);
	yield line(["---", ...columns.map((c) => (c.type === "number" ? "---:" : "---"))]);
	for (const row of rows) yield line([link(row), ...columns.map((c) => markdownCell(transientCell(row, c.key)))]);
}

// ---------------------------------------------------------------- CSV

/** Spreadsheet formula triggers; such text gets a leading `'` so it stays text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(text: string): string {
	return csvField(FORMULA_START.test(text) ? `'${text}` : text);
}

function csvCell(cell: Cell): string {
	if (cell.state !== "value") return "";
	if (cell.type === "number" && typeof cell.raw === "number") return csvField(cell.display);
	return csvText(cell.display);
}

/** RFC 4180 CSV (CRLF line ends, quoted when needed): note, path, then one column per property. */
export function toCsv(model: ComparisonModel, view?: ViewResult): string {
	return joined(csvPieces(parts(model, view)));
}

/** `toCsv` piece by piece: each piece is one record with its CRLF. */
export function* csvPieces({ columns, rows }: ExportParts): Generator<string, void, undefined> {
	yield ["note", "path", ...columns.map((c) => csvText(c.key))].join(",") + "\r\n";
	for (const row of rows) {
		yield [csvText(row.basename), csvText(row.path), ...columns.map((c) => csvCell(transientCell(row, c.key)))].join(",") + "\r\n";
	}
}

// ---------------------------------------------------------------- JSON

/**
 * A value as the JSON export gives it: its frontmatter value (absent: undefined), where text,
 * booleans and finite numbers are their own JSON and structures take a JSON round trip (bigints
 * as text; a value JSON cannot hold becomes the cell's display text).
 */
function plain(raw: unknown, row: Row, key: string): unknown {
	// Text, booleans, null and finite numbers are their own JSON; only structures need the round trip.
	if (raw === null || typeof raw === "string" || typeof raw === "boolean" || (typeof raw === "number" && Number.isFinite(raw)))
		return raw;
	if (raw === undefined) return undefined;
	const display = (): string => {
		const cell = transientCell(row, key);
		return cell.state === "value" ? cell.display : "";
	};
	try {
		const text = JSON.stringify(raw, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
		return text === undefined ? display() : (JSON.parse(text) as unknown);
	} catch {
		return display();
	}
}

/** `JSON.stringify(value, null, 2)` as it reads nested at `indent` (its later lines indented). */
function nested(value: unknown, indent: string): string {
	if (typeof value !== "object" || value === null) return JSON.stringify(value);
	const text = JSON.stringify(value, null, 2);
	return text.includes("\n") ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** Whether `value` is its own JSON as a list item: text, a boolean, null or a finite number. */
function plainItem(value: unknown): boolean {
	return (
		typeof value === "string" || typeof value === "boolean" || value === null || (typeof value === "number" && Number.isFinite(value))
	);
}

/**
 * `JSON.stringify(text)`: the text between quotes when it holds nothing JSON escapes (a quote, a
 * backslash, a control character) nor a surrogate (a lone one is escaped), which is most values.
 */
function jsonString(text: string): string {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
	}
	return `"${text}"`;
}

/** `JSON.stringify(value)` of a text, a boolean, null or a finite number. */
function plainJson(value: string | boolean | number | null): string {
	return typeof value === "string"
		? jsonString(value)
		: value === null
			? "null"
			: typeof value === "boolean"
				? value
					? "true"
					: "false"
				: String(value);
}

/** A property's JSON text nested at `indent` (what `nested(plain(…))` gives; lists of plain items written directly). */
function propertyJson(raw: unknown, row: Row, key: string, indent: string): string {
	if (typeof raw === "string" || typeof raw === "boolean" || raw === null || (typeof raw === "number" && Number.isFinite(raw)))
		return plainJson(raw);
	if (Array.isArray(raw) && raw.length > 0 && raw.every(plainItem)) {
		let text = "[";
		for (let i = 0; i < raw.length; i++)
			text += `${i === 0 ? "" : ","}\n${indent}  ${plainJson(raw[i] as string | boolean | number | null)}`;
		return `${text}\n${indent}]`;
	}
	return nested(plain(raw, row, key), indent);
}

/** Keys JavaScript objects list first, in numeric order: array indexes (`"0"` … `"4294967294"`). */
function isArrayIndex(key: string): boolean {
	return /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
}

/** The columns in the order an object built from them lists its keys (array indexes first). */
function objectKeyOrder(columns: readonly Column[]): readonly Column[] {
	const indexes = columns.filter((c) => isArrayIndex(c.key)).sort((a, b) => Number(a.key) - Number(b.key));
	return indexes.length === 0 ? columns : [...indexes, ...columns.filter((c) => !isArrayIndex(c.key))];
}

/** JSON: columns (key, type, coverage, conflicts) and notes (absent properties left out). */
export function toJson(model: ComparisonModel, view?: ViewResult): string {
	return joined(jsonPieces(parts(model, view)));
}

/**
 * `toJson` piece by piece: the text `JSON.stringify` gives the whole document with two-space
 * indentation, piece by piece (the columns, then one piece per note).
 */
export function* jsonPieces({ columns, rows }: ExportParts): Generator<string, void, undefined> {
	const head = columns.map((c) => ({ key: c.key, type: c.type, declared: c.declared, coverage: c.coverage, conflicts: c.conflicts }));
	yield `{\n  "columns": ${nested(head, "  ")},\n  "notes": ${rows.length === 0 ? "[]\n}\n" : "[\n"}`;
	if (rows.length === 0) return;
	const keyed = objectKeyOrder(columns).map((c) => ({ key: c.key, name: `\n        ${JSON.stringify(c.key)}: ` }));
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i];
		let text = `    {\n      "path": ${jsonString(row.path)},\n      "basename": ${jsonString(row.basename)},\n      ${row.warning === undefined ? "" : `"warning": ${JSON.stringify(row.warning)},\n      `}"properties": {`;
		let any = false;
		for (const { key, name } of keyed) {
			const raw = rawOf(row, key);
			if (raw === undefined) continue;
			text += `${any ? "," : ""}${name}${propertyJson(raw, row, key, "        ")}`;
			any = true;
		}
		text += any ? "\n      }\n    }" : "}\n    }";
		yield i === rows.length - 1 ? `${text}\n  ]\n}\n` : `${text},\n`;
	}
}
