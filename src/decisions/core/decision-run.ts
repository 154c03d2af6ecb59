/**
 * A decision note ranked over a vault, as both CLIs run it (the Node CLI's `decide`, Obsidian's
 * `framework-notes:decide`): the note's criteria read, the candidates chosen in its scope (or in
 * a folder given instead), ranked; with the lines that say what is wrong with the note.
 */
import type { CompareSettings } from "../../shared/core/settings";
import { type Frontmatter, isFolder, type VaultSnapshot } from "../../shared/core/vault";
import { decisionCandidates } from "./candidates";
import { readDecision } from "./decision-note";
import { decide } from "./engine";
import { errorLines, type ReportInput } from "./report";

export interface DecisionRunOptions {
	/** The choice of framework notes (the settings', or one made on the command line). */
	readonly settings: CompareSettings;
	readonly templatesFolder: string | null;
	/** A folder to take the notes from instead of the decision's scope (`""`: the whole vault). */
	readonly folder?: string;
	/**
	 * Called once the candidates hold the properties the criteria read: a vault on disk lets go of
	 * every note's parsed frontmatter there (at 100k notes it is most of the run's memory).
	 */
	readonly release?: () => void;
}

/** Only the properties the criteria read (the rest of a candidate's frontmatter is never looked at). */
function criteriaProperties(spec: ReturnType<typeof readDecision>): Set<string> {
	const keys = new Set<string>();
	for (const entry of [...spec.must, ...spec.prefer]) if (entry.ok) keys.add(entry.criterion.rule.property);
	return keys;
}

function picked(frontmatter: Frontmatter | null, keys: ReadonlySet<string>): Frontmatter | null {
	if (frontmatter === null) return null;
	const out = new Map<string, unknown>();
	for (const key of keys) if (Object.prototype.hasOwnProperty.call(frontmatter, key)) out.set(key, frontmatter[key]);
	return Object.fromEntries(out);
}

export function runDecision(
	snapshot: VaultSnapshot,
	decision: string,
	options: DecisionRunOptions,
): { readonly report: ReportInput; readonly errors: string[] } {
	const spec = readDecision(snapshot.frontmatter(decision));
	const errors = errorLines(spec);
	if (spec.scope !== null && options.folder === undefined) {
		const folder = snapshot.getNode(spec.scope);
		if (folder === null || !isFolder(folder)) errors.push(`scope: no folder "${spec.scope}" in the vault`);
	}
	const scope = options.folder === undefined ? spec.scope : options.folder === "" ? null : options.folder;
	let notes = decisionCandidates(snapshot, { settings: options.settings, scope, templatesFolder: options.templatesFolder, decision });
	if (options.release !== undefined) {
		const keys = criteriaProperties(spec);
		notes = notes.map((note) => ({ ...note, frontmatter: picked(note.frontmatter, keys) }));
		options.release();
	}
	return { report: { decision, spec: { ...spec, scope }, result: decide(spec, notes) }, errors };
}
