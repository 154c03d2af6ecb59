/**
 * Note text on disk: strict UTF-8 decoding (a file that is not valid UTF-8 is refused rather
 * than silently damaged by replacement characters) and frontmatter extraction.
 */

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export class TextDecodeError extends Error {}

/** Decode bytes as UTF-8, keeping a byte-order mark if there is one. Throws TextDecodeError. */
export function decodeUtf8(bytes: Uint8Array): string {
	try {
		return decoder.decode(bytes);
	} catch {
		throw new TextDecodeError("not valid UTF-8 text");
	}
}

/**
 * The YAML source between the opening `---` line (the note's first line) and the next `---`
 * line, or null when the note has no frontmatter. CRLF line endings are accepted.
 */
export function frontmatterSource(text: string): string | null {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith("---", start)) return null;
	const firstEnd = text.indexOf("\n", start);
	if (firstEnd < 0) return null;
	if (text.slice(start + 3, firstEnd).trimEnd() !== "") return null;
	const bodyStart = firstEnd + 1;
	let lineStart = bodyStart;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf("\n", lineStart);
		if (lineEnd < 0) lineEnd = text.length;
		const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
		if (line.trimEnd() === "---") return text.slice(bodyStart, lineStart);
		if (lineEnd === text.length) return null;
		lineStart = lineEnd + 1;
	}
	return null;
}
