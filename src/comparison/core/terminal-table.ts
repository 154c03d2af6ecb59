/**
 * An aligned plain-text table that never exceeds a terminal width: columns get their natural
 * width when it fits, otherwise the widest are narrowed and their cells cut with "…"; headers
 * are never cut so far that two look alike; columns that cannot fit at all are left out (the
 * caller names them). Widths follow Unicode's East Asian Width (emoji are two columns).
 * Cell text is untrusted (frontmatter): control characters are made harmless first.
 */

import { eastAsianWidth } from "get-east-asian-width";
import { CONTROL_CHARACTERS } from "../../shared/core/printable";

const ELLIPSIS = "…";
const GAP = "  ";
const MIN_COLUMN = 3;
const MAX_HEADER = 9;
const MAX_FIRST = 24;

/** Text safe to print on a terminal: no control characters; tabs and newlines become spaces. */
export function terminalSafe(text: string): string {
	return text.replace(/[\t\r\n]+/g, " ").replace(CONTROL_CHARACTERS, "\uFFFD");
}

/** The same for multi-line output (CSV, markdown): keeps tabs and line breaks. */
export function terminalSafeLines(text: string): string {
	return text.replace(CONTROL_CHARACTERS, "\uFFFD");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]/u;
const EMOJI = /^\p{Emoji_Presentation}|^\p{Extended_Pictographic}\uFE0F|^\p{Regional_Indicator}{2}/u;

/** Columns one user-perceived character takes: emoji 2, East Asian wide 2, marks and joiners 0. */
function graphemeWidth(grapheme: string): number {
	if (EMOJI.test(grapheme)) return 2;
	if (ZERO_WIDTH.test(grapheme)) return 0;
	return eastAsianWidth(grapheme.codePointAt(0) ?? 0);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ONE_COLUMN_EACH = /^[\x20-\x7e\u2026]*$/;

/**
 * Columns a string takes on a terminal, by Unicode's East Asian Width: wide characters and
 * emoji (✨ too) count 2, combining marks and joiners 0.
 */
export function displayWidth(text: string): number {
	// Printable ASCII (most cells), maybe cut with "…" (one column, a grapheme of its own): one
	// column a character, without segmenting (a segmenter holds native memory until collected).
	if (ONE_COLUMN_EACH.test(text)) return text.length;
	let width = 0;
	for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
	return width;
}

/** Cut `text` to at most `width` columns, ending with "…" when cut; never splits a character. */
export function truncate(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 0) return "";
	if (PRINTABLE_ASCII.test(text)) return text.slice(0, width - 1) + ELLIPSIS;
	let out = "";
	let used = 0;
	for (const { segment } of graphemes.segment(text)) {
		const w = graphemeWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}
	return out + ELLIPSIS;
}

function pad(text: string, width: number): string {
	return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Column widths that fit `total` columns (gaps included), shared max-min fairly: narrow columns
 * keep their natural width, the remaining room is split evenly among the wider ones. No column
 * gets less than its minimum (by default the smaller of its natural width and 3).
 */
export function fitWidths(natural: readonly number[], total: number, minimum: readonly number[] = []): number[] {
	const gaps = GAP.length * Math.max(0, natural.length - 1);
	if (natural.reduce((a, b) => a + b, 0) + gaps <= total) return [...natural];
	// Every column first gets its minimum; the room left is then shared out fairly.
	const widths = natural.map((w, i) => Math.min(w, minimum[i] ?? MIN_COLUMN));
	let room = Math.max(0, total - gaps - widths.reduce((a, b) => a + b, 0));
	const order = natural.map((w, i) => [w - (widths[i] ?? 0), i] as const).sort((a, b) => a[0] - b[0]);
	let left = order.length;
	for (const [wanted, i] of order) {
		const extra = Math.min(wanted, Math.floor(room / left));
		widths[i] = (widths[i] ?? 0) + extra;
		room -= extra;
		left--;
	}
	return widths;
}

/**
 * The narrowest a header may be cut to and still name one column: its first characters up to
 * where it differs from every other header, then "…" (`cover`, `coordinates` and `color` give
 * `cov…`, `coo…`, `col…`, never three `co…`).
 */
export function headerMinimum(header: string, others: readonly string[]): number {
	const chars = [...header];
	let shared = 0;
	for (const other of others) {
		if (other === header) continue;
		const theirs = [...other];
		let same = 0;
		while (same < chars.length && same < theirs.length && chars[same] === theirs[same]) same++;
		shared = Math.max(shared, same);
	}
	if (shared + 1 >= chars.length) return displayWidth(header);
	return displayWidth(chars.slice(0, shared + 1).join("")) + 1;
}

export interface TableSection {
	/** A heading line printed above the rows (a group label), or null. */
	readonly label: string | null;
	/**
	 * The rows' cells. Read twice (widths first, then the lines), so a long table can make its
	 * rows on each read instead of holding them.
	 */
	readonly rows: Iterable<readonly string[]>;
}

export interface TableLayout {
	readonly text: string;
	/** Headers of the columns left out because they did not fit, in table order. */
	readonly omitted: readonly string[];
}

/** A table's lines, made as they are read (each ends with its line break), and the columns left out. */
export interface TableLines {
	readonly lines: Iterable<string>;
	/** Headers of the columns left out because they did not fit, in table order. */
	readonly omitted: readonly string[];
}

/** Render a table: header, a rule, then the sections' rows; no line is wider than `width`. */
export function renderTable(headers: readonly string[], sections: readonly TableSection[], width: number): string {
	return layoutTable(headers, sections, width).text;
}

/**
 * The table and the columns it had to leave out: columns keep their order, and the first ones
 * are kept while each can still show an unambiguous header and a few characters of its values.
 */
export function layoutTable(headers: readonly string[], sections: readonly TableSection[], width: number): TableLayout {
	const { lines, omitted } = tableLines(headers, sections, width);
	return { text: [...lines].join(""), omitted };
}

/**
 * `layoutTable` with its lines made as they are read: the column widths are measured over every
 * row first (the rows are read once for that), then each line is made from its row's cells.
 */
export function tableLines(headers: readonly string[], sections: readonly TableSection[], width: number): TableLines {
	const clean = (s: string): string => terminalSafe(s);
	const allHead = headers.map(clean);
	// The widest cell of each column, over every row.
	const widestCell = allHead.map(() => 0);
	for (const s of sections) {
		for (const r of s.rows) {
			for (let i = 0; i < widestCell.length; i++) widestCell[i] = Math.max(widestCell[i] ?? 0, displayWidth(clean(r[i] ?? "")));
		}
	}
	// A long header may be cut ("first_rel…") rather than widen a column of short values, but
	// never so far that two headers look the same.
	const minimum = allHead.map((h) => Math.max(1, headerMinimum(h, allHead)));
	const widest = (i: number, header: number): number => Math.max(1, header, minimum[i] ?? 1, widestCell[i] ?? 0);
	const whole = allHead.map((h, i) => widest(i, displayWidth(h)));
	const natural =
		whole.reduce((a, b) => a + b, 0) + GAP.length * (whole.length - 1) <= width
			? whole
			: allHead.map((h, i) => widest(i, Math.min(displayWidth(h), MAX_HEADER)));
	// The first column names the row: it keeps up to MAX_FIRST columns before others are cut.
	const first = Math.max(1, Math.min(natural[0] ?? 0, MAX_FIRST, Math.floor(width / 3)));
	const leastOf = (i: number): number => Math.max(minimum[i] ?? 1, Math.min(natural[i] ?? 1, MIN_COLUMN));
	let room = width - first;
	const kept = [0];
	const omitted: string[] = [];
	for (let i = 1; i < allHead.length; i++) {
		const least = leastOf(i);
		if (omitted.length === 0 && room >= GAP.length + least) {
			kept.push(i);
			room -= GAP.length + least;
		} else {
			omitted.push(allHead[i] ?? "");
		}
	}
	const rest = kept.slice(1);
	const widths =
		rest.length > 0
			? [
					first,
					...fitWidths(
						rest.map((i) => natural[i] ?? 1),
						width - first - GAP.length,
						rest.map(leastOf),
					),
				]
			: [first];
	/** The line of a row's cells (only the kept columns are cleaned and cut). */
	const line = (cells: readonly string[], cleaned: boolean): string => {
		let text = "";
		for (let k = 0; k < kept.length; k++) {
			const raw = cells[kept[k] ?? 0] ?? "";
			const c = cleaned ? raw : clean(raw);
			const w = widths[k] ?? 1;
			if (k > 0) text += GAP;
			text += k === kept.length - 1 ? truncate(c, w) : pad(truncate(c, w), w);
		}
		return text.trimEnd() + "\n";
	};
	function* lines(): Generator<string, void, undefined> {
		yield line(allHead, true);
		yield widths.map((w) => "─".repeat(w)).join(GAP) + "\n";
		for (const section of sections) {
			if (section.label !== null) yield truncate(clean(section.label), width) + "\n";
			for (const row of section.rows) yield line(row, false);
		}
	}
	return { lines: lines(), omitted };
}
