/**
 * Reading an outline note: list items whose text starts with a bold name, grouped by the
 * nearest heading above them.
 *
 * Recognised items (numbered or bulleted, at any nesting depth):
 *   `1. **Django**: description`, `- **Flask** — description`, `- **Bottle** - description`,
 *   `- **Zappa:** description`, `- **[[Django]]**: description`, `* **CherryPy**` (no description).
 * Lines inside frontmatter, code fences and Waypoint blocks are ignored.
 */

import { locateFrontmatter } from "../../shared/core/frontmatter-block";
import { markdownSpans, replaceSpans, wikiSpans } from "../../shared/core/link-scan";

export interface OutlineItem {
	/** The name as shown (link syntax and emphasis removed), e.g. `AWS Chalice`. */
	readonly name: string;
	/** The note the item already links to (`**[[Django]]**` → `Django`), or null. */
	readonly linkTarget: string | null;
	/** The nearest heading's text, e.g. `Full-Stack Frameworks` (`""` when none). */
	readonly category: string;
	/** The category as written to frontmatter, e.g. `full-stack` (see `categorySlug`). */
	readonly categorySlug: string;
	/** The description with stray citation digits removed. */
	readonly summary: string;
	/** Zero-based line number of the item in the outline. */
	readonly line: number;
}

/** An ATX heading; its closing `#`s are removed by `headingText` (one regex would backtrack). */
const HEADING = /^ {0,3}(#{1,6})([ \t].*)$/;

function isBlank(char: string | undefined): boolean {
	return char === " " || char === "\t";
}

/** A heading's text (`after` starts with the blank after the opening `#`s): closing `#`s and blanks removed. */
function headingText(after: string): string {
	let end = after.length;
	while (end > 0 && isBlank(after[end - 1])) end--;
	let hashes = end;
	while (hashes > 0 && after[hashes - 1] === "#") hashes--;
	if (hashes < end && isBlank(after[hashes - 1])) {
		end = hashes;
		while (end > 0 && isBlank(after[end - 1])) end--;
	}
	let start = 0;
	while (start < end && isBlank(after[start])) start++;
	return after.slice(start, end);
}
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ITEM = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+(?:\[[ xX]\][ \t]+)?\*\*(.+?)\*\*(.*)$/;
const SEPARATOR = /^[ \t]*(?::|—|–|-{1,2}(?=[ \t]|$))[ \t]*/;
const WAYPOINT_BEGIN = /%% Begin (?:Waypoint|Landmark) %%/;
const WAYPOINT_END = /%% End (?:Waypoint|Landmark) %%/;

/** Markdown emphasis, code and link syntax removed: `**[[Django|Dj]]**` → `Dj`. */
export function plainText(markdown: string): string {
	const unwiki = replaceSpans(markdown, wikiSpans(markdown), ({ inner }) => {
		const bar = inner.indexOf("|");
		return bar < 0 ? inner : inner.slice(bar + 1);
	});
	return replaceSpans(unwiki, markdownSpans(unwiki), ({ label }) => label)
		.replace(/[*_`~]+/g, "")
		.replace(/\s+/g, " ")
		.trim();
}

/** The target of the first wiki or markdown link in `markdown`, or null. */
function linkTargetOf(markdown: string): string | null {
	const wiki = wikiSpans(markdown)[0];
	const target = wiki?.inner.split(/[|#^]/, 1)[0] ?? "";
	if (target !== "") return target.trim();
	const md = markdownSpans(markdown, (destination) => /^[^)\s]+$/.test(destination))[0]?.destination;
	if (md !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(md)) {
		return decodeURIComponentSafe(md).replace(/\.md$/i, "");
	}
	return null;
}

function decodeURIComponentSafe(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Words ending in digits that are names, not citations (`Python3.` stays). */
const DIGIT_WORDS = new Set([
	"python2",
	"python3",
	"py2",
	"py3",
	"mp3",
	"mp4",
	"es5",
	"es6",
	"h2",
	"http2",
	"http3",
	"ipv4",
	"ipv6",
	"utf8",
	"utf16",
	"base64",
	"md5",
	"sha1",
	"sha256",
	"oauth1",
	"oauth2",
	"s3",
	"ec2",
	"html5",
	"css3",
	"vue2",
	"vue3",
	"win32",
	"win64",
	"x64",
	"x86",
	"web2",
	"angular2",
	"k8s",
]);

/**
 * Remove stray citation digits: one or two digits glued to the end of a word whose last three
 * letters are lower-case, at the end of a sentence or of the text (`interface2.` → `interface.`, `Lambda2` at the end →
 * `Lambda`). Real numbers (`Python 3.6+`, `2005.`) and known names (`Python3`, `OAuth2`) stay.
 */
export function cleanDescription(text: string): string {
	const cleaned = text
		.replace(/<br\s*\/?>/gi, " ")
		.replace(/\s+/g, " ")
		.trim()
		.replace(/\b([A-Za-z]*[a-z]{3})(\d{1,2})(?=[.!?](?:\s|$)|$)/g, (whole: string, word: string) =>
			DIGIT_WORDS.has(whole.toLowerCase()) ? whole : word,
		);
	return cleaned;
}

const GENERIC_TAIL = /(?<![\s-])[\s-]+(?:frameworks?|approach(?:es)?|librar(?:y|ies)|tools?|options?)$/i;

/**
 * The frontmatter form of a category heading: markdown removed; a trailing generic word
 * ("Frameworks", "Approaches", "Libraries", "Tools", "Options") dropped when other words remain;
 * lower-cased; runs of anything but letters and digits become one `-`; a final plural
 * "frameworks"/"libraries"/"approaches" made singular.
 * "Full-Stack Frameworks" → `full-stack`, "Asynchronous Frameworks" → `asynchronous`,
 * "Microframeworks" → `microframework`, "Other Approaches" → `other`,
 * "Serverless Frameworks" → `serverless`.
 */
export function categorySlug(heading: string): string {
	let text = plainText(heading);
	const trimmed = text.replace(GENERIC_TAIL, "");
	if (/[\p{L}\p{N}]/u.test(trimmed)) text = trimmed;
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, "-")
		.replace(/^-+|-+$/g, "")
		.replace(/frameworks$/, "framework")
		.replace(/libraries$/, "library")
		.replace(/approaches$/, "approach");
}

/** Every outline item in `text`, in order. */
export function parseOutline(text: string): OutlineItem[] {
	const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
	const items: OutlineItem[] = [];
	let category = "";
	let fence: string | null = null;
	let inWaypoint = false;
	const start = locateFrontmatter(text)?.lineCount ?? 0;
	for (let i = start; i < lines.length; i++) {
		const line = lines[i] ?? "";
		const fenceMatch = FENCE.exec(line);
		if (fence !== null) {
			if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
			continue;
		}
		if (fenceMatch?.[1]) {
			fence = fenceMatch[1];
			continue;
		}
		if (inWaypoint) {
			if (WAYPOINT_END.test(line)) inWaypoint = false;
			continue;
		}
		if (WAYPOINT_BEGIN.test(line)) {
			inWaypoint = !WAYPOINT_END.test(line);
			continue;
		}
		const heading = HEADING.exec(line);
		if (heading) {
			category = plainText(headingText(heading[2] ?? ""));
			continue;
		}
		const item = ITEM.exec(line);
		if (!item) continue;
		let rawName = item[1] ?? "";
		let rest = item[2] ?? "";
		let separated = false;
		if (/:\s*$/.test(rawName)) {
			rawName = rawName.replace(/:\s*$/, "");
			separated = true;
		}
		const separator = SEPARATOR.exec(rest);
		if (separator) {
			rest = rest.slice(separator[0].length);
			separated = true;
		}
		if (!separated && rest.trim() !== "") continue;
		const name = plainText(rawName);
		if (name === "") continue;
		items.push({
			name,
			linkTarget: linkTargetOf(rawName),
			category,
			categorySlug: categorySlug(category),
			summary: cleanDescription(rest),
			line: i,
		});
	}
	return items;
}

/** A `**Name**` span in an outline line that names `name`: its offsets, and whether it links. */
function boldSpan(line: string, name: string): { from: number; to: number; linked: boolean } | null {
	const bold = /\*\*(.+?)\*\*/g;
	for (const match of line.matchAll(bold)) {
		const inner = (match[1] ?? "").replace(/:\s*$/, "");
		if (plainText(inner) !== name) continue;
		const from = match.index + 2;
		return { from, to: from + inner.length, linked: /\[\[|\]\(/.test(inner) };
	}
	return null;
}

export interface OutlineLink {
	/** Zero-based line of the item (from `parseOutline`). */
	readonly line: number;
	/** The item's name as parsed. */
	readonly name: string;
	/** The note's link path (file name without `.md`). */
	readonly target: string;
}

/**
 * Replace each item's bold name with a wiki link to its note (`**Django**` → `**[[Django]]**`,
 * `**C/C++**` → `**[[C C++|C/C++]]**`). Only those spans change. Each link finds its item by
 * name, at its recorded line or, when lines moved since parsing (an index block above grew),
 * the nearest item of that name. An item already linked or gone is left alone. Returns the
 * text unchanged when there is nothing to do.
 */
export function linkOutlineItems(text: string, links: readonly OutlineLink[]): string {
	const lines = text.split("\n");
	const items = parseOutline(text);
	const used = new Set<number>();
	let changed = false;
	for (const link of links) {
		let best: OutlineItem | null = null;
		for (const item of items) {
			if (item.name !== link.name || used.has(item.line)) continue;
			if (!best || Math.abs(item.line - link.line) < Math.abs(best.line - link.line)) best = item;
		}
		if (!best) continue;
		used.add(best.line);
		const line = lines[best.line] ?? "";
		const span = boldSpan(line, link.name);
		if (!span || span.linked) continue;
		const label = line.slice(span.from, span.to);
		const wiki = link.target === label ? `[[${link.target}]]` : `[[${link.target}|${label}]]`;
		lines[best.line] = line.slice(0, span.from) + wiki + line.slice(span.to);
		changed = true;
	}
	return changed ? lines.join("\n") : text;
}
