/**
 * Note text on disk: strict UTF-8 decoding (a file that is not valid UTF-8 is refused rather
 * than silently damaged by replacement characters) and frontmatter extraction.
 */

import { locateFrontmatter } from "../shared/core/frontmatter-block";

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
 * The YAML source of the note's frontmatter block (see `locateFrontmatter`), or null when the
 * note has none.
 */
export function frontmatterSource(text: string): string | null {
	return locateFrontmatter(text)?.yaml ?? null;
}
