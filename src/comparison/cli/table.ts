/**
 * An aligned plain-text table that fits a terminal width: columns get their natural width when
 * it fits, otherwise the widest are narrowed and their cells cut with "…".
 * Cell text is untrusted (frontmatter): control characters are made harmless first.
 */

const ELLIPSIS = "…";
const GAP = "  ";
const MIN_COLUMN = 3;
const MAX_HEADER = 9;
const MAX_FIRST = 24;

/** Terminal control characters (escape sequences would let a note drive the terminal). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print on a terminal: no control characters; tabs and newlines become spaces. */
export function terminalSafe(text: string): string {
	return text.replace(/[\t\r\n]+/g, " ").replace(CONTROL, "\uFFFD");
}

/** The same for multi-line output (CSV, markdown): keeps tabs and line breaks. */
export function terminalSafeLines(text: string): string {
	return text.replace(CONTROL, "\uFFFD");
}

function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1faff) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

function isZeroWidth(code: number): boolean {
	return (code >= 0x0300 && code <= 0x036f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f);
}

function charWidth(ch: string): number {
	const code = ch.codePointAt(0) ?? 0;
	if (isZeroWidth(code)) return 0;
	return isWide(code) ? 2 : 1;
}

/** Columns a string takes on a terminal (wide East Asian characters and emoji count 2). */
export function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += charWidth(ch);
	return width;
}

/** Cut `text` to at most `width` columns, ending with "…" when cut. */
export function truncate(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 0) return "";
	let out = "";
	let used = 0;
	for (const ch of text) {
		const w = charWidth(ch);
		if (used + w > width - 1) break;
		out += ch;
		used += w;
	}
	return out + ELLIPSIS;
}

function pad(text: string, width: number): string {
	return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Column widths that fit `total` columns (gaps included), shared max-min fairly: narrow columns
 * keep their natural width, the remaining room is split evenly among the wider ones.
 */
export function fitWidths(natural: readonly number[], total: number): number[] {
	const gaps = GAP.length * Math.max(0, natural.length - 1);
	if (natural.reduce((a, b) => a + b, 0) + gaps <= total) return [...natural];
	const widths = natural.map(() => 0);
	const order = natural.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
	let room = Math.max(0, total - gaps);
	let left = order.length;
	for (const [w, i] of order) {
		const share = Math.floor(room / left);
		widths[i] = Math.max(Math.min(w, MIN_COLUMN), Math.min(w, share));
		room -= widths[i];
		left--;
	}
	return widths;
}

export interface TableSection {
	/** A heading line printed above the rows (a group label), or null. */
	readonly label: string | null;
	readonly rows: readonly (readonly string[])[];
}

/** Render a table: header, a rule, then the sections' rows; no line is wider than `width`. */
export function renderTable(headers: readonly string[], sections: readonly TableSection[], width: number): string {
	const clean = (s: string): string => terminalSafe(s);
	const head = headers.map(clean);
	const body = sections.map((s) => ({ label: s.label === null ? null : clean(s.label), rows: s.rows.map((r) => r.map(clean)) }));
	// A long header may be cut ("first_rel…") rather than widen a column of short values.
	const natural = head.map((h, i) => {
		let w = Math.min(displayWidth(h), MAX_HEADER);
		for (const s of body) for (const r of s.rows) w = Math.max(w, displayWidth(r[i] ?? ""));
		return Math.max(1, w);
	});
	// The first column names the row: it keeps up to MAX_FIRST columns before others are cut.
	const first = Math.min(natural[0] ?? 0, MAX_FIRST, Math.floor(width / 3));
	const widths = natural.length > 1 ? [first, ...fitWidths(natural.slice(1), width - first - GAP.length)] : fitWidths(natural, width);
	const line = (cells: readonly string[]): string =>
		cells
			.map((c, i) => {
				const w = widths[i];
				return i === cells.length - 1 ? truncate(c, w) : pad(truncate(c, w), w);
			})
			.join(GAP)
			.trimEnd();
	const lines: string[] = [line(head), widths.map((w) => "─".repeat(w)).join(GAP)];
	for (const section of body) {
		if (section.label !== null) lines.push(truncate(section.label, width));
		for (const row of section.rows) lines.push(line(head.map((_, i) => row[i] ?? "")));
	}
	return lines.join("\n") + "\n";
}
