/**
 * Exports of a model (or of what a view shows): Markdown table, CSV (RFC 4180) and JSON.
 * Values are untrusted: the Markdown escapes table pipes, raw HTML and embeds.
 */

import type { LinkNames } from "../../shared/core/link-names";
import { cellOf } from "./model";
import type { Cell, Column, ComparisonModel, Row, ViewResult, WikiLink } from "./types";

function parts(model: ComparisonModel, view?: ViewResult): { columns: readonly Column[]; rows: readonly Row[] } {
	return view === undefined ? { columns: model.columns, rows: model.rows } : { columns: view.columns, rows: view.rows };
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
	const { columns, rows } = parts(model, view);
	const link = noteLinks(rows, names);
	const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
	const lines = [
		line(["Note", ...columns.map((c) => markdownText(c.key))]),
		line(["---", ...columns.map((c) => (c.type === "number" ? "---:" : "---"))]),
		...rows.map((row) => line([link(row), ...columns.map((c) => markdownCell(cellOf(row, c.key)))])),
	];
	return lines.join("\n") + "\n";
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
	const { columns, rows } = parts(model, view);
	const lines = [
		["note", "path", ...columns.map((c) => csvText(c.key))].join(","),
		...rows.map((row) => [csvText(row.basename), csvText(row.path), ...columns.map((c) => csvCell(cellOf(row, c.key)))].join(",")),
	];
	return lines.join("\r\n") + "\r\n";
}

// ---------------------------------------------------------------- JSON

function plain(cell: Cell): unknown {
	switch (cell.state) {
		case "null":
			return null;
		case "empty":
			return cell.raw;
		case "value": {
			const raw = cell.raw;
			// Text, booleans and finite numbers are their own JSON; only structures need the round trip.
			if (typeof raw === "string" || typeof raw === "boolean" || (typeof raw === "number" && Number.isFinite(raw))) return raw;
			try {
				const text = JSON.stringify(cell.raw, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
				return text === undefined ? cell.display : (JSON.parse(text) as unknown);
			} catch {
				return cell.display;
			}
		}
		default:
			return undefined;
	}
}

/** JSON: columns (key, type, coverage, conflicts) and notes (absent properties left out). */
export function toJson(model: ComparisonModel, view?: ViewResult): string {
	const { columns, rows } = parts(model, view);
	const doc = {
		columns: columns.map((c) => ({ key: c.key, type: c.type, declared: c.declared, coverage: c.coverage, conflicts: c.conflicts })),
		notes: rows.map((row) => ({
			path: row.path,
			basename: row.basename,
			warning: row.warning,
			properties: Object.fromEntries(
				columns.flatMap((c) => {
					const cell = cellOf(row, c.key);
					return cell.state === "absent" ? [] : [[c.key, plain(cell)] as const];
				}),
			),
		})),
	};
	return JSON.stringify(doc, null, 2) + "\n";
}
