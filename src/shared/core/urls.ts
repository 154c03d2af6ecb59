/** Which URLs may become links: `http`, `https`, `mailto` and `obsidian`, nothing before the scheme. */

/**
 * An allowed scheme at the very start, then no whitespace or control characters anywhere: so
 * nothing before the scheme (`javascript:`, `data:`, ` java\tscript:`, NUL) can change what a
 * browser sees. Other schemes never match.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const URL_SHAPE = /^(https?:\/\/|mailto:|obsidian:\/\/)[^\s\u0000-\u001f\u007f-\u009f\\]+$/i;

/** Whether text (already trimmed) has the shape of an allowed URL. */
export function isUrlShaped(text: string): boolean {
	return URL_SHAPE.test(text);
}

/**
 * The URL (scheme in lower case) when `text` is an http, https, mailto or obsidian URL, else
 * null. Leading and trailing spaces are allowed.
 */
export function safeUrl(text: string): string | null {
	const trimmed = text.trim();
	if (!URL_SHAPE.test(trimmed)) return null;
	const colon = trimmed.indexOf(":");
	const scheme = trimmed.slice(0, colon);
	const lower = scheme.toLowerCase();
	return lower === scheme ? trimmed : lower + trimmed.slice(colon);
}
