/** Text that is a link: allowed URLs, and Obsidian `[[wikilinks]]` inside a value. */

import { LINK_RE, parseLinkInner, type WikiLink } from "../../shared/core/wikilink";

export { wholeLink } from "../../shared/core/wikilink";
export { isUrlShaped, safeUrl } from "../../shared/core/urls";

/** `text` with each `[[...]]` replaced by what the link shows (its alias, else its target). */
export function withLinkText(text: string): string {
	return text.includes("[[") ? text.replace(LINK_RE, (_m, inner: string) => parseLinkInner(inner).text) : text;
}

/** Every `[[...]]` in a string, as plain-text parts. */
export function parseWikiLinks(text: string): WikiLink[] {
	if (!text.includes("[[")) return [];
	const out: WikiLink[] = [];
	for (const m of text.matchAll(LINK_RE)) out.push(parseLinkInner(m[1]));
	return out;
}

// ---------------------------------------------------------------- types
