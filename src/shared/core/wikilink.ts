/** Obsidian `[[target#subpath|alias]]` links inside text: the one parser of a link's parts. */

/** A parsed `[[target#subpath|alias]]`. All parts are plain text. */
export interface WikiLink {
	/** Link target without subpath, e.g. `Flask` or `Web/Flask`. */
	readonly target: string;
	/** `#Heading` or `#^block`, or null. */
	readonly subpath: string | null;
	readonly alias: string | null;
	/** What to show: the alias, or the target (with subpath). */
	readonly text: string;
}

export const LINK_RE = /\[\[([^[\]]+)\]\]/g;
const WHOLE_LINK_RE = /^\s*\[\[([^[\]]+)\]\]\s*$/;

export function parseLinkInner(inner: string): WikiLink {
	const pipe = inner.indexOf("|");
	const ref = pipe < 0 ? inner : inner.slice(0, pipe);
	const alias = pipe < 0 ? null : inner.slice(pipe + 1).trim();
	const hash = ref.indexOf("#");
	const target = (hash < 0 ? ref : ref.slice(0, hash)).trim();
	const subpath = hash < 0 ? null : ref.slice(hash).trim();
	const shown = alias !== null && alias !== "" ? alias : target + (subpath ?? "");
	return { target, subpath, alias: alias === "" ? null : alias, text: shown };
}

/** The link when the whole string is one `[[...]]`, else null. */
export function wholeLink(text: string): WikiLink | null {
	if (!text.includes("[[")) return null;
	const m = WHOLE_LINK_RE.exec(text);
	return m ? parseLinkInner(m[1]) : null;
}
