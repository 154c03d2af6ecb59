/**
 * Frontmatter text surgery, shared by the features that edit notes as text (templates, the facts
 * CLI): find the block, read its properties in order, and merge new properties in while leaving
 * every untouched line exactly as it was.
 */
import { Document, isMap, isNode, isScalar, isSeq, parseDocument, type Pair } from "yaml";
import { locateFrontmatter } from "./frontmatter-block";

/** Where a note's frontmatter block sits, as string offsets. */
export interface FrontmatterBlock {
	/** Offset just after the opening `---` line (its newline included). */
	readonly innerStart: number;
	/** Offset of the closing `---` line. */
	readonly innerEnd: number;
	/** Offset just after the closing line (its newline included, if any). */
	readonly end: number;
	/** The YAML between the fences; ends with a newline unless empty. */
	readonly inner: string;
}

/** The frontmatter block at the very start of `text`, or null when there is none. */
export function findFrontmatter(text: string): FrontmatterBlock | null {
	const range = locateFrontmatter(text);
	return range && { innerStart: range.innerStart, innerEnd: range.innerEnd, end: range.end, inner: range.yaml };
}

/** Split a note or template into its frontmatter YAML (null when none) and body. */
export function splitFrontmatter(text: string): { frontmatter: string | null; body: string } {
	const block = findFrontmatter(text);
	if (!block) return { frontmatter: null, body: text };
	return { frontmatter: block.inner, body: text.slice(block.end) };
}

export type PropertyEntry = readonly [key: string, value: unknown];

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const SERIALIZE = { lineWidth: 0, nullStr: "", flowCollectionPadding: false } as const;

function parseMap(yaml: string): Parsed<Pair[]> {
	const doc = parseDocument(yaml);
	if (doc.errors.length > 0) {
		const first = doc.errors[0];
		return { ok: false, error: `invalid YAML: ${first ? (first.message.split("\n")[0] ?? "") : ""}` };
	}
	if (doc.contents === null) return { ok: true, value: [] };
	if (!isMap(doc.contents) || doc.contents.flow === true) {
		return { ok: false, error: "the frontmatter is not a list of properties" };
	}
	return { ok: true, value: doc.contents.items };
}

function keyOf(pair: Pair): string {
	const key = pair.key;
	return isScalar(key) ? String(key.value) : String(key);
}

function valueOf(pair: Pair): unknown {
	const value = pair.value;
	if (value === null || value === undefined) return null;
	return isNode(value) ? (value.toJSON() as unknown) : value;
}

/** The properties of a YAML block, in written order. */
export function readProperties(yaml: string): Parsed<PropertyEntry[]> {
	const parsed = parseMap(yaml);
	if (!parsed.ok) return parsed;
	return { ok: true, value: parsed.value.map((pair): PropertyEntry => [keyOf(pair), valueOf(pair)]) };
}

/** Each property's own YAML text (key to end of value, comments after it excluded), by key. */
export function readPropertyTexts(yaml: string): Map<string, string> {
	const texts = new Map<string, string>();
	const parsed = parseMap(yaml);
	if (!parsed.ok) return texts;
	for (const pair of parsed.value) {
		const span = pairSpan(yaml, pair);
		if (span) texts.set(keyOf(pair), yaml.slice(span.from, span.to));
	}
	return texts;
}

/** One property as YAML text (no trailing newline); lists keep flow style when asked. */
export function serializeProperty(key: string, value: unknown, flow = false): string {
	const doc = new Document({ [key]: value });
	if (flow && isMap(doc.contents)) {
		const pair = doc.contents.items[0];
		if (pair && isSeq(pair.value)) pair.value.flow = true;
	}
	return doc.toString(SERIALIZE).replace(/\n+$/, "");
}

function isEmptyValue(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === "string") return value.trim() === "";
	return Array.isArray(value) && value.length === 0;
}

function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How template properties meet the note's:
 * - `fill` (insert template): a property the note lacks is added; an empty one (no value, `""`
 *   or `[]`) takes the template's value; two lists are united (the note's items first); any
 *   other value the note has is kept.
 * - `set` (new notes): the given value replaces the note's.
 */
export type MergeMode = "fill" | "set";

export interface MergeResult {
	/** The merged YAML (ends with a newline unless empty). */
	readonly yaml: string;
	/** False when the note's YAML is returned unchanged. */
	readonly changed: boolean;
}

interface Edit {
	readonly from: number;
	readonly to: number;
	readonly text: string;
}

function pairSpan(yaml: string, pair: Pair): { from: number; to: number } | null {
	const key = pair.key;
	if (!isScalar(key) || !key.range) return null;
	const value = pair.value;
	let to = key.range[1];
	if (isNode(value) && value.range) to = Math.max(to, value.range[1]);
	while (to > key.range[1] && /\s/.test(yaml[to - 1] ?? "")) to--;
	return { from: key.range[0], to };
}

function mergedValue(current: unknown, incoming: unknown, mode: MergeMode): { value: unknown } | null {
	if (mode === "set") return sameValue(current, incoming) ? null : { value: incoming };
	if (isEmptyValue(current)) return isEmptyValue(incoming) || sameValue(current, incoming) ? null : { value: incoming };
	if (Array.isArray(current) && Array.isArray(incoming)) {
		const union: unknown[] = [...(current as unknown[])];
		for (const item of incoming) {
			if (!union.some((existing) => sameValue(existing, item))) union.push(item);
		}
		return union.length === current.length ? null : { value: union };
	}
	return null;
}

/**
 * Merge `entries` into the YAML `noteYaml` (null or `""` when the note has none). Untouched
 * properties keep their exact text; a changed property is rewritten in place; new properties
 * are appended in the order given, written as in `texts` when it has them (the template's own
 * text, so its style is kept) and serialized otherwise.
 */
export function mergeProperties(
	noteYaml: string | null,
	entries: readonly PropertyEntry[],
	mode: MergeMode,
	texts: ReadonlyMap<string, string> = new Map(),
): Parsed<MergeResult> {
	const yaml = noteYaml ?? "";
	const parsed = parseMap(yaml);
	if (!parsed.ok) return parsed;
	const pairs = new Map<string, Pair>();
	for (const pair of parsed.value) pairs.set(keyOf(pair), pair);

	const edits: Edit[] = [];
	const appended: string[] = [];
	const seen = new Set<string>();
	for (const [key, incoming] of entries) {
		if (seen.has(key)) continue;
		seen.add(key);
		const pair = pairs.get(key);
		if (!pair) {
			appended.push(texts.get(key) ?? serializeProperty(key, incoming));
			continue;
		}
		const next = mergedValue(valueOf(pair), incoming, mode);
		if (!next) continue;
		const span = pairSpan(yaml, pair);
		if (!span) return { ok: false, error: `cannot edit property "${key}"` };
		const value = pair.value;
		const flow = isSeq(value) && value.flow === true;
		edits.push({ ...span, text: serializeProperty(key, next.value, flow) });
	}
	if (edits.length === 0 && appended.length === 0) return { ok: true, value: { yaml, changed: false } };

	let out = yaml;
	for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
		out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
	}
	if (appended.length > 0) {
		if (out !== "" && !out.endsWith("\n")) out += "\n";
		out += appended.join("\n") + "\n";
	}
	return { ok: true, value: { yaml: out, changed: out !== yaml } };
}

/** A full frontmatter block for `yaml`. */
export function frontmatterBlock(yaml: string): string {
	return `---\n${yaml}${yaml === "" || yaml.endsWith("\n") ? "" : "\n"}---\n`;
}
