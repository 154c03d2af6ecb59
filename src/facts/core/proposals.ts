/**
 * From facts to proposals, and from proposals to what gets written.
 *
 * - A property the note has no value for (absent, null, blank, an empty list) is filled: ticked.
 * - A different value is a replacement: unticked, written only when the user ticks it (`--update`
 *   in the CLI).
 * - An equal value is not proposed. Equal is meant loosely, as a reader would: letter case and
 *   surrounding spaces do not count, `"2005"` equals 2005, `[[Python]]` equals Python, a list
 *   equals a value it holds, URLs compare without scheme, `www.`, trailing slash or `.git`, and
 *   dates by their day.
 * - `first_release`, `language` and `summary` only fill: a registry knows a package's first
 *   upload (not the framework's first release), the language a registry implies is a coarse
 *   guess (an npm package may be written in TypeScript), and a summary is the user's prose.
 */
import type { Fact, FactValue, NoteFacts, Proposal } from "./types";

/** Keys facts fill but never replace. */
export const FILL_ONLY: ReadonlySet<string> = new Set(["first_release", "language", "summary"]);
const URL_KEYS: ReadonlySet<string> = new Set(["website", "repository"]);

/** Empty as a property value: absent, null, blank text, an empty list (or one of blanks). */
export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === "string") return value.trim() === "";
	return Array.isArray(value) && value.every(isEmptyValue);
}

function normalized(value: unknown, key: string): string | null {
	let text: string;
	if (typeof value === "string") text = value;
	else if (typeof value === "number" || typeof value === "boolean") text = String(value);
	else if (value instanceof Date && !Number.isNaN(value.getTime())) text = value.toISOString().slice(0, 10);
	else return null;
	text = text
		.trim()
		.replace(/^\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]$/, "$1")
		.trim()
		.toLowerCase();
	if (URL_KEYS.has(key)) {
		text = text
			.replace(/^https?:\/\//, "")
			.replace(/^www\./, "")
			.replace(/\/+$/, "")
			.replace(/\.git$/, "");
	}
	if (/^\d{4}-\d{2}-\d{2}[t ]/.test(text)) text = text.slice(0, 10);
	return text;
}

/** The note's value already says what the fact says. */
export function sameValue(current: unknown, value: FactValue, key: string): boolean {
	const want = normalized(value, key);
	if (Array.isArray(current)) return current.some((item) => normalized(item, key) === want);
	return normalized(current, key) === want;
}

/** The proposals for one note: its `package` first when guessed, then the facts in the template's order. */
export function proposalsFor(
	frontmatter: ReadonlyMap<string, unknown>,
	facts: readonly Fact[],
	guessedPackage: { value: string; provenance: string } | null,
): Proposal[] {
	const proposals: Proposal[] = [];
	if (guessedPackage !== null) {
		const current = frontmatter.get("package");
		proposals.push({
			key: "package",
			current,
			value: guessedPackage.value,
			provenance: guessedPackage.provenance,
			kind: "fill",
			ticked: true,
		});
	}
	for (const fact of facts) {
		const current = frontmatter.get(fact.key);
		if (isEmptyValue(current)) {
			proposals.push({ key: fact.key, current, value: fact.value, provenance: fact.provenance, kind: "fill", ticked: true });
		} else if (!FILL_ONLY.has(fact.key) && !sameValue(current, fact.value, fact.key)) {
			proposals.push({ key: fact.key, current, value: fact.value, provenance: fact.provenance, kind: "replace", ticked: false });
		}
	}
	return proposals;
}

export interface TickOptions {
	/** Replace differing values too (the CLI's `--update`). */
	readonly update: boolean;
	/** Only these keys (the CLI's `--only`); all when absent or null. */
	readonly only?: Iterable<string> | null;
}

/**
 * What to write for one note, key → value, in proposal order: every fill (the guessed `package`
 * included), and replacements only with `update`. `first_release` and `summary` are never
 * replaced. `only` limits the keys.
 */
export function ticked(noteFacts: NoteFacts, options: TickOptions): Map<string, FactValue> {
	const only = options.only ? new Set(options.only) : null;
	const out = new Map<string, FactValue>();
	for (const proposal of noteFacts.proposals) {
		if (only !== null && !only.has(proposal.key)) continue;
		if (proposal.kind === "fill" || (options.update && !FILL_ONLY.has(proposal.key))) out.set(proposal.key, proposal.value);
	}
	return out;
}
