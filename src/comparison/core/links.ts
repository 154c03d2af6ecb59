/** Text that is a link: allowed URLs, and Obsidian `[[wikilinks]]` inside a value. */

import type { WikiLink } from "./types";

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

const LINK_RE = /\[\[([^[\]]+)\]\]/g;
const WHOLE_LINK_RE = /^\s*\[\[([^[\]]+)\]\]\s*$/;

function parseLinkInner(inner: string): WikiLink {
	const pipe = inner.indexOf("|");
	const ref = pipe < 0 ? inner : inner.slice(0, pipe);
	const alias = pipe < 0 ? null : inner.slice(pipe + 1).trim();
	const hash = ref.indexOf("#");
	const target = (hash < 0 ? ref : ref.slice(0, hash)).trim();
	const subpath = hash < 0 ? null : ref.slice(hash).trim();
	const shown = alias !== null && alias !== "" ? alias : target + (subpath ?? "");
	return { target, subpath, alias: alias === "" ? null : alias, text: shown };
}

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

/** The link when the whole string is one `[[...]]`, else null. */
export function wholeLink(text: string): WikiLink | null {
	if (!text.includes("[[")) return null;
	const m = WHOLE_LINK_RE.exec(text);
	return m ? parseLinkInner(m[1]) : null;
}

// ---------------------------------------------------------------- types
