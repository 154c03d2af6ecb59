/** Turning a framework's name into a file name every platform and Obsidian's links accept. */

export type FileNameResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: string };

const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * `name` made safe for a file name: characters that break paths or links
 * (`\ / : * ? " < > | # ^ [ ]` and control characters) become spaces, spaces are collapsed,
 * leading dots and trailing dots or spaces are removed. Refuses names that end up empty,
 * reserved device names (`CON`, `NUL`, …) and names longer than 200 characters.
 */
export function sanitizeFileName(name: string): FileNameResult {
	const cleaned = name
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
		.replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]/g, " ")
		.replace(/\s+/g, " ")
		.trim()
		.replace(/^\.+/, "")
		.replace(/[. ]+$/, "")
		.trim();
	if (cleaned === "") return { ok: false, error: `"${name}" has no characters usable in a file name` };
	if (RESERVED.test(cleaned)) return { ok: false, error: `"${cleaned}" is a reserved file name` };
	if (cleaned.length > 200) return { ok: false, error: "the name is longer than 200 characters" };
	return { ok: true, name: cleaned };
}

/** `folder/name.md`, with the vault root as `""` or `/`. */
export function notePath(folder: string, baseName: string): string {
	const dir = folder.replace(/^\/+|\/+$/g, "");
	return dir === "" ? `${baseName}.md` : `${dir}/${baseName}.md`;
}
