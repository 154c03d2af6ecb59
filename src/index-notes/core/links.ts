/**
 * Link text for one entry of an index.
 *
 * Formats (contract "Tree lines"):
 * - wiki, Waypoint format: `[[basename]]`, `[[basename|Title]]`, `[[Name.base|Name]]`,
 *   `[[file.ext]]`; a name another file of the vault shares (letter case aside) becomes the
 *   shortest path that opens this file, `[[Flask/Note]]` (see shared/core/link-names.ts); in the
 *   fixed-name folder-note style a folder note is linked by its vault path
 *   with the folder's name as text (`[[Projects/Sub/index|Sub]]`), because every such note has
 *   the same basename and `[[index]]` would open the wrong one.
 * - markdown: `[text](./<encodeURI(path relative to the index note's folder)>)`, with `#` and `?`
 *   also encoded (they would start a heading or query) and parentheses encoded only when
 *   unbalanced; ordinary names give exactly Waypoint's bytes.
 * - "follow Obsidian's link setting": the adapter's `linkText` (FileManager.generateMarkdownLink),
 *   which handles duplicate basenames (shortest / relative / absolute).
 *
 * Link safety (contract "Deliberate differences" 6). A wikilink cannot carry a target containing
 * `[ ] | # ^`, a backtick, a backslash, `%%` or leading/trailing spaces, nor an alias containing
 * `[ ] |`, a backtick, a backslash or `%%` (`[[a|[[x]]]]`, `[[a#b]]` = heading b of a, `[[ a]]`
 * = note "a", backticks pair into code spans, `%%` opens a comment). For such entries, in wiki
 * mode and in Obsidian mode alike, we write a markdown link instead:
 * `[escaped text](<vault path, each segment percent-encoded>)`. Obsidian resolves markdown links
 * by their URL-decoded destination, so the percent-encoded absolute path (what Obsidian itself
 * writes with the "absolute path" setting) opens exactly that file whatever its name, including
 * duplicate names; the text has `\ [ ] `` ` escaped so the link cannot end early.
 *
 * Marker safety: no line we write may contain `%%` (a note named `x %% End Waypoint %%` would
 * otherwise end the block early on the next refresh). Targets with `%%` always take the
 * encoded-path form (`%` -> `%25`), and any text with `%%` has its `%` escaped as `\%`.
 */

const WIKI_TARGET_UNSAFE = /[[\]|#^`\\\n\r]|%%/;
const WIKI_ALIAS_UNSAFE = /[[\]|`\\\n\r]|%%/;

export function safeWikiTarget(target: string): boolean {
	return target !== "" && target === target.trim() && !WIKI_TARGET_UNSAFE.test(target);
}

/** A segment that is empty or starts or ends with whitespace (what `trim` removes, which `\s` matches). */
const BAD_SEGMENT = /^$|^\/|\/$|\/\/|^\s|\s$|\s\/|\/\s/;

/** Every `/`-separated segment of a vault path is a safe wikilink target (one pass, no split). */
export function safeWikiPath(path: string): boolean {
	return !WIKI_TARGET_UNSAFE.test(path) && !BAD_SEGMENT.test(path);
}

export function safeWikiAlias(alias: string): boolean {
	return alias !== "" && alias === alias.trim() && !WIKI_ALIAS_UNSAFE.test(alias);
}

/** Escape text for the inside of `[...]` in a markdown link. */
export function escapeLinkText(text: string): string {
	let out = text.replace(/[\\[\]`]/g, (c) => `\\${c}`);
	if (out.includes("%%")) out = out.replace(/%/g, "\\%");
	return out.replace(/[\r\n]+/g, " ");
}

/** Escape a folder name shown as `**Name**`: markdown specials that would break the bold or the block. */
export function escapeBoldText(text: string): string {
	let out = text.replace(/[\\*`[\]<]/g, (c) => `\\${c}`);
	if (out.includes("%%")) out = out.replace(/%/g, "\\%");
	return out.replace(/[\r\n]+/g, " ");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(s: string): string {
	return s.replace(LONE_SURROGATE, "\uFFFD");
}

function balancedParens(s: string): boolean {
	let depth = 0;
	for (const c of s) {
		if (c === "(") depth++;
		else if (c === ")" && --depth < 0) return false;
	}
	return depth === 0;
}

/** Waypoint's markdown-link destination: `./` + encodeURI(relative path), made safe. */
export function relativeDestination(relativePath: string): string {
	let out = encodeURI(wellFormed(relativePath)).replace(/#/g, "%23").replace(/\?/g, "%3F");
	if (!balancedParens(out)) out = out.replace(/\(/g, "%28").replace(/\)/g, "%29");
	return `./${out}`;
}

/** Vault-absolute destination with every segment percent-encoded (used by the safe fallback). */
export function absoluteDestination(path: string): string {
	return wellFormed(path)
		.split("/")
		.map((seg) => encodeURIComponent(seg).replace(/\(/g, "%28").replace(/\)/g, "%29"))
		.join("/");
}

export function markdownLink(text: string, destination: string): string {
	return `[${escapeLinkText(text)}](${destination})`;
}
