/**
 * A decision note's frontmatter → its criteria. `type: decision`; `scope` (optional folder);
 * `must` (requirements) and `prefer` (weighted preferences) as lists of text, so Obsidian's
 * Properties panel edits them. Frontmatter is untrusted: every item is checked for type and
 * length, and a bad item is reported with its place while the others still count.
 */
import type { Frontmatter } from "../../shared/core/vault";
import { type Criterion, type CriterionError, parseCriterion } from "./criteria";
import { propertyValue } from "./values";

export const DECISION_TYPE = "decision";
/** More items than this in `must` or `prefer` are not read. */
export const MAX_CRITERIA = 100;
/** A longer `scope` is refused. */
const MAX_SCOPE_LENGTH = 1000;

export type CriterionList = "must" | "prefer";

/** One item of `must` or `prefer`: parsed, or its error. */
export type CriterionEntry =
	| { readonly list: CriterionList; readonly index: number; readonly ok: true; readonly criterion: Criterion }
	| { readonly list: CriterionList; readonly index: number; readonly ok: false; readonly error: CriterionError };

export interface DecisionSpec {
	/** Folder the candidates come from, or null for every framework note. */
	readonly scope: string | null;
	readonly must: readonly CriterionEntry[];
	readonly prefer: readonly CriterionEntry[];
	/** Problems with the note as a whole (not a decision, a list that is not a list, …). */
	readonly problems: readonly string[];
}

export function isDecisionFrontmatter(fm: Frontmatter | null): boolean {
	const type = propertyValue(fm, "type");
	return typeof type === "string" && type.trim().toLowerCase() === DECISION_TYPE;
}

function readList(fm: Frontmatter | null, list: CriterionList, problems: string[]): CriterionEntry[] {
	const raw = propertyValue(fm, list);
	if (raw === undefined || raw === null || raw === "") return [];
	const items: unknown[] = Array.isArray(raw) ? raw : [raw];
	if (items.length > MAX_CRITERIA) problems.push(`${list}: only the first ${MAX_CRITERIA} of ${items.length} items are read`);
	const out: CriterionEntry[] = [];
	items.slice(0, MAX_CRITERIA).forEach((item, index) => {
		if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
			const error: CriterionError = { text: "", column: 1, message: `${list} item ${index + 1} is not text` };
			out.push({ list, index, ok: false, error });
			return;
		}
		const parsed = parseCriterion(String(item), list === "prefer");
		out.push(parsed.ok ? { list, index, ok: true, criterion: parsed.criterion } : { list, index, ok: false, error: parsed.error });
	});
	return out;
}

/** Read a decision note's frontmatter. */
export function readDecision(fm: Frontmatter | null): DecisionSpec {
	const problems: string[] = [];
	if (!isDecisionFrontmatter(fm)) problems.push(`not a decision note (it needs the property "type: ${DECISION_TYPE}")`);
	const rawScope = propertyValue(fm, "scope");
	let scope: string | null = null;
	if (typeof rawScope === "string" && rawScope.trim() !== "") {
		if (rawScope.length > MAX_SCOPE_LENGTH) problems.push(`scope: longer than ${MAX_SCOPE_LENGTH} characters`);
		else scope = rawScope.trim().replace(/^\/+|\/+$/g, "");
	} else if (rawScope !== undefined && rawScope !== null && rawScope !== "") {
		problems.push("scope: must be a folder path (text)");
	}
	const must = readList(fm, "must", problems);
	const prefer = readList(fm, "prefer", problems);
	return { scope: scope === "" ? null : scope, must, prefer, problems };
}
