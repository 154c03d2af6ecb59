/** Turning a framework's name into a file name every platform and Obsidian's links accept. */

export type FileNameResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: string };

/**
 * Windows device names, refused with any extension ("NUL.txt" is the device too) and in any
 * letter case: CON, PRN, AUX, NUL, COM0–9, LPT0–9 (also with superscript digits), CONIN$, CONOUT$.
 */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;

function isReserved(name: string): boolean {
	const stem = name.split(".", 1)[0] ?? "";
	return RESERVED.test(stem.trimEnd());
}

/**
 * `name` made safe for a file name: characters that break paths or links
 * (`\ / : * ? " < > | # ^ [ ]` and control characters) become spaces, spaces are collapsed,
 * leading dots and spaces (so `../../x` cannot become a hidden `.. x`) and trailing dots or
 * spaces are removed. Refuses names that end up empty,
 * reserved device names (`CON`, `NUL`, …) and names longer than 200 characters.
 */
export function sanitizeFileName(name: string): FileNameResult {
	const cleaned = name
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
		.replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]/g, " ")
		.replace(/\s+/g, " ")
		.replace(/^[. ]+/, "")
		.replace(/[. ]+$/, "");
	if (cleaned === "") return { ok: false, error: `"${name}" has no characters usable in a file name` };
	if (isReserved(cleaned)) return { ok: false, error: `"${cleaned}" is a reserved file name` };
	if (cleaned.length > 200) return { ok: false, error: "the name is longer than 200 characters" };
	return { ok: true, name: cleaned };
}

/** `folder/name.md`, with the vault root as `""` or `/`. */
export function notePath(folder: string, baseName: string): string {
	const dir = folder.replace(/^\/+|\/+$/g, "");
	return dir === "" ? `${baseName}.md` : `${dir}/${baseName}.md`;
}
