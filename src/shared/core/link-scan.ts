/**
 * Wiki links (`[[target|alias]]`) and Markdown links (`[label](destination)`) found in one pass
 * over the text, so a name made of thousands of brackets costs no more than any other name.
 * The rules are those of Obsidian's own reading: a wiki link holds no `]`, a Markdown label holds
 * no `]`, a destination holds no `)`.
 */

export interface WikiSpan {
	/** Offset of `[[` (or of a `!` right before it, for embeds). */
	readonly start: number;
	/** Offset just past `]]`. */
	readonly end: number;
	/** Everything between the brackets: `target`, `target|alias`, `target#heading`. */
	readonly inner: string;
}

export interface MarkdownSpan {
	/** Offset of `[` (or of a `!` right before it, for images). */
	readonly start: number;
	/** Offset just past `)`. */
	readonly end: number;
	readonly label: string;
	readonly destination: string;
}

/** Every wiki link, left to right, none overlapping. */
export function wikiSpans(text: string): WikiSpan[] {
	const spans: WikiSpan[] = [];
	let from = 0;
	for (;;) {
		const open = text.indexOf("[[", from);
		if (open < 0) break;
		const close = text.indexOf("]", open + 2);
		if (close < 0) break;
		// Every `[[` before `close` meets the same first `]`: one check decides them all.
		if (text[close + 1] !== "]") {
			from = close + 1;
			continue;
		}
		const start = open > from && text[open - 1] === "!" ? open - 1 : open;
		spans.push({ start, end: close + 2, inner: text.slice(open + 2, close) });
		from = close + 2;
	}
	return spans;
}

/**
 * Every Markdown link, left to right, none overlapping. `accept` may refuse a destination (the
 * search then goes on after the label's `]`, where the next link may start).
 */
export function markdownSpans(text: string, accept: (destination: string) => boolean = () => true): MarkdownSpan[] {
	const spans: MarkdownSpan[] = [];
	let from = 0;
	for (;;) {
		const open = text.indexOf("[", from);
		if (open < 0) break;
		const close = text.indexOf("]", open + 1);
		if (close < 0) break;
		if (text[close + 1] !== "(") {
			from = close + 1;
			continue;
		}
		const end = text.indexOf(")", close + 2);
		if (end < 0) break;
		const destination = text.slice(close + 2, end);
		if (!accept(destination)) {
			from = close + 1;
			continue;
		}
		const start = open > from && text[open - 1] === "!" ? open - 1 : open;
		spans.push({ start, end: end + 1, label: text.slice(open + 1, close), destination });
		from = end + 1;
	}
	return spans;
}

/** `text` with each span replaced by what `replace` returns for it. */
export function replaceSpans<S extends { readonly start: number; readonly end: number }>(
	text: string,
	spans: readonly S[],
	replace: (span: S) => string,
): string {
	if (spans.length === 0) return text;
	let out = "";
	let at = 0;
	for (const span of spans) {
		out += text.slice(at, span.start) + replace(span);
		at = span.end;
	}
	return out + text.slice(at);
}
